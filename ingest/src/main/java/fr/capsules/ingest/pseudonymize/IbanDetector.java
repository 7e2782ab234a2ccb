package fr.capsules.ingest.pseudonymize;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iban4j.IbanUtil;
import org.iban4j.Iban4jException;

/**
 * Finds IBANs, compact ("FR7612345678901234567890185") or in groups of four ("FR76 1234 5678 …").
 * A candidate is an IBAN only when iban4j accepts it: a known country, the country's length and
 * structure, and the ISO 13616 mod-97 check digits. A candidate is cut back group by group when
 * the text goes on after the IBAN ("… 0185 BIC"). The {@link Detection#key()} is the compact
 * upper-case IBAN.
 */
public final class IbanDetector implements Detector {

    private static final int SHORTEST = 15;
    private static final int LONGEST = 34;
    private static final Pattern CANDIDATE = Pattern.compile(
            "(?<![\\p{L}\\p{N}])[A-Za-z]{2}\\d{2}(?:[ \\u00A0]?[A-Za-z0-9]){11,30}");

    @Override
    public List<Detection> detect(String text) {
        List<Detection> found = new ArrayList<>();
        Matcher m = CANDIDATE.matcher(text);
        int from = 0;
        while (m.find(from)) {
            int end = longestValidEnd(text, m.start(), m.end());
            if (end > 0) {
                found.add(Detection.of(Category.IBAN, m.start(), end, compact(text.substring(m.start(), end))));
                from = end;
            } else {
                from = m.start() + 1;
            }
        }
        return found;
    }

    /** The end of the longest valid IBAN starting at {@code start}, or -1. */
    private static int longestValidEnd(String text, int start, int candidateEnd) {
        // Compact the candidate once; ends[n] is the text offset after its n-th significant character.
        StringBuilder compact = new StringBuilder(LONGEST);
        int[] ends = new int[candidateEnd - start + 1];
        for (int i = start; i < candidateEnd; i++) {
            char c = text.charAt(i);
            if (c != ' ' && c != '\u00A0') {
                compact.append(Character.toUpperCase(c));
                ends[compact.length()] = i + 1;
            }
        }
        for (int length = Math.min(compact.length(), LONGEST); length >= SHORTEST; length--) {
            int end = ends[length];
            boolean endsWord = end == text.length() || !Character.isLetterOrDigit(text.charAt(end));
            if (endsWord && isValid(compact.substring(0, length))) {
                return end;
            }
        }
        return -1;
    }

    /** True when iban4j accepts {@code iban} (spaces ignored, any case). */
    public static boolean isValid(String iban) {
        String compact = compact(iban);
        // The mod-97 check first: it costs no exception, and almost every non-IBAN fails it.
        if (!hasIsoCheckDigits(compact)) {
            return false;
        }
        try {
            IbanUtil.validate(compact);
            return true;
        } catch (Iban4jException | IllegalArgumentException e) {
            return false;
        }
    }

    /** ISO 13616: the four first characters moved to the end, letters as 10–35, mod 97 is 1. */
    private static boolean hasIsoCheckDigits(String compact) {
        if (compact.length() < SHORTEST) {
            return false;
        }
        int remainder = 0;
        for (int i = 0; i < compact.length(); i++) {
            char c = compact.charAt((i + 4) % compact.length());
            int value = Character.digit(c, 36);
            if (value < 0) {
                return false;
            }
            remainder = value < 10 ? (remainder * 10 + value) % 97 : (remainder * 100 + value) % 97;
        }
        return remainder == 1;
    }

    private static String compact(String s) {
        StringBuilder compact = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != ' ' && c != '\u00A0') {
                compact.append(c);
            }
        }
        return compact.toString().toUpperCase(Locale.ROOT);
    }
}
