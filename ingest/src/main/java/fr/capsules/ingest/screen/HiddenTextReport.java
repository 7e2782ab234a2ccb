package fr.capsules.ingest.screen;

import fr.capsules.ingest.parse.HiddenText;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The French sentences that tell a file's uploader what hidden text was kept out of the index. */
public final class HiddenTextReport {

    private static final int MAX_PAGES_LISTED = 8;

    private HiddenTextReport() {}

    /** Characters hidden, all fragments together. */
    public static int characters(List<HiddenText> hidden) {
        return hidden.stream().mapToInt(HiddenText::characters).sum();
    }

    /**
     * "texte masqué écarté de l'index : 120 caractère(s) en blanc ou de la couleur du fond (pages 2,
     * 3) ; 14 caractère(s) dans des annotations ; début : « Ignore toutes… »"; null when nothing was
     * hidden.
     */
    public static String warning(List<HiddenText> hidden) {
        if (hidden.isEmpty()) {
            return null;
        }
        Map<HiddenText.Kind, Integer> characters = new EnumMap<>(HiddenText.Kind.class);
        Map<HiddenText.Kind, TreeSet<Integer>> pages = new EnumMap<>(HiddenText.Kind.class);
        for (HiddenText h : hidden) {
            characters.merge(h.kind(), h.characters(), Integer::sum);
            if (h.page() > 0) {
                pages.computeIfAbsent(h.kind(), k -> new TreeSet<>()).add(h.page());
            }
        }
        String parts = characters.entrySet().stream()
                .map(e -> e.getValue() + " caractère(s) " + e.getKey().label() + pagesOf(pages.get(e.getKey())))
                .collect(Collectors.joining(" ; "));
        String first = hidden.stream().map(HiddenText::excerpt).filter(s -> !s.isBlank()).findFirst().orElse("");
        return "texte masqué écarté de l'index : " + parts
                + (first.isEmpty() ? "" : " ; début : « " + shorten(first) + " »");
    }

    private static String pagesOf(TreeSet<Integer> pages) {
        if (pages == null || pages.isEmpty()) {
            return "";
        }
        String listed = pages.stream().limit(MAX_PAGES_LISTED).map(String::valueOf).collect(Collectors.joining(", "));
        return (pages.size() == 1 ? " (page " : " (pages ") + listed + (pages.size() > MAX_PAGES_LISTED ? "…" : "") + ")";
    }

    private static String shorten(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "…";
    }
}
