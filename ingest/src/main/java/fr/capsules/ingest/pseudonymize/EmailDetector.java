package fr.capsules.ingest.pseudonymize;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds e-mail addresses ("jeanne.dupont@example.fr", "j-p.martin+ars@sante.gouv.fr"), including
 * those with accented letters. A final dot ends the sentence, not the address. The
 * {@link Detection#key()} is the lower-case address.
 */
public final class EmailDetector implements Detector {

    private static final Pattern EMAIL = Pattern.compile(
            "(?<![\\p{L}\\p{N}._%+-])[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)*\\.\\p{L}{2,}(?![\\p{L}\\p{N}])");

    @Override
    public List<Detection> detect(String text) {
        List<Detection> found = new ArrayList<>();
        Matcher m = EMAIL.matcher(text);
        while (m.find()) {
            found.add(Detection.of(Category.EMAIL, m.start(), m.end(), m.group().toLowerCase(Locale.ROOT)));
        }
        return found;
    }
}
