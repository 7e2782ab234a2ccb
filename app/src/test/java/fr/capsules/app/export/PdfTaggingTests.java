package fr.capsules.app.export;

import static fr.capsules.app.export.ExportSamples.EXPORTER;
import static org.assertj.core.api.Assertions.assertThat;

import fr.capsules.app.export.ExportDocument.TableBody;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkedContentReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDMarkedContent;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.PDTableAttributeObject;
import org.apache.pdfbox.text.PDFMarkedContentExtractor;
import org.apache.pdfbox.text.TextPosition;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.XMPSchema;
import org.apache.xmpbox.xml.DomXmpParser;
import org.junit.jupiter.api.Test;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/**
 * The PDF export is tagged as PDF/UA-1 asks: a structure tree in reading order whose elements hold the text people
 * read, every piece of content either in that tree or an artifact, the language and title declared; and veraPDF, the
 * reference validator, finds no failure.
 */
class PdfTaggingTests {

    private static final Set<String> PAINTING = Set.of("Tj", "TJ", "'", "\"", "f", "F", "f*", "S", "s", "B", "B*", "b",
            "b*", "sh", "Do");

    @Test
    void theCatalogDeclaresATaggedFrenchDocumentWhoseTitleIsShown() throws IOException {
        try (PDDocument pdf = open(ExportSamples.reviewedMeasureTable())) {
            PDDocumentCatalog catalog = pdf.getDocumentCatalog();

            assertThat(catalog.getMarkInfo().isMarked()).isTrue();
            assertThat(catalog.getLanguage()).isEqualTo("fr");
            assertThat(catalog.getViewerPreferences().displayDocTitle()).isTrue();
            assertThat(pdf.getDocumentInformation().getTitle()).isEqualTo("Tableau de mesures — EHPAD Les Tilleuls");
            assertThat(catalog.getStructureTreeRoot()).isNotNull();
        }
    }

    @Test
    void theXmpClaimsPdfUaAndCarriesTheTitle() throws Exception {
        try (PDDocument pdf = open(ExportSamples.reviewedMeasureTable())) {
            DomXmpParser parser = new DomXmpParser();
            parser.setStrictParsing(false);
            XMPMetadata xmp = parser.parse(pdf.getDocumentCatalog().getMetadata().toByteArray());

            assertThat(xmp.getDublinCoreSchema().getTitle()).isEqualTo("Tableau de mesures — EHPAD Les Tilleuls");
            assertThat(xmp.getDublinCoreSchema().getLanguages()).containsExactly("fr");
            XMPSchema pdfua = xmp.getSchema(PdfMetadata.PDFUA_NAMESPACE);
            assertThat(pdfua.getUnqualifiedTextPropertyValue("part")).isEqualTo("1");
        }
    }

    @Test
    void theStructureTreeReadsHeadingsParagraphsAndATableWithScopedHeaders() throws IOException {
        try (PDDocument pdf = open(ExportSamples.reviewedMeasureTable())) {
            Tagged tagged = Tagged.of(pdf);
            PDStructureElement document = single(pdf.getDocumentCatalog().getStructureTreeRoot().getKids());
            assertThat(document.getStructureType()).isEqualTo("Document");

            List<PDStructureElement> blocks = elements(document);
            assertThat(blocks).extracting(PDStructureElement::getStructureType)
                    .containsExactly("P", "P", "P", "H1", "Table", "H2", "P", "P", "H2", "Table");
            assertThat(tagged.text(blocks.get(0))).startsWith("Généré par IA — validé par Inès Inspectrice");
            assertThat(tagged.text(blocks.get(3))).isEqualTo("Tableau de mesures — EHPAD Les Tilleuls");
            assertThat(tagged.text(blocks.get(5))).isEqualTo("Sources");
            assertThat(tagged.text(blocks.get(8))).isEqualTo("Annexe — avertissements acquittés à la validation");

            List<PDStructureElement> rows = elements(blocks.get(4));
            assertThat(rows).hasSize(3).allSatisfy(row -> assertThat(row.getStructureType()).isEqualTo("TR"));
            List<PDStructureElement> headers = elements(rows.getFirst());
            assertThat(headers).extracting(PDStructureElement::getStructureType).containsOnly("TH");
            assertThat(headers).extracting(tagged::text)
                    .containsExactly("N°", "Constat", "Type", "Référence", "Mesure", "Nature", "Délai", "Sources");
            assertThat(headers).allSatisfy(header -> assertThat(scope(header)).isEqualTo("Column"));
            List<PDStructureElement> firstRow = elements(rows.get(1));
            assertThat(firstRow).extracting(PDStructureElement::getStructureType).containsOnly("TD");
            assertThat(tagged.text(firstRow.get(1))).isEqualTo("Le plan bleu n'a pas été vérifié depuis 2023.");
            assertThat(tagged.text(firstRow.get(7)))
                    .isEqualTo("[1] Rapport d'inspection EHPAD Les Cèdres 2024, p. 12 [2] Guide HAS — bientraitance");

            List<PDStructureElement> annex = elements(blocks.get(9));
            assertThat(elements(annex.getFirst())).extracting(tagged::text)
                    .containsExactly("Emplacement", "Avertissement", "Acquitté par", "Le");
            assertThat(elements(annex.get(2))).extracting(tagged::text).containsExactly("Ligne 2, Référence",
                    "référence non trouvée dans les sources citées — à vérifier avant validation", "Inès Inspectrice",
                    "22/11/2026 à 14:02");
        }
    }

    @Test
    void everyTextAndDrawingIsTaggedContentOrAnArtifact() throws IOException {
        try (PDDocument pdf = open(longTable())) {
            assertThat(pdf.getNumberOfPages()).isGreaterThan(1);
            for (PDPage page : pdf.getPages()) {
                PDFStreamParser parser = new PDFStreamParser(page);
                Deque<String> open = new ArrayDeque<>();
                List<Object> operands = new ArrayList<>();
                for (Object token = parser.parseNextToken(); token != null; token = parser.parseNextToken()) {
                    if (!(token instanceof Operator operator)) {
                        operands.add(token);
                        continue;
                    }
                    switch (operator.getName()) {
                        case "BDC" -> {
                            COSName tag = (COSName) operands.getFirst();
                            boolean tagged = operands.get(1) instanceof COSDictionary properties
                                    && properties.containsKey(COSName.MCID);
                            assertThat(tagged || tag.equals(COSName.ARTIFACT)).as("BDC %s", tag).isTrue();
                            assertThat(open).as("marked content nested in %s", open).isEmpty();
                            open.push(tag.getName());
                        }
                        case "BMC" -> {
                            assertThat(operands.getFirst()).isEqualTo(COSName.ARTIFACT);
                            open.push(COSName.ARTIFACT.getName());
                        }
                        case "EMC" -> open.pop();
                        default -> {
                            if (PAINTING.contains(operator.getName())) {
                                assertThat(open).as("%s outside marked content", operator.getName()).isNotEmpty();
                            }
                        }
                    }
                    operands.clear();
                }
                assertThat(open).isEmpty();
            }
        }
    }

    @Test
    void everyMarkedContentIsReachedFromTheStructureTreeAndTheParentTree() throws IOException {
        try (PDDocument pdf = open(longTable())) {
            var root = pdf.getDocumentCatalog().getStructureTreeRoot();
            for (int p = 0; p < pdf.getNumberOfPages(); p++) {
                PDPage page = pdf.getPage(p);
                COSArray parents = (COSArray) ((org.apache.pdfbox.pdmodel.common.COSObjectable)
                        root.getParentTree().getValue(page.getStructParents())).getCOSObject();
                PDFMarkedContentExtractor extractor = new PDFMarkedContentExtractor();
                extractor.processPage(page);
                List<PDMarkedContent> tagged = extractor.getMarkedContents().stream().filter(m -> m.getMCID() >= 0).toList();
                assertThat(tagged).as("page %d", p + 1).isNotEmpty();
                assertThat(parents.size()).isEqualTo(tagged.size());
                for (PDMarkedContent content : tagged) {
                    PDStructureElement parent = new PDStructureElement((COSDictionary) parents.getObject(content.getMCID()));
                    assertThat(parent.getKids()).anySatisfy(kid -> {
                        assertThat(kid).isInstanceOf(PDMarkedContentReference.class);
                        PDMarkedContentReference reference = (PDMarkedContentReference) kid;
                        assertThat(reference.getMCID()).isEqualTo(content.getMCID());
                        assertThat(reference.getPage().getCOSObject()).isSameAs(page.getCOSObject());
                    });
                }
            }
            // The header row is in the tree once, however many pages repeat it.
            PDStructureElement table = elements(single(root.getKids())).stream()
                    .filter(e -> e.getStructureType().equals("Table")).findFirst().orElseThrow();
            List<PDStructureElement> rows = elements(table);
            assertThat(rows.stream().filter(row -> elements(row).getFirst().getStructureType().equals("TH"))).hasSize(1);
            // The measure taller than a page is one cell, with content on the pages it runs over.
            PDStructureElement tallMeasure = elements(rows.getLast()).get(4);
            assertThat(tallMeasure.getKids().stream()
                    .map(kid -> ((PDMarkedContentReference) kid).getPage().getCOSObject()).distinct()).hasSizeGreaterThan(1);
        }
    }

    @Test
    void veraPdfFindsTheExportsConformToPdfUa1() throws IOException {
        VeraGreenfieldFoundryProvider.initialise();
        for (ExportDocument document : List.of(ExportSamples.reviewedMeasureTable(), ExportSamples.answer(), longTable())) {
            byte[] bytes = EXPORTER.export(document, ExportFormat.PDF).bytes();
            try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(bytes), PDFAFlavour.PDFUA_1)) {
                PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFUA_1, false);
                ValidationResult result = validator.validate(parser);

                List<String> failures = result.getTestAssertions().stream()
                        .filter(a -> a.getStatus() == TestAssertion.Status.FAILED)
                        .map(a -> a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + " " + a.getMessage()
                                + " @ " + a.getLocation().getContext())
                        .distinct()
                        .toList();
                assertThat(failures).as(document.title()).isEmpty();
                assertThat(result.isCompliant()).isTrue();
            } catch (IOException e) {
                throw e;
            } catch (Exception e) {
                throw new AssertionError("veraPDF could not validate " + document.title(), e);
            }
        }
    }

    @Test
    void veraPdfRejectsAnUntaggedPdf() throws Exception {
        VeraGreenfieldFoundryProvider.initialise();
        java.io.ByteArrayOutputStream untagged = new java.io.ByteArrayOutputStream();
        try (PDDocument pdf = new PDDocument()) {
            PDPage page = new PDPage();
            pdf.addPage(page);
            try (var content = new org.apache.pdfbox.pdmodel.PDPageContentStream(pdf, page)) {
                content.beginText();
                content.setFont(new org.apache.pdfbox.pdmodel.font.PDType1Font(
                        org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName.HELVETICA), 12);
                content.showText("Sans balisage");
                content.endText();
            }
            pdf.save(untagged);
        }
        try (PDFAParser parser = Foundries.defaultInstance()
                .createParser(new ByteArrayInputStream(untagged.toByteArray()), PDFAFlavour.PDFUA_1)) {
            ValidationResult result = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFUA_1, false).validate(parser);

            assertThat(result.isCompliant()).isFalse();
        }
    }

    private static ExportDocument longTable() {
        ExportDocument d = ExportSamples.reviewedMeasureTable();
        TableBody sample = (TableBody) d.body();
        List<Map<String, String>> rows = new ArrayList<>();
        List<List<ExportDocument.Source>> sources = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            rows.addAll(sample.rows());
            sources.addAll(sample.rowSources());
        }
        // One measure longer than a page, so that a cell continues on the next page.
        Map<String, String> tall = new java.util.LinkedHashMap<>(sample.rows().getFirst());
        tall.put("mesure", String.join("\n", java.util.stream.IntStream.rangeClosed(1, 70)
                .mapToObj(step -> "Étape " + step + " : faire vérifier le plan bleu.").toList()));
        rows.add(tall);
        sources.add(List.of());
        return new ExportDocument(d.draftId(), d.title(), d.capsuleId(), d.capsuleName(), d.capsuleVersion(), d.model(),
                d.validatedBy(), d.validatedAt(), new TableBody(sample.columns(), rows, sources), d.sources(),
                d.acknowledgedWarnings());
    }

    private static String scope(PDStructureElement header) {
        var attributes = header.getAttributes();
        for (int i = 0; i < attributes.size(); i++) {
            if (attributes.getObject(i) instanceof PDTableAttributeObject table) {
                return table.getScope();
            }
        }
        return null;
    }

    private static PDStructureElement single(List<Object> kids) {
        assertThat(kids).hasSize(1);
        return (PDStructureElement) kids.getFirst();
    }

    private static List<PDStructureElement> elements(PDStructureElement parent) {
        return parent.getKids().stream()
                .filter(PDStructureElement.class::isInstance)
                .map(PDStructureElement.class::cast)
                .toList();
    }

    private static PDDocument open(ExportDocument document) throws IOException {
        return Loader.loadPDF(EXPORTER.export(document, ExportFormat.PDF).bytes());
    }

    /** The text of each marked-content sequence, by page and MCID, to read what a structure element holds. */
    private record Tagged(Map<COSBase, Map<Integer, String>> byPage) {

        static Tagged of(PDDocument pdf) throws IOException {
            Map<COSBase, Map<Integer, String>> byPage = new HashMap<>();
            for (PDPage page : pdf.getPages()) {
                PDFMarkedContentExtractor extractor = new PDFMarkedContentExtractor();
                extractor.processPage(page);
                Map<Integer, String> texts = new HashMap<>();
                for (PDMarkedContent content : extractor.getMarkedContents()) {
                    if (content.getMCID() >= 0) {
                        StringBuilder text = new StringBuilder();
                        content.getContents().stream().filter(TextPosition.class::isInstance)
                                .forEach(position -> text.append(((TextPosition) position).getUnicode()));
                        texts.put(content.getMCID(), text.toString());
                    }
                }
                byPage.put(page.getCOSObject(), texts);
            }
            return new Tagged(byPage);
        }

        /** The element's own text: its marked-content kids in order, lines joined by a space. */
        String text(PDStructureElement element) {
            List<String> parts = new ArrayList<>();
            for (Object kid : element.getKids()) {
                if (kid instanceof PDMarkedContentReference reference) {
                    parts.add(byPage.get(reference.getPage().getCOSObject()).get(reference.getMCID()));
                }
            }
            return String.join(" ", parts).strip();
        }
    }
}
