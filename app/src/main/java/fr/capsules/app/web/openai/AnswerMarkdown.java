package fr.capsules.app.web.openai;

import fr.capsules.app.ask.Answer;
import fr.capsules.app.ask.AnswerWarning;
import fr.capsules.app.ask.Citation;

/**
 * The answer's text as an OpenAI client shows it (Markdown, as Open WebUI renders it): the AI
 * label first, as on the product's pages, then the answer, its warnings and its numbered sources
 * ("[1] Titre, p. 3"). The label goes out before the first token of a streamed answer; warnings
 * and sources after the last. Clients send this text back as history: {@link #undecorated} takes
 * the label and the sources off again, so the model sees only the answer it wrote.
 */
final class AnswerMarkdown {

    private static final String HEAD = "*" + Answer.LABEL + "*\n\n";
    private static final String WARNINGS = "\n\n**Avertissements**\n";
    private static final String SOURCES = "\n\n**Sources**\n";

    private AnswerMarkdown() {}

    /** What precedes the answer: the AI label. */
    static String head() {
        return HEAD;
    }

    /** What follows the answer: its warnings and its sources, each a list; empty when it has neither. */
    static String tail(Answer answer) {
        StringBuilder tail = new StringBuilder();
        if (!answer.warnings().isEmpty()) {
            tail.append(WARNINGS);
            for (AnswerWarning warning : answer.warnings()) {
                tail.append("- ⚠ ").append(oneLine(warning.message())).append('\n');
            }
        }
        if (!answer.citations().isEmpty()) {
            tail.setLength(tail.length() - (tail.isEmpty() ? 0 : 1));
            tail.append(SOURCES);
            for (Citation citation : answer.citations()) {
                tail.append("- [").append(citation.n()).append("] ").append(oneLine(citation.reference()));
                if (citation.file() != null && !citation.file().isBlank()) {
                    tail.append(" (").append(oneLine(citation.file())).append(')');
                }
                if (Citation.RESTATED.equals(citation.attribution())) {
                    tail.append(" — repris par la réponse sans être cité");
                } else if (Citation.CONSULTED.equals(citation.attribution())) {
                    tail.append(" — fourni au modèle, non cité");
                }
                tail.append('\n');
            }
        }
        return tail.toString().stripTrailing();
    }

    /** The whole text of a non-streamed answer. */
    static String of(Answer answer) {
        return HEAD + answer.answer() + tail(answer);
    }

    /** An answer of ours as a client sends it back, without the label, warnings and sources. */
    static String undecorated(String content) {
        String text = content.startsWith(HEAD) ? content.substring(HEAD.length()) : content;
        int warnings = text.indexOf(WARNINGS);
        int sources = text.indexOf(SOURCES);
        int end = warnings >= 0 ? warnings : sources;
        return (end >= 0 ? text.substring(0, end) : text).strip();
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }
}
