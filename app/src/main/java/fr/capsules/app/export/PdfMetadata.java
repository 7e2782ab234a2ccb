package fr.capsules.app.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.ZoneOffset;
import java.util.Calendar;
import java.util.GregorianCalendar;
import javax.xml.transform.TransformerException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.AdobePDFSchema;
import org.apache.xmpbox.schema.DublinCoreSchema;
import org.apache.xmpbox.schema.XMPBasicSchema;
import org.apache.xmpbox.schema.XMPSchema;
import org.apache.xmpbox.xml.XmpSerializer;

/**
 * Writes the provenance of a PDF export twice, because readers look in different places: the document information
 * dictionary (standard entries plus one custom entry per provenance fact) and an XMP metadata stream on the catalog
 * (Dublin Core, XMP Basic, Adobe PDF, the IPTC digital source type that marks AI output, and the provenance facts in
 * the {@value #AI_NAMESPACE} namespace). The XMP also declares conformance to PDF/UA-1 ({@code pdfuaid:part}), which
 * the tagging of {@link PdfStructure} and the fonts of {@link PdfText} provide, and viewers are asked to show the
 * title rather than the file name.
 */
final class PdfMetadata {

    static final String IPTC_EXT_NAMESPACE = "http://iptc.org/std/Iptc4xmpExt/2008-02-29/";
    static final String AI_NAMESPACE = "https://capsules.local/ns/ai/1.0/";
    static final String PDFUA_NAMESPACE = "http://www.aiim.org/pdfua/ns/id/";
    static final String PRODUCER = "Capsules (Apache PDFBox)";

    private PdfMetadata() {}

    static void write(PDDocument document, Provenance provenance) throws IOException {
        Calendar created = GregorianCalendar.from(provenance.exportedAt().atZone(ZoneOffset.UTC));
        information(document.getDocumentInformation(), provenance, created);
        PDMetadata metadata = new PDMetadata(document);
        metadata.importXMPMetadata(xmp(provenance, created));
        document.getDocumentCatalog().setMetadata(metadata);
        PDViewerPreferences viewer = new PDViewerPreferences(new org.apache.pdfbox.cos.COSDictionary());
        viewer.setDisplayDocTitle(true);
        document.getDocumentCatalog().setViewerPreferences(viewer);
    }

    private static void information(PDDocumentInformation information, Provenance provenance, Calendar created) {
        information.setTitle(provenance.title());
        information.setAuthor(provenance.creator());
        information.setSubject(provenance.description());
        information.setKeywords(provenance.keywords());
        information.setCreator(Provenance.PRODUCER);
        information.setProducer(PRODUCER);
        information.setCreationDate(created);
        information.setModificationDate(created);
        for (Provenance.Fact fact : provenance.facts()) {
            information.setCustomMetadataValue(fact.key(), fact.text());
        }
    }

    private static byte[] xmp(Provenance provenance, Calendar created) throws IOException {
        XMPMetadata xmp = XMPMetadata.createXMPMetadata();

        DublinCoreSchema dublinCore = xmp.createAndAddDublinCoreSchema();
        dublinCore.setTitle(XmlText.safe(provenance.title()));
        dublinCore.addCreator(XmlText.safe(provenance.creator()));
        dublinCore.setDescription(XmlText.safe(provenance.description()));
        dublinCore.setFormat("application/pdf");
        dublinCore.addLanguage(PdfExport.LANGUAGE);

        XMPBasicSchema basic = xmp.createAndAddXMPBasicSchema();
        basic.setCreatorTool(Provenance.PRODUCER);
        basic.setCreateDate(created);
        basic.setModifyDate(created);
        basic.setMetadataDate(created);

        AdobePDFSchema pdf = xmp.createAndAddAdobePDFSchema();
        pdf.setProducer(PRODUCER);
        pdf.setKeywords(XmlText.safe(provenance.keywords()));

        // IPTC's vocabulary term for "created by a trained model": what C2PA-aware tools read to flag AI output.
        XMPSchema iptc = new XMPSchema(xmp, IPTC_EXT_NAMESPACE, "Iptc4xmpExt");
        iptc.setTextPropertyValue("DigitalSourceType", Provenance.DIGITAL_SOURCE_TYPE);
        xmp.addSchema(iptc);

        XMPSchema accessibility = new XMPSchema(xmp, PDFUA_NAMESPACE, "pdfuaid");
        accessibility.setIntegerPropertyValueAsSimple("part", 1);
        xmp.addSchema(accessibility);

        XMPSchema ai = new XMPSchema(xmp, AI_NAMESPACE, "capsules");
        for (Provenance.Fact fact : provenance.facts()) {
            ai.setTextPropertyValue(fact.key(), XmlText.safe(fact.text()));
        }
        xmp.addSchema(ai);

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            new XmpSerializer().serialize(xmp, bytes, true);
        } catch (TransformerException e) {
            throw new IOException("cannot serialise the XMP metadata", e);
        }
        return bytes.toByteArray();
    }
}
