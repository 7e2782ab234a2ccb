package fr.capsules.app.workshop;

import fr.capsules.app.ask.Answer;
import fr.capsules.app.ask.AnswerMode;
import fr.capsules.app.ask.AnswerWarning;
import fr.capsules.app.ask.Citation;
import fr.capsules.ingest.normalize.AccentFolding;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * How one reference question is judged, and a run against its thresholds: pure functions over what
 * retrieval found and how the ask path answered, so that the rules are read and tested in one place.
 */
final class EvaluationScoring {

    private static final Pattern SPACES = Pattern.compile("\\s+");
    /** Warnings the ask path adds that say nothing about the answer's grounding. */
    private static final Set<String> NOT_GROUNDING = Set.of("model-unavailable", "invisible-characters");

    private EvaluationScoring() {}

    /** The documents retrieval found, as distinct file names, best first. */
    static Integer rank(List<String> foundFiles, List<String> expected) {
        for (int i = 0; i < foundFiles.size(); i++) {
            if (expected.contains(foundFiles.get(i))) {
                return i + 1;
            }
        }
        return null;
    }

    static Evaluation.QuestionResult judge(ReferenceQuestion q, List<String> foundFiles, Answer answer, int passRank,
            Thresholds thresholds) {
        List<String> details = new ArrayList<>();
        List<String> shown = foundFiles.subList(0, Math.min(5, foundFiles.size()));
        String mode = answer.mode().json();
        List<String> cited = answer.citations().stream().map(Citation::file).filter(Objects::nonNull).distinct().toList();
        List<String> warnings = answer.warnings().stream().filter(w -> !NOT_GROUNDING.contains(w.kind()))
                .map(AnswerWarning::message).toList();
        String excerpt = answer.answer() == null ? "" : abbreviate(answer.answer(), 600);
        if (!q.answerable()) {
            boolean declined = answer.mode() == AnswerMode.ABSTAINED;
            details.add(declined ? "déclinée comme attendu (sans réponse dans les documents)"
                    : "la capsule a répondu (" + mode + ") à une question sans réponse dans ses documents");
            return new Evaluation.QuestionResult(q.id(), q.question(), false, declined, null, mode, details, List.of(), shown,
                    cited, List.of(), List.of(), warnings, excerpt);
        }
        Integer rank = rank(foundFiles, q.expectedDocuments());
        boolean passed = true;
        if (rank == null) {
            passed = false;
            details.add("document attendu introuvable par la recherche");
        } else if (rank > passRank) {
            passed = false;
            details.add("document attendu au rang " + rank + " (au plus " + passRank + ")");
        } else {
            details.add("document attendu au rang " + rank);
        }
        if (answer.mode() == AnswerMode.ABSTAINED) {
            passed = false;
            details.add("la capsule a décliné une question à laquelle ses documents répondent");
        }
        List<String> found = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        if (answer.mode() == AnswerMode.GENERATIVE) {
            String text = normalised(answer.answer());
            for (String fact : q.expectedFacts()) {
                (text.contains(normalised(fact)) ? found : missing).add(fact);
            }
            if (!q.expectedFacts().isEmpty() && (double) found.size() / q.expectedFacts().size() < thresholds.factsFound()) {
                passed = false;
                details.add("faits attendus absents de la réponse : " + quoted(missing));
            }
            if (cited.stream().noneMatch(q.expectedDocuments()::contains)) {
                passed = false;
                details.add("aucune citation ne renvoie à un document attendu" + (cited.isEmpty() ? "" : " (cités : "
                        + String.join(", ", cited) + ")"));
            }
            if (!warnings.isEmpty()) {
                details.add(warnings.size() + " avertissement(s) de vérification des sources");
            }
        }
        return new Evaluation.QuestionResult(q.id(), q.question(), true, passed, rank, mode, details, q.expectedDocuments(), shown,
                cited, found, missing, warnings, excerpt);
    }

    /** A question that could not be run (the ask path failed): failed, with why. */
    static Evaluation.QuestionResult failed(ReferenceQuestion q, String why) {
        return new Evaluation.QuestionResult(q.id(), q.question(), q.answerable(), false, null, "erreur", List.of(why),
                q.expectedDocuments(), List.of(), List.of(), List.of(), List.of(), List.of(), "");
    }

    static Evaluation.Metrics metrics(List<Evaluation.QuestionResult> results, long millis, int passRank) {
        List<Evaluation.QuestionResult> answerable = results.stream().filter(Evaluation.QuestionResult::answerable).toList();
        List<Evaluation.QuestionResult> unanswerable = results.stream().filter(r -> !r.answerable()).toList();
        Double hitAt5 = share(answerable, r -> r.rank() != null && r.rank() <= passRank);
        Double mrr = answerable.isEmpty() ? null
                : answerable.stream().mapToDouble(r -> r.rank() == null ? 0 : 1.0 / r.rank()).average().orElse(0);
        Double abstained = share(answerable, r -> "abstained".equals(r.mode()));
        Double answered = share(unanswerable, r -> !"abstained".equals(r.mode()));
        int facts = 0;
        int factsFound = 0;
        for (Evaluation.QuestionResult r : answerable) {
            if ("generative".equals(r.mode())) {
                facts += r.factsFound().size() + r.factsMissing().size();
                factsFound += r.factsFound().size();
            }
        }
        int withWarnings = (int) results.stream().filter(r -> !r.warnings().isEmpty()).count();
        return new Evaluation.Metrics(round(hitAt5), round(mrr), round(abstained), round(answered),
                facts == 0 ? null : round((double) factsFound / facts), withWarnings, results.size(), answerable.size(),
                unanswerable.size(), millis);
    }

    /** Each threshold the run missed, in French, with the questions at fault. */
    static List<String> failedChecks(Evaluation.Metrics m, Thresholds t, List<Evaluation.QuestionResult> results, int passRank) {
        List<String> failed = new ArrayList<>();
        if (m.hitAt5() != null && m.hitAt5() < t.hitAt5()) {
            failed.add("documents attendus parmi les " + passRank + " premiers : " + percent(m.hitAt5()) + " (au moins "
                    + percent(t.hitAt5()) + ") — " + questions(results, r -> r.answerable() && (r.rank() == null || r.rank() > passRank)));
        }
        if (m.answerableAbstained() != null && m.answerableAbstained() > t.answerableAbstained()) {
            failed.add("questions déclinées alors que les documents y répondent : " + percent(m.answerableAbstained())
                    + " (au plus " + percent(t.answerableAbstained()) + ") — "
                    + questions(results, r -> r.answerable() && "abstained".equals(r.mode())));
        }
        if (m.unanswerableAnswered() != null && m.unanswerableAnswered() > t.unanswerableAnswered()) {
            failed.add("questions sans réponse dans les documents auxquelles la capsule a répondu : "
                    + percent(m.unanswerableAnswered()) + " (au plus " + percent(t.unanswerableAnswered()) + ") — "
                    + questions(results, r -> !r.answerable() && !"abstained".equals(r.mode())));
        }
        if (m.factsFound() != null && m.factsFound() < t.factsFound()) {
            failed.add("faits attendus trouvés dans les réponses : " + percent(m.factsFound()) + " (au moins "
                    + percent(t.factsFound()) + ") — " + questions(results, r -> !r.factsMissing().isEmpty()));
        }
        List<Evaluation.QuestionResult> errors = results.stream().filter(r -> "erreur".equals(r.mode())).toList();
        if (!errors.isEmpty()) {
            failed.add(errors.size() + " question(s) n'ont pas pu être évaluées — " + questions(errors, r -> true));
        }
        return failed;
    }

    /** The questions that passed in one run and failed in the other, by id. */
    static Evaluation.Comparison compare(Evaluation previous, List<Evaluation.QuestionResult> now, Double hitAt5Now) {
        if (previous == null) {
            return null;
        }
        Set<String> passedBefore = new HashSet<>();
        Set<String> failedBefore = new HashSet<>();
        for (Evaluation.QuestionResult r : previous.questions()) {
            (r.passed() ? passedBefore : failedBefore).add(r.id());
        }
        List<String> better = now.stream().filter(r -> r.passed() && failedBefore.contains(r.id())).map(Evaluation.QuestionResult::id).toList();
        List<String> worse = now.stream().filter(r -> !r.passed() && passedBefore.contains(r.id())).map(Evaluation.QuestionResult::id).toList();
        return new Evaluation.Comparison(previous.id(), previous.passed(), better, worse,
                previous.metrics() == null ? null : previous.metrics().hitAt5(), hitAt5Now);
    }

    static String normalised(String text) {
        if (text == null) {
            return "";
        }
        String plain = AccentFolding.fold(text).replace('’', '\'').replace('\u00a0', ' ').replace('\u202f', ' ');
        return SPACES.matcher(plain).replaceAll(" ").strip();
    }

    private static String questions(List<Evaluation.QuestionResult> results, Predicate<Evaluation.QuestionResult> which) {
        List<String> named = results.stream().filter(which).map(r -> "« " + abbreviate(r.question(), 100) + " »").toList();
        return (named.size() == 1 ? "question en échec : " : "questions en échec : ") + String.join(", ", named);
    }

    private static String quoted(List<String> texts) {
        return String.join(", ", texts.stream().map(t -> "« " + t + " »").toList());
    }

    static String percent(double share) {
        return Math.round(share * 100) + " %";
    }

    private static Double share(List<Evaluation.QuestionResult> results, Predicate<Evaluation.QuestionResult> which) {
        return results.isEmpty() ? null : (double) results.stream().filter(which).count() / results.size();
    }

    private static Double round(Double value) {
        return value == null ? null : Math.round(value * 1000) / 1000.0;
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
