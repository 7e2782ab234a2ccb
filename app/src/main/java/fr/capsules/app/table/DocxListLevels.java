package fr.capsules.app.table;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.util.HashSet;
import java.util.Set;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;

/**
 * Which list items of a Word document are nested under another (list level 1 and deeper): the ingest
 * parser gives paragraphs without their bullets, so a sub-bullet would otherwise read as a finding of its
 * own. Read after the ingest parser accepted the same bytes (size and zip-bomb limits already passed).
 */
final class DocxListLevels {

    private DocxListLevels() {}

    /** The texts (one clean line each) of the nested items; empty when the file cannot be read again. */
    static Set<String> nestedItems(byte[] docx) {
        Set<String> nested = new HashSet<>();
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx))) {
            for (XWPFParagraph paragraph : document.getParagraphs()) {
                BigInteger level = paragraph.getNumIlvl();
                if (paragraph.getNumID() != null && level != null && level.signum() > 0) {
                    String text = FindingText.inline(paragraph.getText());
                    if (!text.isEmpty()) {
                        nested.add(text);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // The ingest parser read the file: without levels, every item counts as a finding of its own.
            return Set.of();
        }
        return nested;
    }
}
