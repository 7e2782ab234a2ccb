package fr.capsules.app.web.ui;

import fr.capsules.app.ask.AnswerWarning;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * An answer cut into pieces for display: the sentences that grounding warnings concern are marked,
 * with their messages beside them; the rest is plain text. Rendered with {@code th:text}, so the
 * model's text can never become markup. {@code static/js/answer.js} does the same in the browser.
 */
public record AnswerText(List<Piece> pieces, List<AnswerWarning> general) {

    /** A run of the answer; {@code warnings} is empty for unflagged text. */
    public record Piece(String text, List<AnswerWarning> warnings) {
        public boolean flagged() {
            return !warnings.isEmpty();
        }
    }

    static AnswerText of(String answer, List<AnswerWarning> warnings) {
        String text = answer == null ? "" : answer;
        record Span(int start, int end, List<AnswerWarning> warnings) {}
        List<Span> spans = new ArrayList<>();
        List<AnswerWarning> general = new ArrayList<>();
        for (AnswerWarning warning : warnings) {
            String sentence = warning.sentence();
            int at = sentence == null || sentence.isBlank() ? -1 : text.indexOf(sentence);
            if (at < 0) {
                general.add(warning);
                continue;
            }
            Span existing = spans.stream().filter(s -> s.start() == at).findFirst().orElse(null);
            if (existing != null) {
                existing.warnings().add(warning);
            } else if (spans.stream().noneMatch(s -> at < s.end() && s.start() < at + sentence.length())) {
                spans.add(new Span(at, at + sentence.length(), new ArrayList<>(List.of(warning))));
            } else {
                general.add(warning);
            }
        }
        spans.sort(Comparator.comparingInt(Span::start));
        List<Piece> pieces = new ArrayList<>();
        int cursor = 0;
        for (Span span : spans) {
            if (span.start() > cursor) {
                pieces.add(new Piece(text.substring(cursor, span.start()), List.of()));
            }
            pieces.add(new Piece(text.substring(span.start(), span.end()), List.copyOf(span.warnings())));
            cursor = span.end();
        }
        if (cursor < text.length()) {
            pieces.add(new Piece(text.substring(cursor), List.of()));
        }
        return new AnswerText(List.copyOf(pieces), List.copyOf(general));
    }
}
