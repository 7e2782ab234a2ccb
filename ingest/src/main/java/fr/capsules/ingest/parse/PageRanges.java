package fr.capsules.ingest.parse;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/** Page numbers written for people, runs collapsed: "pages 1 à 3, 7", "page 4". */
public final class PageRanges {

    private PageRanges() {}

    public static String of(Collection<Integer> pages) {
        TreeSet<Integer> sorted = new TreeSet<>(pages);
        if (sorted.isEmpty()) {
            return "aucune page";
        }
        List<String> runs = new ArrayList<>();
        Integer start = null;
        Integer previous = null;
        for (int page : sorted) {
            if (start == null) {
                start = page;
            } else if (page != previous + 1) {
                runs.add(run(start, previous));
                start = page;
            }
            previous = page;
        }
        runs.add(run(start, previous));
        return (sorted.size() == 1 ? "page " : "pages ") + String.join(", ", runs);
    }

    private static String run(int start, int end) {
        return start == end ? Integer.toString(start) : end == start + 1 ? start + ", " + end : start + " à " + end;
    }
}
