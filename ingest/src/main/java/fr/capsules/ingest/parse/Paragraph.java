package fr.capsules.ingest.parse;

/** A run of body text (a paragraph, a list item, a block of lines). */
public record Paragraph(String text, int page) implements Block {}
