package fr.capsules.ingest.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Trying an expression at digits only finds what {@link Matcher#find()} finds, match for match. */
class DigitAnchoredMatchesTests {

    private static final String NOT_AFTER_NUMBER = "(?<![\\p{L}\\d])(?<!\\d[./-])";
    private static final String NOT_BEFORE_NUMBER = "(?![\\p{L}\\d])(?![./-]\\d)";
    // DateExtractor's numeric and ISO expressions, and two others that cannot start after a letter
    // or a digit.
    private static final List<Pattern> EXPRESSIONS = List.of(
            Pattern.compile("(?=\\d)" + NOT_AFTER_NUMBER + "(\\d{1,2})([/.-])(\\d{1,2})\\2(\\d{4}|\\d{2})"
                    + NOT_BEFORE_NUMBER),
            Pattern.compile("(?=\\d)" + NOT_AFTER_NUMBER + "(\\d{4})([/.-])(\\d{1,2})\\2(\\d{1,2})(?:(?=T\\d)|"
                    + NOT_BEFORE_NUMBER + ")"),
            Pattern.compile("(?=\\d)(?<=le )\\d+(?:[ ,]\\d+)*"),
            Pattern.compile("(?=\\d)(?<![\\p{L}\\d])(\\d{1,2})\\s+(\\p{L}{3,9})\\s+(\\d{4})(?!\\d)",
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
    private static final List<String> PIECES = List.of(
            "03/04/2024", "3/4/24", "03.04.2024", "03-04-2024", "2024-04-03", "2024-04-03T10:00", "2024/4/3", "L.1112-3",
            "1.2.3", "03 20 45 67 89", "le ", "Le", "12", "3", "avril", "2024", "/", ".", "-", "T", "x", "é", " ", "  ",
            "\n", "1er", "31/02/2024", "2024-123-45", "9");

    @Test
    void theSameMatchesAsFind() {
        Random random = new Random(17);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            int pieces = 1 + random.nextInt(12);
            for (int i = 0; i < pieces; i++) {
                text.append(PIECES.get(random.nextInt(PIECES.size())));
            }
            for (Pattern expression : EXPRESSIONS) {
                assertThat(digitAnchored(expression, text.toString(), (t, at) -> true)).as(text.toString())
                        .isEqualTo(find(expression, text.toString()));
            }
            // With the cheap tests DateExtractor gives them.
            assertThat(digitAnchored(EXPRESSIONS.get(0), text.toString(), DateExtractor::numericStart))
                    .as(text.toString()).isEqualTo(find(EXPRESSIONS.get(0), text.toString()));
            assertThat(digitAnchored(EXPRESSIONS.get(1), text.toString(), DateExtractor::isoStart))
                    .as(text.toString()).isEqualTo(find(EXPRESSIONS.get(1), text.toString()));
        }
    }

    private static List<String> find(Pattern expression, String text) {
        List<String> matches = new ArrayList<>();
        Matcher m = expression.matcher(text);
        while (m.find()) {
            matches.add(describe(m));
        }
        return matches;
    }

    private static List<String> digitAnchored(Pattern expression, String text, DigitAnchoredMatches.Start start) {
        List<String> matches = new ArrayList<>();
        DigitAnchoredMatches found = new DigitAnchoredMatches(expression, text, start);
        while (found.find()) {
            matches.add(describe(found.matcher()));
        }
        return matches;
    }

    private static String describe(Matcher m) {
        StringBuilder s = new StringBuilder().append(m.start()).append('-').append(m.end());
        for (int g = 0; g <= m.groupCount(); g++) {
            s.append('|').append(m.group(g));
        }
        return s.toString();
    }
}
