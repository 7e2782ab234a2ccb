package fr.capsules.ingest.normalize;

import fr.capsules.ingest.parse.Heading;
import fr.capsules.ingest.parse.Paragraph;
import fr.capsules.ingest.parse.ParsedDocument;
import fr.capsules.ingest.parse.TableBlock;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Chooses the title shown when a passage of a document is cited.
 *
 * <p>Agents name their files "rapport.pdf", "scan_0001.pdf" or "Document1.docx", so the file name
 * is trusted only when it says something ({@link #isGenericFileName(String)}). Rules, in order:
 *
 * <ul>
 *   <li>meaningful file name: the metadata title if it is meaningful, else the humanised file name
 *       (extension removed, {@code _ - .} turned into spaces, first letter capitalised — accents
 *       are never invented: "procedure-reclamations_v2.pdf" → "Procedure reclamations v2");
 *   <li>generic file name: the metadata title if meaningful, else the first level-1 or level-2
 *       heading, else the first line of text that holds a letter, else the first table caption that
 *       is not generic (an XLSX sheet name), else the humanised file name.
 * </ul>
 *
 * <p>A metadata title is meaningful unless it is blank, an office export artefact ("Microsoft Word
 * - rapport.docx"), a file name, generic by the same test as file names ("untitled", "Sans titre",
 * "Document1"), or the file name itself. Titles are normalised to one line and cut at a word
 * boundary to at most 150 characters (an ellipsis marks the cut).
 *
 * <p>Stateless and thread-safe.
 */
public final class TitleExtractor {

    static final int MAX_TITLE_CHARS = 150;

    private static final Pattern OFFICE_EXPORT =
            Pattern.compile(
                    "^(?:microsoft\\s+)?(?:word|excel|powerpoint|office)\\s*-\\s+",
                    Pattern.CASE_INSENSITIVE);
    private static final Pattern DOCUMENT_EXTENSION =
            Pattern.compile(
                    "\\.(?:pdf|docx?|xlsx?|xlsm|odt|ods|odp|pptx?|rtf|txt|csv|html?|md"
                            + "|jpe?g|png|tiff?)$",
                    Pattern.CASE_INSENSITIVE);
    private static final Pattern ANY_EXTENSION = Pattern.compile("\\.[A-Za-z][A-Za-z0-9]{0,4}$");
    /** Dots are separators except between digits ("v2.1"). */
    private static final Pattern NAME_SEPARATORS =
            Pattern.compile("%20|[_\\s+]+|-+|(?<!\\d)\\.|\\.(?!\\d)");
    private static final Pattern HAS_LETTER = Pattern.compile("\\p{L}");

    private final TextNormalizer normalizer = new TextNormalizer();
    private final FileNameWords fileNameWords = new FileNameWords();

    /**
     * @param fileName the uploaded file name, possibly with a directory part; null is treated as
     *     generic
     * @param doc what the parser understood of the file
     * @return a one-line title, never null nor blank
     */
    public String title(String fileName, ParsedDocument doc) {
        Optional<String> metadataTitle = meaningfulMetadataTitle(doc.metadataTitle(), fileName);
        if (!isGenericFileName(fileName)) {
            // A meaningful name still loses accents and case; the document's own opening heading,
            // when it has one, says the same thing better.
            return metadataTitle.or(() -> openingHeading(doc)).orElseGet(() -> humanise(fileName));
        }
        return metadataTitle
                .or(() -> firstTopHeading(doc))
                .or(() -> firstTextLine(doc))
                .or(() -> firstMeaningfulCaption(doc))
                .orElseGet(() -> humanise(fileName));
    }

    /**
     * True when a file name says nothing about its content: once the extension, copy markers
     * ("(2)", "copie de"), numbers, dates, month names and generic words (rapport, document, scan,
     * numérisation, sans titre, untitled, final, export, image, nouveau, fichier…) are removed, at
     * most three letters remain. Accents and case are ignored; a null or blank name is generic.
     */
    public boolean isGenericFileName(String fileName) {
        if (fileName == null || fileName.isBlank()) {
            return true;
        }
        return fileNameWords.meaningfulLetterCount(stem(fileName)) <= 3;
    }

    private Optional<String> meaningfulMetadataTitle(String metadataTitle, String fileName) {
        String title = normalizer.normalizeInline(metadataTitle);
        if (title.isEmpty()
                || OFFICE_EXPORT.matcher(title).find()
                || DOCUMENT_EXTENSION.matcher(title).find()
                || isGenericFileName(title)
                || (fileName != null && sameWords(title, fileName))) {
            return Optional.empty();
        }
        return Optional.of(shorten(title));
    }

    private boolean sameWords(String title, String fileName) {
        return fileNameWords.words(title).equals(fileNameWords.words(stem(fileName)));
    }

    private Optional<String> firstTopHeading(ParsedDocument doc) {
        return doc.blocks().stream()
                .filter(Heading.class::isInstance)
                .map(Heading.class::cast)
                .filter(h -> h.level() <= 2)
                .map(h -> normalizer.normalizeInline(h.text()))
                .filter(text -> HAS_LETTER.matcher(text).find())
                .findFirst()
                .map(TitleExtractor::shorten);
    }

    /**
     * A heading of level 1 or 2 among the first three blocks, of at least two words and not
     * generic itself (a sheet named "Feuil1" or a heading "Sommaire" is no title).
     */
    private Optional<String> openingHeading(ParsedDocument doc) {
        return doc.blocks().stream()
                .limit(3)
                .filter(Heading.class::isInstance)
                .map(Heading.class::cast)
                .filter(h -> h.level() <= 2)
                .map(h -> normalizer.normalizeInline(h.text()))
                .filter(text -> text.split(" ").length >= 2 && !isGenericFileName(text))
                .findFirst()
                .map(TitleExtractor::shorten);
    }

    private Optional<String> firstTextLine(ParsedDocument doc) {
        return doc.blocks().stream()
                .filter(Paragraph.class::isInstance)
                .map(Paragraph.class::cast)
                // Lines are taken before joining: a document's first line is its title line far
                // more often than its first sentence is.
                .flatMap(p -> p.text().lines())
                .map(normalizer::normalizeInline)
                .filter(line -> HAS_LETTER.matcher(line).find())
                .findFirst()
                .map(TitleExtractor::shorten);
    }

    private Optional<String> firstMeaningfulCaption(ParsedDocument doc) {
        return doc.blocks().stream()
                .filter(TableBlock.class::isInstance)
                .map(b -> normalizer.normalizeInline(((TableBlock) b).caption()))
                .filter(caption -> !isGenericFileName(caption))
                .findFirst()
                .map(TitleExtractor::shorten);
    }

    private String humanise(String fileName) {
        String base = fileName == null ? "" : stem(fileName);
        String words = normalizer.normalizeInline(NAME_SEPARATORS.matcher(base).replaceAll(" "));
        if (words.isEmpty()) {
            return "Document sans titre";
        }
        int first = words.codePointAt(0);
        String capitalised =
                new StringBuilder()
                        .appendCodePoint(Character.toUpperCase(first))
                        .append(words, Character.charCount(first), words.length())
                        .toString();
        return shorten(capitalised);
    }

    /** The file name without directory nor extension. */
    private static String stem(String fileName) {
        String name = fileName.strip();
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        return ANY_EXTENSION.matcher(name.substring(slash + 1)).replaceFirst("");
    }

    /** Cuts at the last word boundary within {@link #MAX_TITLE_CHARS}, marking the cut with "…". */
    static String shorten(String title) {
        if (title.length() <= MAX_TITLE_CHARS) {
            return title;
        }
        int space = title.lastIndexOf(' ', MAX_TITLE_CHARS - 1);
        int cut = space >= MAX_TITLE_CHARS / 2 ? space : MAX_TITLE_CHARS - 1;
        return title.substring(0, cut).strip() + "…";
    }
}
