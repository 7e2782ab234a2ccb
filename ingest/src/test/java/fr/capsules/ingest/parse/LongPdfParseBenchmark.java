package fr.capsules.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Time to parse one long PDF ({@code -Dpages}, 2,000 by default; two short lines a page), four times
 * in a row, printed. Not part of the suite (run by name):
 *
 * <pre>./mvnw -B -ntp -o -pl ingest test -Dtest=LongPdfParseBenchmark [-Dpages=2000]</pre>
 */
class LongPdfParseBenchmark {

    @Test
    void parseALongPdf() throws Exception {
        int pages = Integer.getInteger("pages", 2000);
        byte[] pdf = PdfFixtures.manyPages(pages);
        for (int run = 1; run <= 4; run++) {
            long start = System.nanoTime();
            ParsedDocument parsed = new PdfParser().parse(pdf, new ParseContext(ParseLimits.defaults()));
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertThat(parsed.blocks()).hasSize(2 * pages);
            System.out.printf(Locale.ROOT, "%d pages, run %d: %d ms%n", pages, run, ms);
        }
    }
}
