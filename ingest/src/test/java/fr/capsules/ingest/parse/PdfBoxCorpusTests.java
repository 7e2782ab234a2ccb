package fr.capsules.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Runs the PDF parser over PDFBox's own test corpus (when the shared evaluation folder is present
 * next to the repository): every file parses or fails with an exception, never hangs, and where
 * PDFBox ships the expected text, most of its words are found by our extraction.
 */
class PdfBoxCorpusTests {

    private static final Path CORPUS = Path.of("../../shared/eval/pdfbox-input");
    /**
     * Words of four letters or more. Combining marks are left out on purpose: in the Arabic
     * sample (FC60_Times.pdf) the expected text orders diacritics differently from our output.
     */
    private static final Pattern WORD = Pattern.compile("\\p{L}{4,}");
    /** Per-file share of expected words we must find; a few files are known hard cases. */
    private static final double MIN_SHARE = 0.6;
    private static final double MIN_MEAN_SHARE = 0.85;

    private final PdfParser parser = new PdfParser();

    private static List<Path> pdfs() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(CORPUS), "PDFBox corpus not present at " + CORPUS.toAbsolutePath());
        try (Stream<Path> files = Files.list(CORPUS)) {
            return files.filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".pdf"))
                    .sorted().toList();
        }
    }

    @Test
    void everyPdfEitherParsesOrFailsWithAnExceptionWithoutHanging() throws IOException {
        List<String> failures = new ArrayList<>();
        for (Path pdf : pdfs()) {
            byte[] bytes = Files.readAllBytes(pdf);
            assertTimeoutPreemptively(Duration.ofSeconds(15), () -> {
                try {
                    ParsedDocument parsed = parser.parse(bytes, new ParseContext(ParseLimits.defaults()));
                    assertThat(parsed.pageCount()).as(pdf.toString()).isGreaterThanOrEqualTo(0);
                } catch (IOException | DocumentRejectedException e) {
                    failures.add(pdf.getFileName() + ": " + e.getMessage());
                }
            }, pdf.toString());
        }
        // Most of the corpus is valid; broken files are allowed to fail, not to hang.
        assertThat(failures.size()).as(failures.toString()).isLessThan(pdfs().size() / 4);
    }

    @Test
    void findsMostExpectedWordsWherePdfBoxShipsTheExpectedText() throws IOException {
        List<String> poor = new ArrayList<>();
        double sum = 0;
        int compared = 0;
        for (Path pdf : pdfs()) {
            Path expectedFile = pdf.resolveSibling(pdf.getFileName() + ".txt");
            if (!Files.exists(expectedFile)) {
                continue;
            }
            Set<String> expected = words(new String(Files.readAllBytes(expectedFile), StandardCharsets.UTF_8));
            if (expected.isEmpty()) {
                continue;
            }
            ParsedDocument parsed = parser.parse(Files.readAllBytes(pdf), new ParseContext(ParseLimits.defaults()));
            Set<String> found = words(PdfFixtures.texts(parsed).toString());
            double share = expected.stream().filter(found::contains).count() / (double) expected.size();
            sum += share;
            compared++;
            if (share < MIN_SHARE) {
                poor.add(pdf.getFileName() + " " + Math.round(share * 100) + " %");
            }
        }
        Assumptions.assumeTrue(compared > 0, "no expected texts in the corpus");
        assertThat(poor).as("files where we find too few expected words").isEmpty();
        assertThat(sum / compared).isGreaterThanOrEqualTo(MIN_MEAN_SHARE);
    }

    private static Set<String> words(String text) {
        Set<String> words = new HashSet<>();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            words.add(m.group());
        }
        return words;
    }
}
