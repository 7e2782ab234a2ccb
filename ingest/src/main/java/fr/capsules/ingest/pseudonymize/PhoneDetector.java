package fr.capsules.ingest.pseudonymize;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds telephone numbers: French national ("06 12 34 56 78", "01.23.45.67.89", "01-23-45-67-89",
 * "0123456789"), French international ("+33 6 12 34 56 78", "+33 (0)1 23 45 67 89", "0033 1 23 45 67
 * 89") and other international numbers written with "+".
 *
 * <p>A candidate written in one of these shapes is checked with Google's libphonenumber against
 * the numbering plan (French by default): a valid number is a phone number; a number that is only
 * possible (right length, unallocated range such as "07 12 …") is one only after a phone word
 * ("tél.", "téléphone", "portable", "joignable"…). The {@link Detection#key()} is the number in
 * E.164, so every writing of one number gets one pseudonym.
 */
public final class PhoneDetector implements Detector {

    private static final String SEP = "[ .\\u00A0\\u202F-]?";
    // Not inside a longer run of digit groups (a NIR with a wrong key, a reference number).
    private static final String NOT_AFTER_DIGITS = "(?<![\\p{L}\\p{N}+])(?<!\\d[ .\\u00A0\\u202F-])";
    private static final String NOT_BEFORE_DIGITS = "(?!\\p{N})(?![ .\\u00A0\\u202F-]\\d)";
    private static final Pattern CANDIDATE = Pattern.compile(
            NOT_AFTER_DIGITS + "(?:(?:(?:\\+|00)" + SEP + "33" + SEP + "(?:\\(0\\)" + SEP + ")?[1-9])|0[1-9])"
                    + "(?:" + SEP + "\\d){8}" + NOT_BEFORE_DIGITS
                    + "|" + NOT_AFTER_DIGITS + "\\+(?!33)[1-9]\\d{0,2}(?:" + SEP + "\\(0\\))?(?:" + SEP + "\\d){6,12}" + NOT_BEFORE_DIGITS);
    private static final Pattern PHONE_WORD = Pattern.compile(
            "(?iu)(?:t[ée]l[ée]phone|\\bt[ée]l\\b|\\bport(?:able)?\\b|\\bmobile\\b|\\bfixe\\b|joignable|appeler"
                    + "|\\bfax\\b|num[ée]ro)[^\\n]{0,25}$");

    private final PhoneNumberUtil numbers = PhoneNumberUtil.getInstance();
    private final String region;

    /** Numbers without a country prefix are read as French. */
    public PhoneDetector() {
        this("FR");
    }

    /** @param region the ISO 3166 region for numbers written without a country prefix */
    public PhoneDetector(String region) {
        this.region = region;
    }

    @Override
    public List<Detection> detect(String text) {
        List<Detection> found = new ArrayList<>();
        Matcher m = CANDIDATE.matcher(text);
        while (m.find()) {
            PhoneNumber number = parse(m.group());
            if (number == null) {
                continue;
            }
            boolean phone = numbers.isValidNumber(number)
                    || (numbers.isPossibleNumber(number)
                            && PHONE_WORD.matcher(text.substring(Math.max(0, m.start() - 40), m.start())).find());
            if (phone) {
                found.add(Detection.of(Category.PHONE, m.start(), m.end(), numbers.format(number, PhoneNumberFormat.E164)));
            }
        }
        return found;
    }

    private PhoneNumber parse(String candidate) {
        try {
            return numbers.parse(candidate, region);
        } catch (NumberParseException e) {
            return null;
        }
    }
}
