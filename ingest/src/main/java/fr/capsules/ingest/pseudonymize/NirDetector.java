package fr.capsules.ingest.pseudonymize;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds French social-security numbers (NIR): sex (1, 2, or 3, 7, 8 for provisional numbers),
 * year, month, department (two digits, {@code 2A}/{@code 2B} for Corsica, or the first digit of an
 * overseas department), commune, order number, then the two-digit key. Digits may be grouped with
 * spaces, dots or hyphens ("1 85 05 78 006 084 36", "1.85.05.78.006.084.36", "185057800608436").
 *
 * <p>With its key, a number is a NIR only when the key is right: {@code 97 - (n mod 97)} where
 * {@code n} is the 13-digit number, {@code 2A} counting as 19 and {@code 2B} as 18. A wrong key means
 * not a NIR (a typo or another identifier), and it is left alone. Without a key (13 digits), a
 * number is a NIR only when a NIR word ("NIR", "sécurité sociale", "n° SS", "INS", "immatriculation")
 * stands just before it. The {@link Detection#key()} is the 13-character body, so a NIR written with
 * or without its key gets one pseudonym.
 */
public final class NirDetector implements Detector {

    private static final String SEP = "[ .\\u00A0\\u202F-]?";
    private static final Pattern NIR = Pattern.compile(
            "(?<![\\p{L}\\p{N}])[123478](?:" + SEP + "\\d){4}" + SEP + "(?:\\d" + SEP + "\\d|2" + SEP
                    + "[ABab])(?:" + SEP + "\\d){6}(?<key>" + SEP + "\\d" + SEP + "\\d)?(?![\\p{L}\\p{N}])");
    private static final Pattern CONTEXT = Pattern.compile(
            "(?iu)(?:\\bNIR\\b|s[ée]curit[ée]\\s+sociale|\\bs[ée]cu\\b|n[°o]\\s*SS\\b|\\bINS\\b|immatriculation)"
                    + "[^\\n]{0,30}$");
    private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

    @Override
    public List<Detection> detect(String text) {
        List<Detection> found = new ArrayList<>();
        Matcher m = NIR.matcher(text);
        while (m.find()) {
            String compact = compact(m.group());
            String body = compact.substring(0, 13);
            boolean keyed = m.group("key") != null;
            boolean nir = keyed
                    ? isValid(compact)
                    : CONTEXT.matcher(text.substring(Math.max(0, m.start() - 60), m.start())).find();
            if (nir) {
                found.add(Detection.of(Category.NIR, m.start(), m.end(), body));
            }
        }
        return found;
    }

    /**
     * True when {@code nir} (15 characters once spaces, dots and hyphens are removed) has the right
     * key. 2A and 2B count as 19 and 18.
     */
    public static boolean isValid(String nir) {
        String compact = compact(nir);
        if (!compact.matches("[123478]\\d{4}(?:\\d{2}|2[AB])\\d{8}")) {
            return false;
        }
        return key(compact.substring(0, 13)) == Integer.parseInt(compact.substring(13));
    }

    /** The key of a 13-character NIR body: {@code 97 - (n mod 97)}. */
    public static int key(String body) {
        String digits = body.toUpperCase(Locale.ROOT).replace("2A", "19").replace("2B", "18");
        return 97 - new BigInteger(digits).mod(NINETY_SEVEN).intValue();
    }

    private static String compact(String s) {
        return s.replaceAll("[ .\\u00A0\\u202F-]", "").toUpperCase(Locale.ROOT);
    }
}
