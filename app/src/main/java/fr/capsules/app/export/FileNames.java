package fr.capsules.app.export;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Builds export file names from untrusted titles: an ASCII slug of the title, the first characters of the draft id
 * (so two exports with the same title do not overwrite each other in a download folder) and the extension. The result
 * never holds a path separator, a control character, a space or a leading dot.
 */
final class FileNames {

    private static final int MAX_SLUG = 60;
    private static final int DRAFT_PREFIX = 8;

    private FileNames() {}

    static String of(ExportDocument document, ExportFormat format) {
        String slug = slug(document.title());
        String draft = document.draftId().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        draft = draft.substring(0, Math.min(DRAFT_PREFIX, draft.length()));
        String base = draft.isEmpty() ? slug : slug + "-" + draft;
        return base + "." + format.extension();
    }

    /** "Tableau de mesures — EHPAD Les Tilleuls" → "tableau-de-mesures-ehpad-les-tilleuls". */
    static String slug(String text) {
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                // Ligatures do not decompose; French writes them often (œuvre, cœur).
                .replace("œ", "oe").replace("Œ", "OE").replace("æ", "ae").replace("Æ", "AE").replace("ß", "ss")
                .toLowerCase(Locale.ROOT);
        String slug = ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > MAX_SLUG) {
            slug = slug.substring(0, MAX_SLUG).replaceAll("-+[^-]*$", "");
        }
        return slug.isEmpty() ? "export" : slug;
    }
}
