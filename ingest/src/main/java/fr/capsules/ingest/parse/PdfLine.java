package fr.capsules.ingest.parse;

/**
 * One text line of a PDF page with the typography needed to tell headings from body text.
 *
 * @param fontSize the dominant font size of the line in points (rounded to half a point)
 * @param bold true when nearly all its glyphs use a bold font
 * @param startsParagraph true when PDFBox saw a paragraph gap or indent before it
 */
record PdfLine(String text, float fontSize, boolean bold, boolean startsParagraph) {}
