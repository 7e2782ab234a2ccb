package fr.capsules.app.export;

import java.io.IOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.COSObjectable;
import org.apache.pdfbox.pdmodel.common.PDNumberTreeNode;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkInfo;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkedContentReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDParentTreeValue;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.PDTableAttributeObject;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.StandardStructureTypes;

/**
 * The logical structure of a tagged PDF (ISO 32000-1 §14.7–14.8, as PDF/UA-1 requires it): one {@code Document}
 * element holding headings, paragraphs and tables in reading order; every piece of real content on a page enclosed in
 * a marked-content sequence whose MCID the tree points to (through a marked-content reference naming the page, so an
 * element may continue on the next page); everything else (running header, page numbers, borders, fills, a table
 * header repeated on a new page) marked as an artifact. The catalog says the document is tagged ({@code MarkInfo}), and
 * {@link #finish()} writes the parent tree once all pages exist. Not thread-safe: one instance per document.
 */
final class PdfStructure {

    private final PDDocument document;
    private final PDStructureTreeRoot root = new PDStructureTreeRoot();
    private final PDStructureElement top;
    /** For each page, the element of each MCID, in MCID order: what the parent tree records. */
    private final Map<COSDictionary, List<PDStructureElement>> contentByPage = new IdentityHashMap<>();

    PdfStructure(PDDocument document) {
        this.document = document;
        document.getDocumentCatalog().setStructureTreeRoot(root);
        PDMarkInfo markInfo = new PDMarkInfo();
        markInfo.setMarked(true);
        document.getDocumentCatalog().setMarkInfo(markInfo);
        top = new PDStructureElement(StandardStructureTypes.DOCUMENT, root);
        root.appendKid(top);
    }

    /** The {@code Document} element, parent of every block. */
    PDStructureElement document() {
        return top;
    }

    /** A new element of a standard type ({@link StandardStructureTypes}), last child of {@code parent}. */
    PDStructureElement add(PDStructureElement parent, String type) {
        PDStructureElement element = new PDStructureElement(type, parent);
        parent.appendKid(element);
        return element;
    }

    /** A column header cell: a {@code TH} whose scope is its column, so that each data cell is read with its header. */
    PDStructureElement columnHeader(PDStructureElement row) {
        PDStructureElement header = add(row, StandardStructureTypes.TH);
        PDTableAttributeObject scope = new PDTableAttributeObject();
        scope.setScope(PDTableAttributeObject.SCOPE_COLUMN);
        header.addAttribute(scope);
        return header;
    }

    /** Opens a marked-content sequence on {@code page} holding content of {@code element}; close it with {@link #end}. */
    void begin(PDPageContentStream content, PDPage page, PDStructureElement element) throws IOException {
        List<PDStructureElement> parents = contentByPage.computeIfAbsent(page.getCOSObject(), p -> new ArrayList<>());
        int mcid = parents.size();
        parents.add(element);
        PDMarkedContentReference reference = new PDMarkedContentReference();
        reference.setPage(page);
        reference.setMCID(mcid);
        element.appendKid(reference);
        content.beginMarkedContent(COSName.getPDFName(element.getStructureType()), mcid);
    }

    /** Opens a sequence of content that is not part of the text (layout, pagination); close it with {@link #end}. */
    void beginArtifact(PDPageContentStream content) throws IOException {
        content.beginMarkedContent(COSName.ARTIFACT);
    }

    void end(PDPageContentStream content) throws IOException {
        content.endMarkedContent();
    }

    /** Writes the parent tree (page → MCID → element) and gives each page its key; call once, after the last page. */
    void finish() {
        Map<Integer, COSObjectable> parentTree = new LinkedHashMap<>();
        int key = 0;
        for (PDPage page : document.getPages()) {
            page.setStructParents(key);
            // Tab order follows the structure (required by PDF/UA for pages with annotations, harmless otherwise).
            page.getCOSObject().setName(COSName.getPDFName("Tabs"), "S");
            COSArray elements = new COSArray();
            contentByPage.getOrDefault(page.getCOSObject(), List.of()).forEach(elements::add);
            parentTree.put(key, elements);
            key++;
        }
        PDNumberTreeNode tree = new PDNumberTreeNode(PDParentTreeValue.class);
        tree.setNumbers(parentTree);
        tree.getCOSObject().removeItem(COSName.LIMITS); // only intermediate and leaf nodes have limits
        root.setParentTree(tree);
        root.setParentTreeNextKey(key);
    }
}
