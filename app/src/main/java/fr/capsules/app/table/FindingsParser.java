package fr.capsules.app.table;

import fr.capsules.ingest.parse.DocumentFormat;
import fr.capsules.ingest.parse.DocumentRejectedException;
import fr.capsules.ingest.parse.FormatDetector;
import fr.capsules.ingest.parse.ParseContext;
import fr.capsules.ingest.parse.ParseLimits;
import fr.capsules.ingest.parse.ParseTimeoutException;
import fr.capsules.ingest.parse.ParsedDocument;
import fr.capsules.ingest.parse.Parsers;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Reads an inspector's list of findings (constats: écarts and remarques), pasted or uploaded, into
 * one {@link Finding} per finding, in input order, so that the inspector can check that none was
 * lost or merged before measures are drafted.
 *
 * <h2>Pasted text</h2>
 *
 * <ul>
 *   <li>A finding starts at a line that begins with a marker: a bullet ({@code - }, {@code * },
 *       {@code • }, {@code –}, {@code ▪}…), a number ({@code 1.}, {@code 1)}, {@code 1 -},
 *       {@code 1 :}, {@code (1)}, {@code 1°}), a letter label ({@code E1}, {@code E1 :},
 *       {@code E 1.}, {@code R2 -}) or a word label ({@code Écart 3 :}, {@code Remarque n°2 :},
 *       {@code Ecart n° 4 –}, {@code Remarque :}). Numbering styles may be mixed; {@link
 *       Finding#number()} is the position, {@link Finding#label()} what was written ("E1", "3",
 *       "Écart 3", "" for a bullet). A word label needs a number or a separator: "Écart de
 *       température…" is wording, not a marker.
 *   <li>A line without a marker continues the previous finding (wrapped text, joined with a space;
 *       a word hyphenated at the line end is rejoined), unless the previous line ended a sentence
 *       ({@code . ! ? … ;}) and a blank line comes before it: then it starts a new finding without
 *       a label. Blank lines between findings are ignored.
 *   <li>Bullets that follow a numbered or labelled finding ending with ":" ("…les chambres
 *       suivantes :") enumerate inside that finding and are joined to it, until the next numbered
 *       or labelled finding.
 *   <li>If no line has a marker, each paragraph (lines separated by blank lines) is one finding; if
 *       there is no blank line either, each line is one finding.
 *   <li>Section headings ("Écarts :", "Remarques", "ÉCARTS CONSTATÉS", "II. Remarques relatives
 *       aux bonnes pratiques", "Écarts et remarques") are not findings; they set the type of the
 *       findings that follow (none for a mixed heading).
 *   <li>Type, first that applies: the label ("E…", "Écart…" → écart; "R…", "Remarque…" →
 *       remarque), the section heading, then the wording, conservatively ({@code FindingWording}:
 *       "non-conformité", "en méconnaissance de l'article", "contrairement aux dispositions" →
 *       écart; "bonnes pratiques", "RBPP" → remarque; both or neither → null).
 *   <li>Lines before the first finding that are a title, a date, the establishment or the mission
 *       are context, not findings ({@link FindingsContext}, which also names the draft); a pasted
 *       e-mail's headers, quoted replies and signature are sorted out first ({@code MailText}).
 *       Lettered items ({@code a)}) keep their letter as label.
 *   <li>Text is normalised by the ingest {@code TextNormalizer} (one line, single spaces, accents
 *       kept); leading and trailing list separators ({@code ; , : -}) are dropped. A marker with no
 *       text is not a finding.
 * </ul>
 *
 * <h2>Files</h2>
 *
 * <ul>
 *   <li>CSV and XLSX: the first table (sheet) whose header names a findings column (constat,
 *       écart, finding, libellé, intitulé, description, observation; case and accents ignored),
 *       else the first with a column of text, the longest on average. An optional type column
 *       (type, nature du constat, catégorie, "Écart / remarque") and number column (n°, numéro,
 *       num, id, used as label). Empty rows and a repeated header row are skipped; a row merged
 *       across the table ("ÉCARTS") and a sheet named after a type set the type of the rows below.
 *       Merged cells are repeated by the ingest parsers, so a vertically merged type cell types
 *       every row it covers. A header cell that reads like a sentence is taken as a first finding.
 *       A header on two rows (merged cells above sub-headers) is read as one ({@code HeaderRows});
 *       lines above the header are context.
 *   <li>DOCX and Markdown: every table with a named findings column, read as above, a heading
 *       above each setting its type; without one, the paragraphs by the text rules, each Word
 *       paragraph counting as a paragraph of text and styled headings never being findings; a
 *       list item nested under another is part of it ({@code DocxListLevels}).
 *   <li>.txt: the text rules. Anything else (PDF, HTML, images, unknown):
 *       {@link InvalidFindingsException}.
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
public final class FindingsParser {

    static final String UNSUPPORTED = "format non pris en charge pour les constats : collez le texte ou déposez"
            + " un fichier CSV, XLSX ou DOCX";
    private static final String NONE_FOUND = "aucun constat trouvé : collez les constats, un par ligne ou numérotés"
            + " (1., E1, R1…), ou déposez un fichier CSV, XLSX ou DOCX";
    private static final Set<DocumentFormat> FINDINGS_FORMATS = Set.of(
            DocumentFormat.CSV, DocumentFormat.XLSX, DocumentFormat.DOCX, DocumentFormat.TEXT, DocumentFormat.MARKDOWN);

    private final int maxFindings;
    private final FormatDetector detector = new FormatDetector();
    private final Parsers parsers = new Parsers();

    /**
     * @param maxFindings the most findings one list may hold, at least 1
     */
    public FindingsParser(int maxFindings) {
        if (maxFindings < 1) {
            throw new IllegalArgumentException("maxFindings must be >= 1, got " + maxFindings);
        }
        this.maxFindings = maxFindings;
    }

    /**
     * @param pasted the findings as pasted, may be null
     * @return the findings in input order, numbered from 1; never empty
     * @throws InvalidFindingsException when no finding is found or more than {@code maxFindings}
     */
    public List<Finding> fromText(String pasted) {
        return readText(pasted).findings();
    }

    /**
     * The findings and their context (title, date, establishment lines before them).
     *
     * @throws InvalidFindingsException as {@link #fromText(String)}
     */
    public FindingsRead readText(String pasted) {
        if (pasted == null || pasted.isBlank()) {
            throw new InvalidFindingsException("texte vide : " + NONE_FOUND);
        }
        LineFindings.Result read = LineFindings.readWithContext(SourceLine.ofText(pasted));
        return new FindingsRead(numbered(read.findings()), new FindingsContext(read.context()));
    }

    /**
     * @param fileName the uploaded name, may be null (its extension only chooses among text formats)
     * @param content the file bytes
     * @return the findings in file order, numbered from 1; never empty
     * @throws InvalidFindingsException when the file is not CSV, XLSX, DOCX, Markdown or text, is
     *     unreadable, has no findings column, or holds no finding or more than {@code maxFindings}
     */
    public List<Finding> fromFile(String fileName, byte[] content) {
        return readFile(fileName, content).findings();
    }

    /**
     * The findings of a file and their context (lines above a table, a title before a list).
     *
     * @throws InvalidFindingsException as {@link #fromFile(String, byte[])}
     */
    public FindingsRead readFile(String fileName, byte[] content) {
        Objects.requireNonNull(content, "content");
        if (content.length == 0) {
            throw new InvalidFindingsException("fichier vide : " + NONE_FOUND);
        }
        ParsedDocument parsed = parse(fileName, content);
        LineFindings.Result read = DocumentFindings.read(parsed,
                parsed.format() == DocumentFormat.DOCX ? DocxListLevels.nestedItems(content) : Set.of());
        return new FindingsRead(numbered(read.findings()), new FindingsContext(read.context()));
    }

    /** Findings in input order, numbered from 1 and never empty, with the context lines around them. */
    public record FindingsRead(List<Finding> findings, FindingsContext context) {}

    private ParsedDocument parse(String fileName, byte[] content) {
        DocumentFormat format;
        try {
            format = detector.detect(fileName, content);
        } catch (DocumentRejectedException e) {
            throw new InvalidFindingsException(UNSUPPORTED, e);
        }
        if (!FINDINGS_FORMATS.contains(format)) {
            throw new InvalidFindingsException(UNSUPPORTED);
        }
        try {
            return parsers.forFormat(format).parse(content, new ParseContext(ParseLimits.defaults()));
        } catch (IOException | DocumentRejectedException | ParseTimeoutException e) {
            // The ingest parsers' messages are French sentences meant for the person.
            throw new InvalidFindingsException("fichier illisible : " + e.getMessage(), e);
        }
    }

    private List<Finding> numbered(List<UnnumberedFinding> findings) {
        if (findings.isEmpty()) {
            throw new InvalidFindingsException(NONE_FOUND);
        }
        if (findings.size() > maxFindings) {
            throw new InvalidFindingsException(
                    "trop de constats : " + findings.size() + " constats ; limite " + maxFindings
                            + ". Découpez la liste en plusieurs tableaux");
        }
        List<Finding> numbered = new ArrayList<>(findings.size());
        for (int i = 0; i < findings.size(); i++) {
            numbered.add(findings.get(i).numbered(i + 1));
        }
        return List.copyOf(numbered);
    }
}
