package fr.capsules.ingest.parse;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;

/**
 * The text of a PDF that lies outside its pages' content and is never indexed: annotation notes
 * (comments, sticky notes, free-text boxes) and document information entries other than the title.
 * Listed so that the screening stage can report them.
 */
final class PdfHiddenParts {

    /** Information entries that name tools and dates rather than carry text of the document. */
    private static final Set<COSName> TECHNICAL = Set.of(COSName.TITLE, COSName.PRODUCER, COSName.CREATOR,
            COSName.CREATION_DATE, COSName.MOD_DATE, COSName.TRAPPED);

    private PdfHiddenParts() {}

    /** The notes of the annotations of the first {@code pagesRead} pages. */
    static List<HiddenText> annotations(PDDocument document, int pagesRead) {
        List<HiddenText> found = new ArrayList<>();
        for (int i = 0; i < pagesRead; i++) {
            PDPage page = document.getPage(i);
            List<PDAnnotation> annotations;
            try {
                annotations = page.getAnnotations();
            } catch (IOException e) {
                continue; // a damaged annotation array hides nothing we could read
            }
            for (PDAnnotation annotation : annotations) {
                if (annotation instanceof PDAnnotationLink || annotation instanceof PDAnnotationWidget) {
                    continue;
                }
                HiddenText note = HiddenText.of(HiddenText.Kind.ANNOTATION, i + 1, annotation.getContents());
                if (note != null) {
                    found.add(note);
                }
            }
        }
        return found;
    }

    /** Subject, keywords, author and custom entries of the document information dictionary. */
    static List<HiddenText> metadata(PDDocument document) {
        List<HiddenText> found = new ArrayList<>();
        COSDictionary info = document.getDocumentInformation().getCOSObject();
        for (COSName key : info.keySet()) {
            if (TECHNICAL.contains(key)) {
                continue;
            }
            COSBase value = info.getDictionaryObject(key);
            if (value instanceof COSString string) {
                HiddenText entry = HiddenText.of(HiddenText.Kind.METADATA, 0, string.getString());
                if (entry != null) {
                    found.add(entry);
                }
            }
        }
        return found;
    }
}
