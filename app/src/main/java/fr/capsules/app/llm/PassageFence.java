package fr.capsules.app.llm;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The delimiters around the document passages of one prompt: {@code <passage-CODE n="1">} …
 * {@code </passage-CODE>}, where CODE is 96 random bits drawn for each request from {@link
 * SecureRandom}. A document cannot know the code of a request to come, so it cannot close its own
 * passage early and speak as the prompt; and text in a passage that imitates the shape of the
 * delimiters, or of a chat template's special tokens ({@code <|im_start|>}, {@code [INST]}), is
 * neutralised (its angle brackets become ‹ ›) so that it cannot even look like one to the model.
 *
 * <p>Immutable and thread-safe; one instance per prompt.
 */
public final class PassageFence {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    /** Anything shaped like our delimiters, whatever its code, case, spacing or bracket look-alike. */
    private static final Pattern LOOKALIKE = Pattern.compile(
            "[<＜﹤‹]\\s*/?\\s*(?:passages?|donn[ée]es|documents?)\\b[^<>＜＞﹤﹥\\n]{0,120}[>＞﹥›]",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** Chat-template special tokens and role markers of common model families. */
    private static final Pattern SPECIAL_TOKEN = Pattern.compile(
            "<\\|[^|<>\\n]{1,40}\\|>|\\[/?(?:INST|SYS)]|<</?SYS>>|</?(?:start|end)_of_turn>|</?s>",
            Pattern.CASE_INSENSITIVE);

    private final String code;

    private PassageFence(String code) {
        this.code = code;
    }

    /** A fence with a fresh random code. */
    public static PassageFence random() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return new PassageFence(HEX.formatHex(bytes));
    }

    /** The code of this request, 24 hex digits. */
    public String code() {
        return code;
    }

    /** The opening delimiter of passage {@code n}. */
    public String open(int n) {
        return "<passage-" + code + " n=\"" + n + "\">";
    }

    /** The closing delimiter. */
    public String close() {
        return "</passage-" + code + ">";
    }

    /** {@code text} wrapped as passage {@code n}, its content neutralised. */
    public String wrap(int n, String text) {
        return open(n) + "\n" + neutralise(text) + "\n" + close();
    }

    /**
     * {@code text} with every delimiter look-alike and special token defused: ‹passage-…› reads the
     * same to a person and can no longer pass for a delimiter.
     */
    public static String neutralise(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        return defuse(SPECIAL_TOKEN, defuse(LOOKALIKE, text));
    }

    private static String defuse(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        do {
            String piece = m.group().replaceAll("[<＜﹤]", "‹").replaceAll("[>＞﹥]", "›")
                    .replace("[", "⟦").replace("]", "⟧");
            m.appendReplacement(out, Matcher.quoteReplacement(piece));
        } while (m.find());
        m.appendTail(out);
        return out.toString();
    }
}
