package fr.capsules.app.workshop;

import fr.capsules.app.llm.ChatCall;
import fr.capsules.app.llm.ScriptedReply;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A scripted model that answers by quoting the first passage it was given and citing it [1], as a careful model would. */
final class QuotingModel {

    private static final Pattern FIRST_PASSAGE = Pattern.compile("<passage-[^>]*n=\"1\">(.*?)</passage-", Pattern.DOTALL);

    private QuotingModel() {}

    static ScriptedReply reply(ChatCall call) {
        Matcher m = FIRST_PASSAGE.matcher(call.lastUserMessage());
        String quoted = m.find() ? m.group(1).replaceAll("\\s+", " ").strip() : "";
        return ScriptedReply.text("Selon les documents [1] : " + quoted);
    }

}
