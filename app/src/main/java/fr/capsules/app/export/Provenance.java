package fr.capsules.app.export;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The provenance facts of one export, computed once and written by every format: visibly (label, capsule and model
 * lines) and as machine-readable metadata ({@link #facts()}, under the same keys everywhere).
 *
 * @param label the visible label, see {@link ExportProvenance#visibleLabel}
 * @param capsuleLine "Capsule « … », version n"
 * @param modelLine "Modèle : …" or the extractive-mode statement
 * @param title the document title on one line
 * @param creator the creator/author metadata: "Capsules (IA) — validé par …"
 * @param description the label, capsule and model lines joined, for description/subject metadata
 * @param exportedAt when the file is produced (creation date of the file, not of the draft)
 * @param facts the machine-readable facts, in a stable order
 */
record Provenance(
        String label,
        String capsuleLine,
        String modelLine,
        String title,
        String creator,
        String description,
        Instant exportedAt,
        List<Fact> facts) {

    /** The IPTC term for media created by a trained model, as IPTC and C2PA recommend for AI output. */
    static final String DIGITAL_SOURCE_TYPE = "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia";

    static final String PRODUCER = "Capsules";

    static Provenance of(ExportDocument document, Instant exportedAt) {
        String label = ExportProvenance.visibleLabel(document);
        String capsuleLine = ExportProvenance.capsuleLine(document);
        String modelLine = ExportProvenance.modelLine(document);
        String validator = ExportProvenance.oneLine(document.validatedBy());

        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact("ai-generated", Boolean.TRUE));
        facts.add(new Fact("ai-validated-by", validator));
        facts.add(new Fact("ai-validated-at", document.validatedAt().toString()));
        // An extractive answer has no model: say so explicitly rather than leave a key out silently.
        facts.add(new Fact("ai-mode", document.model() == null ? "extractive" : "generative"));
        fr.capsules.app.provenance.Provenance source = document.provenance();
        if (document.model() != null) {
            facts.add(new Fact("ai-model", ExportProvenance.oneLine(document.model())));
            if (source.modelDigest() != null) {
                facts.add(new Fact("ai-model-digest", ExportProvenance.oneLine(source.modelDigest())));
            }
        } else {
            facts.add(new Fact("ai-model-absence", source.modelAbsence() == null ? fr.capsules.app.provenance.Provenance.NO_MODEL
                    : source.modelAbsence()));
        }
        facts.add(new Fact("capsule", ExportProvenance.oneLine(document.capsuleId())));
        facts.add(new Fact("capsule-name", ExportProvenance.oneLine(document.capsuleName())));
        // The published version the draft came from; the working copy has none, and says so in the label below.
        if (source.capsuleVersion() != null) {
            facts.add(new Fact("capsule-version", source.capsuleVersion()));
        }
        facts.add(new Fact("capsule-version-label", source.versionLabel()));
        facts.add(new Fact("draft-id", ExportProvenance.oneLine(document.draftId())));
        facts.add(new Fact("ai-label", label));

        return new Provenance(
                label,
                capsuleLine,
                modelLine,
                ExportProvenance.oneLine(document.title()),
                "Capsules (IA) — validé par " + validator,
                label + ". " + capsuleLine + ". " + modelLine + ".",
                exportedAt,
                List.copyOf(facts));
    }

    /** Keywords for formats that have them (PDF, Office core properties). */
    String keywords() {
        return "IA; généré par IA; validé; Capsules; " + facts.stream()
                .filter(fact -> fact.key().equals("capsule"))
                .map(Fact::text)
                .findFirst()
                .orElse("");
    }

    /**
     * One machine-readable fact.
     *
     * @param key the metadata key, identical in every format
     * @param value a {@link String}, {@link Boolean} or {@link Integer}, so typed metadata (Office custom
     *     properties, YAML) keeps its type
     */
    record Fact(String key, Object value) {

        Fact {
            if (!(value instanceof String || value instanceof Boolean || value instanceof Integer)) {
                throw new IllegalArgumentException("unsupported fact value: " + value);
            }
        }

        String text() {
            return String.valueOf(value);
        }
    }
}
