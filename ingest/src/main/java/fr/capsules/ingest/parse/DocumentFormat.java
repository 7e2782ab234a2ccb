package fr.capsules.ingest.parse;

/** The document formats ingestion understands. */
public enum DocumentFormat {
    PDF,
    DOCX,
    XLSX,
    CSV,
    HTML,
    MARKDOWN,
    TEXT
}
