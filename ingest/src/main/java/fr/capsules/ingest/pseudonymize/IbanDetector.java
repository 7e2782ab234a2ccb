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
        for (int end = candidateEnd; end > start + SHORTEST - 1; end--) {
            char last = text.charAt(end - 1);
            boolean endsWord = end == text.length() || !Character.isLetterOrDigit(text.charAt(end));
            if (!Character.isLetterOrDigit(last) || !endsWord) {
                continue;
            }
            String compact = compact(text.substring(start, end));
            if (compact.length() >= SHORTEST && compact.length() <= LONGEST && isValid(compact)) {
                return end;
            }
        }
        return -1;
    }

    /** True when iban4j accepts {@code iban} (spaces ignored, any case). */
    public static boolean isValid(String iban) {
        try {
            IbanUtil.validate(compact(iban));
            return true;
        } catch (Iban4jException | IllegalArgumentException e) {
            return false;
        }
    }

    private static String compact(String s) {
        return s.replaceAll("[ \\u00A0]", "").toUpperCase(Locale.ROOT);
    }
}
