package fr.capsules.app.ask;

import fr.capsules.app.capsule.Capsule;
import fr.capsules.app.llm.LanguageModel;
import fr.capsules.app.provenance.Provenance;
import org.springframework.stereotype.Component;

/**
 * Resolves {@link Provenance}, the one place: asking, drafting and exporting all take the version and the model
 * digest from here (it lives in {@code ask}, which drafts already use, so that {@code provenance} itself depends on
 * nothing and the exporters may carry it). The version is the published version the capsule was served as ({@link Capsule#servedVersion()}: the
 * audience's snapshot), or the working copy for its maintainers; the digest
 * is the one the model server last reported ({@link LanguageModel#digest}). Thread-safe.
 */
@Component
public class Provenances {

    private final LanguageModel model;

    Provenances(LanguageModel model) {
        this.model = model;
    }

    /**
     * The version {@code capsule} was served as, as {@code Capsules.require} resolved it for the asker: the published
     * snapshot for its audience, the working copy (no version number) for its maintainers; no model yet.
     */
    public Provenance served(Capsule capsule) {
        return Provenance.ofVersion(capsule.servedVersion());
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
