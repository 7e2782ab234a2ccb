package fr.capsules.app.table;

import fr.capsules.app.capsule.CapsuleDefinition;
import fr.capsules.ingest.chunk.Passage;
import fr.capsules.ingest.index.PassageHit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the row would be without a model, from the historical table rows and report findings retrieved for
 * the finding, each weighed by how close it is to this one (retrieval score and shared words):
 *
 * <ul>
 *   <li>type: the inspector's; a derived column (nature from type) takes a value its rule allows: the nature of the
 *       capsule's first severity rule that the finding's own words match ({@link SeverityWords}), else a vote of the
 *       closest past rows whose value the rule allows, the first allowed value otherwise;
 *   <li>deadline: the matching severity rule's, else a vote between the capsule's deadline for that nature
 *       ({@code deadlineByNature}: one voice, as heavy as the closest past row) and the three closest past rows of
 *       that nature: a past deadline replaces the house's only when close past rows agree on it;
 *   <li>reference: the one the finding names itself when a retrieved passage backs it, else the closest past
 *       finding's that names one and shares a significant word with it, table row or report (the
 *       report's prose: "Écart à …", "en méconnaissance de …", "conformément à …", {@link ReportReferences}),
 *       completed by a close one that cites the same articles and more; "à compléter" (the column's placeholder)
 *       when none, or when it fails the column's checks against the passages it comes from;
 *   <li>other columns (the measure): the closest past row's.
 * </ul>
 *
 * Values that fail their column's checks are left out. Used for a whole row when the model cannot
 * answer, and cell by cell when a model's cell fails its checks twice. Stateless.
 */
final class SimilarityFallback {

    /** How many of the closest past rows vote for a derived value or a deadline. */
    private static final int VOTERS = 3;
    /** How many of the closest past findings that name a reference may complete the closest one's. */
    private static final int REFERENCE_VOTERS = 5;
    /**
     * How many significant words a past finding must share with this one for its reference to be proposed: none, and the
     * reference is left "à compléter" (the column's placeholder) rather than guessed from an unrelated finding.
     */
    private static final int MIN_SHARED_WORDS = 1;

    /**
     * @param cells the proposed value of each drafted column that has one
     * @param source the historical row the values come from, if any
     * @param origin where the values come from, in French ("constat historique le plus proche « … » (titre, p. 2)")
     * @param sources every passage a proposed value comes from (the row's citations)
     */
    record Proposal(Map<String, String> cells, Optional<PassageHit> source, String origin, List<PassageHit> sources) {}

    /** A past finding with what was decided for it, and how close it is to the one being drafted. */
    private record Past(PassageHit passage, Map<String, String> cells, double closeness, int shared) {}

    private SimilarityFallback() {}

    static Proposal propose(Finding finding, TableColumns columns, ColumnRules rules, List<PassageHit> passages) {
        Set<String> words = words(finding.text());
        // Closeness = the retrieval score (relative to the best hit: it weighs rare words) and the share of words in
        // common with the past finding itself (which tells apart the findings of one report passage), equally.
        double top = passages.stream().mapToDouble(PassageHit::score).max().orElse(1);
        java.util.function.ToDoubleFunction<PassageHit> retrieval = hit -> top > 0 ? hit.score() / top : 0;
        List<Past> rows = new ArrayList<>();
        List<Past> referenced = new ArrayList<>();
        for (PassageHit hit : passages) {
            if (hit.kind() == Passage.Kind.TABLE_ROW) {
                Map<String, String> cells = SimilarRow.cells(hit, columns.all());
                String own = cells.getOrDefault(columns.finding().name(), hit.text());
                Set<String> theirs = words(own.isBlank() ? hit.text() : own);
                // Words in common are counted over the whole past row (its measure names the subject too).
                Past past = new Past(hit, cells, (retrieval.applyAsDouble(hit) + closeness(words, theirs)) / 2,
                        shared(words, words(hit.text())));
                rows.add(past);
                columns.reference().filter(r -> !cells.getOrDefault(r.name(), "").isBlank()).ifPresent(r -> referenced.add(past));
            } else if (columns.reference().isPresent()) {
                // A report states its findings with the text each breaks ("Écart à …", "en méconnaissance de …").
                for (ReportReferences.Statement statement : ReportReferences.statements(hit.text())) {
                    Set<String> theirs = words(statement.finding());
                    referenced.add(new Past(hit, Map.of(columns.reference().get().name(), statement.reference()),
                            (retrieval.applyAsDouble(hit) + closeness(words, theirs)) / 2, shared(words, theirs)));
                }
            }
        }
        Comparator<Past> closest = Comparator.comparingDouble(Past::closeness).reversed();
        rows.sort(closest);
        referenced.sort(closest);

        Map<String, String> cells = new LinkedHashMap<>();
        List<PassageHit> sources = new ArrayList<>();
        Optional<Past> best = rows.stream().findFirst();
        best.ifPresent(row -> {
            for (CapsuleDefinition.Column column : columns.drafted()) {
                String value = row.cells().get(column.name());
                if (value != null && !value.isBlank()) {
                    cells.put(column.name(), column.values().isEmpty() ? value : TableColumns.allowed(column, value).orElse(""));
                }
            }
            sources.add(row.passage());
        });
        if (finding.type() != null) {
            columns.type().flatMap(type -> TableColumns.allowed(type, finding.type().json()))
                    .ifPresent(type -> cells.put(columns.type().get().name(), type));
        }
        // The finding's own words first: a severity rule of the capsule whose nature the rule allows for this row.
        List<String> allowedNatures = columns.nature().map(n -> rules.derivedValues(n.name(), cells)).orElse(List.of());
        Optional<CapsuleDefinition.SeverityRule> severity = SeverityWords.first(finding.text(), columns.severity(), allowedNatures);
        for (CapsuleDefinition.Column column : columns.drafted()) {
            List<String> derived = rules.derivedValues(column.name(), cells);
            if (!derived.isEmpty()) {
                Optional<String> severe = severity.filter(r -> columns.nature().filter(n -> n == column).isPresent())
                        .map(CapsuleDefinition.SeverityRule::nature).filter(n -> !n.isBlank())
                        .flatMap(n -> derived.stream().filter(v -> AccentFolding.fold(v).equals(AccentFolding.fold(n))).findFirst());
                cells.put(column.name(), severe.orElseGet(() -> vote(column.name(), derived, rows)));
            }
        }
        columns.deadline().ifPresent(deadline -> columns.nature().ifPresent(nature -> {
            String chosen = cells.getOrDefault(nature.name(), "");
            Optional<String> severe = severity
                    .filter(r -> r.nature() == null || r.nature().isBlank() || AccentFolding.fold(r.nature()).equals(AccentFolding.fold(chosen)))
                    .map(CapsuleDefinition.SeverityRule::deadline).filter(d -> d != null && !d.isBlank());
            if (severe.isPresent()) {
                cells.put(deadline.name(), severe.get());
                return;
            }
            List<Past> sameNature = rows.stream()
                    .filter(r -> AccentFolding.fold(r.cells().getOrDefault(nature.name(), "")).equals(AccentFolding.fold(chosen)))
                    .filter(r -> !r.cells().getOrDefault(deadline.name(), "").isBlank())
                    .limit(VOTERS).toList();
            String house = defaultDeadline(columns, chosen);
            // The house's deadline for the nature is one voice, as strong as the closest past row; the closest past rows
            // of the same nature the others: a past deadline wins only when close rows agree on it. Deadlines are compared
            // once read ("15 jours" = "quinze jours", {@link Deadlines}).
            Map<String, Double> votes = new LinkedHashMap<>();
            if (!house.isBlank()) {
                votes.put(Deadlines.comparable(house), sameNature.isEmpty() ? 1 : sameNature.getFirst().closeness() + 1e-6);
            }
            Map<String, String> written = new HashMap<>(Map.of(Deadlines.comparable(house), house));
            for (Past past : sameNature) {
                String value = past.cells().get(deadline.name());
                votes.merge(Deadlines.comparable(value), past.closeness(), Double::sum);
                written.putIfAbsent(Deadlines.comparable(value), value);
            }
            votes.entrySet().stream().max(Map.Entry.comparingByValue()).ifPresent(winner -> {
                cells.put(deadline.name(), written.get(winner.getKey()));
                sameNature.stream().filter(p -> Deadlines.comparable(p.cells().get(deadline.name())).equals(winner.getKey()))
                        .map(Past::passage).filter(p -> !sources.contains(p)).findFirst().ifPresent(sources::add);
            });
        }));
        columns.reference().ifPresent(reference -> ownReference(finding, passages)
                .or(() -> completedReference(reference.name(), referenced.stream().filter(p -> p.shared() >= MIN_SHARED_WORDS).toList()))
                .ifPresentOrElse(chosen -> {
                    cells.put(reference.name(), chosen.value());
                    chosen.passages().stream().filter(p -> !sources.contains(p)).forEach(sources::add);
                }, () -> rules.placeholder(reference.name()).ifPresent(placeholder -> cells.put(reference.name(), placeholder))));
        // Keep only what passes the checks, judged against the passages the values come from.
        CellCheck.Row evidence = new CellCheck.Row(cells, sources.stream()
                .map(p -> new CellCheck.CitedText(p.text(), p.kind() == Passage.Kind.TABLE_ROW ? SimilarRow.cells(p, columns.all()) : Map.of()))
                .toList());
        for (CapsuleDefinition.Column column : columns.drafted()) {
            if (!rules.failures(column.name(), cells.getOrDefault(column.name(), ""), evidence).isEmpty()) {
                // A value that fails is left out: the column's placeholder ("à compléter") when it has one, else blank.
                rules.placeholder(column.name()).ifPresentOrElse(placeholder -> cells.put(column.name(), placeholder),
                        () -> cells.remove(column.name()));
            }
        }
        Optional<PassageHit> similar = best.map(Past::passage);
        String origin = best.map(row -> "constat historique le plus proche « "
                + abbreviate(row.cells().getOrDefault(columns.finding().name(), "")) + " » ("
                + row.passage().title() + (row.passage().page() > 0 ? ", p. " + row.passage().page() : "") + ")")
                .orElse("règles de la capsule");
        return new Proposal(cells, similar, origin, List.copyOf(sources));
    }

    /** A reference and the passages it is read from. */
    private record Chosen(String value, List<PassageHit> passages) {}

    /**
     * The reference the finding itself names ("… Écart à : article L.311-4 du CASF."), kept when every article of it
     * appears in a retrieved passage, which then backs it.
     */
    private static Optional<Chosen> ownReference(Finding finding, List<PassageHit> passages) {
        List<ReportReferences.Statement> stated = ReportReferences.statements(finding.text());
        if (stated.isEmpty()) {
            return Optional.empty();
        }
        String value = stated.getLast().reference();
        Set<String> articles = ReferenceCheck.articles(value);
        if (value.isBlank() || articles.isEmpty()) {
            return Optional.empty();
        }
        List<PassageHit> backing = new ArrayList<>();
        Set<String> found = new HashSet<>();
        for (PassageHit hit : passages) {
            Set<String> here = ReferenceCheck.articles(hit.text());
            here.retainAll(articles);
            if (!found.containsAll(here)) {
                found.addAll(here);
                backing.add(hit);
            }
        }
        return found.containsAll(articles) ? Optional.of(new Chosen(value, backing)) : Optional.empty();
    }

    /**
     * The closest past finding's reference, completed: when another of the {@value #REFERENCE_VOTERS} closest past
     * findings cites the same articles and more (the provision and the texts that apply it, "articles L.311-5 et
     * L.311-7" against "article L.311-5"), the closest such fuller reference is taken.
     */
    private static Optional<Chosen> completedReference(String column, List<Past> referenced) {
        List<Past> closest = referenced.stream().limit(REFERENCE_VOTERS).toList();
        if (closest.isEmpty()) {
            return Optional.empty();
        }
        Past first = closest.getFirst();
        Set<String> articles = ReferenceCheck.articles(first.cells().get(column));
        Past chosen = articles.isEmpty() ? first : closest.stream().skip(1)
                .filter(p -> {
                    Set<String> other = ReferenceCheck.articles(p.cells().get(column));
                    return other.size() > articles.size() && other.containsAll(articles);
                })
                .findFirst().orElse(first);
        return Optional.of(new Chosen(chosen.cells().get(column), List.of(chosen.passage())));
    }

    /** The allowed value most of the closest past rows took (weighed by closeness); the first allowed one without any. */
    private static String vote(String column, List<String> allowed, List<Past> rows) {
        Map<String, Double> votes = new HashMap<>();
        rows.stream()
                .filter(r -> allowed.stream().anyMatch(v -> AccentFolding.fold(v).equals(AccentFolding.fold(r.cells().getOrDefault(column, "")))))
                .limit(VOTERS)
                .forEach(r -> allowed.stream()
                        .filter(v -> AccentFolding.fold(v).equals(AccentFolding.fold(r.cells().get(column))))
                        .findFirst()
                        .ifPresent(v -> votes.merge(v, r.closeness() + 1e-6, Double::sum)));
        return allowed.stream().max(Comparator.comparingDouble((String v) -> votes.getOrDefault(v, 0.0))
                .thenComparing(v -> -allowed.indexOf(v))).orElseThrow();
    }

    private static String defaultDeadline(TableColumns columns, String nature) {
        return columns.deadlineByNature().entrySet().stream()
                .filter(e -> AccentFolding.fold(e.getKey()).equals(AccentFolding.fold(nature)))
                .map(Map.Entry::getValue).findFirst().orElse("");
    }

    private static int shared(Set<String> a, Set<String> b) {
        return (int) a.stream().filter(b::contains).count();
    }

    /** Shared words over the geometric mean of both sizes (cosine of word sets). */
    private static double closeness(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        long shared = a.stream().filter(b::contains).count();
        return shared / Math.sqrt((double) a.size() * b.size());
    }

    /** Folded words of four letters or more, a plural "s" or "x" dropped. */
    static Set<String> words(String text) {
        Set<String> words = new HashSet<>();
        Arrays.stream(AccentFolding.fold(text == null ? "" : text).split("[^\\p{L}\\p{N}]+"))
                .filter(w -> w.length() >= 4)
                .map(w -> w.length() > 4 && (w.endsWith("s") || w.endsWith("x")) ? w.substring(0, w.length() - 1) : w)
                .forEach(words::add);
        return words;
    }

    private static String abbreviate(String text) {
        return text.length() > 90 ? text.substring(0, 90) + "…" : text;
    }
}
