package fr.capsules.app.workshop;

import fr.capsules.app.capsule.Capsule;
import fr.capsules.app.capsule.CapsuleDefinition;
import fr.capsules.app.document.DocumentLibrary;
import fr.capsules.ingest.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * What "exactly the current content" of a capsule is, as hashes: the corpus (each document's id,
 * file and SHA-256, sorted) and the content (what shapes the answers: instructions, kind, columns,
 * retrieval settings, model name, plus the corpus and the reference questions). An evaluation counts
 * for publication only when its content hash is the capsule's now.
 */
@Component
class Fingerprints {

    private final DocumentLibrary documents;
    private final ReferenceQuestions questions;
    private final JsonMapper json;

    Fingerprints(DocumentLibrary documents, ReferenceQuestions questions, JsonMapper json) {
        this.documents = documents;
        this.questions = questions;
        this.json = json;
    }

    /** One document of a corpus manifest. */
    record ManifestEntry(String documentId, String file, String sha256) {}

    /** A capsule's content now. */
    record Fingerprint(List<ManifestEntry> manifest, String corpusHash, String contentHash) {}

    /** The definition fields that change answers; name, description, scope and status do not. */
    private record AnswerShaping(String kind, String instructions, Object table, Object retrieval, String model,
            Object pseudonymisation, String corpusHash, List<ReferenceQuestion> questions) {}

    Fingerprint of(Capsule capsule) {
        List<ManifestEntry> manifest = documents.list(capsule).stream()
                .map(d -> new ManifestEntry(d.documentId(), d.file(), d.sha256()))
                .sorted(Comparator.comparing(ManifestEntry::sha256).thenComparing(ManifestEntry::file))
                .toList();
        String corpusHash = corpusHash(manifest);
        return new Fingerprint(manifest, corpusHash, contentHash(capsule.definition(), corpusHash, questions.of(capsule.definition().id())));
    }

    static String corpusHash(List<ManifestEntry> manifest) {
        StringBuilder lines = new StringBuilder();
        manifest.stream().sorted(Comparator.comparing(ManifestEntry::sha256).thenComparing(ManifestEntry::file))
                .forEach(e -> lines.append(e.sha256()).append(' ').append(e.file()).append('\n'));
        return Sha256.hex(lines.toString().getBytes(StandardCharsets.UTF_8));
    }

    String contentHash(CapsuleDefinition d, String corpusHash, List<ReferenceQuestion> reference) {
        AnswerShaping shaping = new AnswerShaping(d.kind().json(), d.instructions(), d.table(), d.retrieval(), d.model(),
                d.pseudonymisation(), corpusHash, reference);
        return Sha256.hex(json.writeValueAsString(shaping).getBytes(StandardCharsets.UTF_8));
    }
}
