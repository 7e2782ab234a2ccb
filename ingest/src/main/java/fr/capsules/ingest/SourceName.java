package fr.capsules.ingest;

import java.util.regex.Pattern;

/**
 * The name of a file given to ingestion, checked once: a relative path of plain segments
 * separated by {@code /} (no {@code ..}, no absolute path, no backslash, no control character),
 * each segment at most 255 characters. A name that is only ever displayed and stored, never used
 * to build a path on its own.
 */
public record SourceName(String value) {

    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\\u2028\\u2029\\u202E]");
    private static final int MAX_SEGMENT = 255;
    private static final int MAX_TOTAL = 1024;

    public SourceName {
        String problem = problemWith(value, true);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /**
     * Why {@code value} is not acceptable, or null when it is.
     *
     * @param allowFolders whether {@code /}-separated folders are allowed (zip entries, folders
     *     indexed from disk) or the name must be a single file name (uploads)
     */
    public static String problemWith(String value, boolean allowFolders) {
        if (value == null || value.isBlank()) {
            return "nom de fichier vide";
        }
        if (CONTROL.matcher(value).find()) {
            return "le nom de fichier contient des caractères de contrôle";
        }
        if (value.length() > MAX_TOTAL) {
            return "nom de fichier trop long (" + value.length() + " caractères, limite " + MAX_TOTAL + ")";
        }
        if (value.indexOf('\\') >= 0) {
            return "le nom de fichier ne doit pas contenir de « \\ »";
        }
        if (value.startsWith("/")) {
            return "chemin absolu refusé";
        }
        if (!allowFolders && value.indexOf('/') >= 0) {
            return "le nom de fichier ne doit pas contenir de « / »";
        }
        for (String segment : value.split("/", -1)) {
            if (segment.equals("..") || segment.equals(".")) {
                return "chemin refusé : il contient « " + segment + " »";
            }
            if (segment.isEmpty()) {
                return "chemin refusé : segment vide";
            }
            if (segment.length() > MAX_SEGMENT) {
                return "nom de fichier trop long (" + segment.length() + " caractères, limite " + MAX_SEGMENT + ")";
            }
        }
        return null;
    }

    /** The last segment: the file name without folders. */
    public String fileName() {
        int slash = value.lastIndexOf('/');
        return slash < 0 ? value : value.substring(slash + 1);
    }

    /** The name shown in reports when it could not be accepted: printable, bounded. */
    public static String printable(String raw) {
        if (raw == null) {
            return "";
        }
        String cleaned = CONTROL.matcher(raw).replaceAll("?");
        return cleaned.length() > 120 ? cleaned.substring(0, 120) + "…" : cleaned;
    }

    @Override
    public String toString() {
        return value;
    }
}
