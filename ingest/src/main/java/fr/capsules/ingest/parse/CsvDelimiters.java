package fr.capsules.ingest.parse;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Chooses the field delimiter of a CSV file among {@code ;} {@code ,} tab and {@code |}: the one
 * that splits the first records into the same number (at least two) of fields most consistently.
 * Ties go to {@code ;}, the separator of French Excel exports, where {@code ,} is the decimal mark.
 */
final class CsvDelimiters {

    static final char[] CANDIDATES = {';', ',', '\t', '|'};
    private static final int SAMPLE_RECORDS = 30;
    private static final int SAMPLE_CHARS = 64 * 1024;

    private CsvDelimiters() {}

    static char detect(String text) {
        String sample = text.length() > SAMPLE_CHARS ? text.substring(0, SAMPLE_CHARS) : text;
        char best = ';';
        double bestScore = 0;
        for (char candidate : CANDIDATES) {
            double score = score(sample, candidate);
            if (score > bestScore) {
                best = candidate;
                bestScore = score;
            }
        }
        return best;
    }

    /**
     * Share of sampled records having the most common field count, weighted slightly by that
     * count; 0 when the candidate never splits a line.
     */
    private static double score(String sample, char delimiter) {
        List<Integer> counts = new ArrayList<>();
        try (CSVParser parser = format(delimiter).parse(new StringReader(sample))) {
            for (CSVRecord record : parser) {
                if (counts.size() >= SAMPLE_RECORDS) {
                    break;
                }
                counts.add(record.size());
            }
        } catch (IOException | RuntimeException e) {
            // A quote left open by the truncated sample: judge on what was read.
        }
        if (counts.size() > 1 && counts.size() < SAMPLE_RECORDS) {
            counts.removeLast(); // may be cut by the sample window
        }
        Map<Integer, Integer> frequency = new HashMap<>();
        counts.forEach(c -> frequency.merge(c, 1, Integer::sum));
        var mode = frequency.entrySet().stream().max(Map.Entry.<Integer, Integer>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey()));
        if (mode.isEmpty() || mode.get().getKey() < 2) {
            return 0;
        }
        double consistency = (double) mode.get().getValue() / counts.size();
        return consistency + Math.min(mode.get().getKey(), 50) / 1000.0;
    }

    static CSVFormat format(char delimiter) {
        return CSVFormat.DEFAULT.builder()
                .setDelimiter(delimiter)
                .setIgnoreEmptyLines(true)
                .setIgnoreSurroundingSpaces(true)
                .get();
    }
}
