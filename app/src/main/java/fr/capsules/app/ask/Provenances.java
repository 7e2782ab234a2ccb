package fr.capsules.app.ask;

import fr.capsules.app.capsule.CapsuleDefinition;
import fr.capsules.app.llm.LanguageModel;
import fr.capsules.app.provenance.Provenance;
import fr.capsules.app.provenance.PublishedVersions;
import org.springframework.stereotype.Component;

/**
 * Resolves {@link Provenance}, the one place: asking, drafting and exporting all take the version and the model
 * digest from here (it lives in {@code ask}, which drafts already use, so that {@code provenance} itself depends on
 * nothing and the exporters may carry it). The version is the capsule's serving published version ({@link PublishedVersions}); the digest
 * is the one the model server last reported ({@link LanguageModel#digest}). Thread-safe.
 */
@Component
public class Provenances {

    private final PublishedVersions versions;
    private final LanguageModel model;

    Provenances(PublishedVersions versions, LanguageModel model) {
        this.versions = versions;
        this.model = model;
    }

    /** The version the capsule's audience is served by now; no model yet. */
    public Provenance served(CapsuleDefinition capsule) {
        var serving = versions.serving(capsule.id());
        return Provenance.ofVersion(serving.isPresent() ? serving.getAsInt() : null);
    }

    /** The working copy (a referent evaluating the current content); no model yet. */
    public Provenance workingCopy() {
        return Provenance.ofVersion(null);
    }

    /** {@code base}'s version, written by {@code modelName} with the digest its server reports now. */
    public Provenance writtenBy(Provenance base, String modelName) {
        if (modelName == null || modelName.isBlank()) {
            return base.withoutModel(Provenance.NO_MODEL);
        }
        return base.writtenBy(modelName, model.digest(modelName).orElse(null));
    }
}
