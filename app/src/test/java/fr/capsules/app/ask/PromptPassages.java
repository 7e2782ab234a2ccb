package fr.capsules.app.ask;

import fr.capsules.app.llm.ChatCall;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the numbered passages back out of the prompt the service sent, as a model would see them. */
final class PromptPassages {

    private static final Pattern HEADER = Pattern.compile("(?m)^\\[(\\d+)] « [^\\n]*$");
    /** The per-request delimiters around each passage (PassageFence). */
    private static final Pattern FENCE = Pattern.compile("(?m)^</?passage-[0-9a-f]{24}(?: n=\"\\d+\")?>$");

    private PromptPassages() {}

    static Map<Integer, String> of(ChatCall call) {
        String user = call.lastUserMessage();
        int end = user.lastIndexOf("\n\nQuestion :");
        String passages = FENCE.matcher(user.substring(0, end < 0 ? user.length() : end)).replaceAll("");
        Map<Integer, String> byNumber = new LinkedHashMap<>();
        Matcher matcher = HEADER.matcher(passages);
        Integer current = null;
        int start = 0;
        while (matcher.find()) {
            if (current != null) {
                byNumber.put(current, passages.substring(start, matcher.start()).strip());
            }
            current = Integer.parseInt(matcher.group(1));
            start = matcher.end();
        }
        if (current != null) {
            byNumber.put(current, passages.substring(start).strip());
        }
        return byNumber;
    }

    /** The first sentence of passage {@code n}, as a faithful model would restate it. */
    static String firstSentence(ChatCall call, int n) {
        String text = of(call).get(n).replaceAll("\\s+", " ");
        Matcher end = Pattern.compile("[.!?](?=\\s|$)").matcher(text);
        return end.find() ? text.substring(0, end.start()) : text;
    }
}
