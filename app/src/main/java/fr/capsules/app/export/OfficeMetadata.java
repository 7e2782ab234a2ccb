package fr.capsules.app.export;

import java.util.Date;
import java.util.Optional;
import org.apache.poi.ooxml.POIXMLProperties;

/**
 * Writes the provenance of an export into the package properties shared by DOCX and XLSX: core properties (what
 * Word's and Excel's "Properties" panel shows: title, author, subject, description, keywords) and custom properties,
 * one per provenance fact under the same key as in the other formats, typed (boolean, integer, text).
 */
final class OfficeMetadata {

    private OfficeMetadata() {}

    static void write(POIXMLProperties properties, Provenance provenance) {
        POIXMLProperties.CoreProperties core = properties.getCoreProperties();
        core.setTitle(XmlText.safe(provenance.title()));
        core.setCreator(XmlText.safe(provenance.creator()));
        core.setLastModifiedByUser(XmlText.safe(provenance.creator()));
        core.setSubjectProperty(XmlText.safe(provenance.label()));
        core.setDescription(XmlText.safe(provenance.description()));
        core.setKeywords(XmlText.safe(provenance.keywords()));
        core.setCategory("Généré par IA");
        core.setCreated(Optional.of(Date.from(provenance.exportedAt())));
        properties.getExtendedProperties().setApplication(Provenance.PRODUCER);

        POIXMLProperties.CustomProperties custom = properties.getCustomProperties();
        for (Provenance.Fact fact : provenance.facts()) {
            switch (fact.value()) {
                case Boolean flag -> custom.addProperty(fact.key(), flag);
                case Integer number -> custom.addProperty(fact.key(), number);
                default -> custom.addProperty(fact.key(), XmlText.safe(fact.text()));
            }
        }
    }
}
