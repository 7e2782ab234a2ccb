package fr.capsules.app.export;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The file formats a validated draft can be exported to. */
public enum ExportFormat {
    DOCX("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    PDF("pdf", "application/pdf"),
    CSV("csv", "text/csv;charset=UTF-8"),
    MD("md", "text/markdown;charset=UTF-8");

    private final String extension;
    private final String mediaType;

    ExportFormat(String extension, String mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    /** The file extension, without the dot ({@code "docx"}). */
    public String extension() {
        return extension;
    }

    /** The media type to send with the file, with the charset for text formats. */
    public String mediaType() {
        return mediaType;
    }

    /**
     * Reads a format as a user or a URL gives it: case-insensitive, with or without a leading dot;
     * {@code "markdown"} is accepted for {@link #MD}.
     *
     * @throws IllegalArgumentException with a French message listing the formats, for null or unknown values
     */
    public static ExportFormat parse(String value) {
        String wanted = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        if (wanted.startsWith(".")) {
            wanted = wanted.substring(1);
        }
        if (wanted.equals("markdown")) {
            return MD;
        }
        for (ExportFormat format : values()) {
            if (format.extension.equals(wanted)) {
                return format;
            }
        }
        String known = Arrays.stream(values()).map(ExportFormat::extension).collect(Collectors.joining(", "));
        throw new IllegalArgumentException("Format d'export inconnu : « %s ». Formats possibles : %s."
                .formatted(value == null ? "" : value.strip(), known));
    }
}
