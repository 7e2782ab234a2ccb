package fr.capsules.app.workshop;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What differs between two published versions: the instructions line by line, the documents added
 * and removed, the settings changed, and both evaluations' scores.
 *
 * @param instructions the diff, one entry per line: {@code "  "} kept, {@code "- "} removed, {@code "+ "} added
 */
public record VersionComparison(int from, int to, List<String> instructions, List<String> documentsAdded,
        List<String> documentsRemoved, List<String> settingsChanged, Evaluation.Metrics scoresFrom, Evaluation.Metrics scoresTo,
        String modelDigestFrom, String modelDigestTo) {

    static VersionComparison of(CapsuleVersion a, CapsuleVersion b) {
        Set<String> before = a.manifest().stream().map(e -> e.sha256() + " " + e.file()).collect(Collectors.toSet());
        Set<String> after = b.manifest().stream().map(e -> e.sha256() + " " + e.file()).collect(Collectors.toSet());
        List<String> added = b.manifest().stream().filter(e -> !before.contains(e.sha256() + " " + e.file()))
                .map(Fingerprints.ManifestEntry::file).sorted().toList();
        List<String> removed = a.manifest().stream().filter(e -> !after.contains(e.sha256() + " " + e.file()))
                .map(Fingerprints.ManifestEntry::file).sorted().toList();
        List<String> settings = new ArrayList<>();
        if (!Objects.equals(a.definition().retrieval(), b.definition().retrieval())) {
            settings.add("réglages de recherche (retrieval)");
        }
        if (!Objects.equals(a.definition().table(), b.definition().table())) {
            settings.add("colonnes (table)");
        }
        if (!Objects.equals(a.model(), b.model())) {
            settings.add("modèle");
        }
        if (!Objects.equals(a.definition().scope(), b.definition().scope())) {
            settings.add("périmètre (scope)");
        }
        return new VersionComparison(a.version(), b.version(),
                diff(lines(a.definition().instructions()), lines(b.definition().instructions())), added, removed, settings,
                a.scores(), b.scores(), a.modelDigest(), b.modelDigest());
    }

    private static List<String> lines(String text) {
        return text == null || text.isEmpty() ? List.of() : List.of(text.split("\n", -1));
    }

    /** A line diff by longest common subsequence (instructions are at most a few hundred lines). */
    static List<String> diff(List<String> a, List<String> b) {
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<String> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() && j < b.size()) {
            if (a.get(i).equals(b.get(j))) {
                out.add("  " + a.get(i));
                i++;
                j++;
            } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
                out.add("- " + a.get(i++));
            } else {
                out.add("+ " + b.get(j++));
            }
        }
        while (i < a.size()) {
            out.add("- " + a.get(i++));
        }
        while (j < b.size()) {
            out.add("+ " + b.get(j++));
        }
        return out;
    }
}
