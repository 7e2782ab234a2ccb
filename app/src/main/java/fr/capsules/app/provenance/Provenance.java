package fr.capsules.app.provenance;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What an answer, a draft or an export came from: the capsule version (the published version number, or the working
 * copy) and the model with the digest its server reported (or why no model wrote it). Resolved in one place,
 * {@code ask.Provenances}; stored with conversation turns and drafts, returned by the API, shown in French.
 *
 * @param capsuleVersion the published version, null for the working copy (no published version, or a referent's
 *     evaluation of the current content)
 * @param model the model that wrote the text, null when none did
 * @param modelDigest the digest the model server reported for {@code model}, null when unknown or without a model
 * @param modelAbsence why no model wrote it: {@value #NO_MODEL} (abstention, extractive passages, similarity
 *     fallback) or {@value #UNREACHABLE} (the model could not answer); null when a model wrote it
 */
@JsonIgnoreProperties(value = {"versionLabel", "modelLabel", "statement"}, allowGetters = true)
public record Provenance(Integer capsuleVersion, String model, String modelDigest, String modelAbsence) {

    public static final String NO_MODEL = "none";
    public static final String UNREACHABLE = "unreachable";

    public static final String WORKING_COPY_LABEL = "version de travail";

    public Provenance {
        if (capsuleVersion != null && capsuleVersion < 1) {
            throw new IllegalArgumentException("a published version is at least 1, was " + capsuleVersion);
        }
        if (model != null && model.isBlank()) {
            model = null;
        }
        if (model == null) {
            modelDigest = null;
            modelAbsence = UNREACHABLE.equals(modelAbsence) ? UNREACHABLE : NO_MODEL;
        } else {
            modelAbsence = null;
        }
    }

    /** The version alone, before anything was written: no model yet. */
    public static Provenance ofVersion(Integer capsuleVersion) {
        return new Provenance(capsuleVersion, null, null, NO_MODEL);
    }

    /** Read back from stored columns; rows kept before provenance was recorded come back as the working copy. */
    public static Provenance stored(Integer capsuleVersion, String model, String modelDigest, String modelAbsence) {
        return new Provenance(capsuleVersion, model, modelDigest, modelAbsence);
    }

    /** The same version, written by {@code modelName} whose server reported {@code digest} (null when unknown). */
    public Provenance writtenBy(String modelName, String digest) {
        return new Provenance(capsuleVersion, modelName, digest, null);
    }

    /** The same version, with no text from a model: {@link #NO_MODEL} or {@link #UNREACHABLE}. */
    public Provenance withoutModel(String absence) {
        return new Provenance(capsuleVersion, null, null, absence);
    }

    public boolean workingCopy() {
        return capsuleVersion == null;
    }

    /** "version 2" or "version de travail". */
    @JsonProperty("versionLabel")
    public String versionLabel() {
        return capsuleVersion == null ? WORKING_COPY_LABEL : "version " + capsuleVersion;
    }

    /**
     * "mistral-small3.2 (empreinte 3f2a9c1b0d4e)", "mistral-small3.2 (empreinte non communiquée)", "sans modèle" or
     * "modèle non joignable".
     */
    @JsonProperty("modelLabel")
    public String modelLabel() {
        if (model == null) {
            return UNREACHABLE.equals(modelAbsence) ? "modèle non joignable" : "sans modèle";
        }
        return model + " (empreinte " + (modelDigest == null ? "non communiquée" : shortDigest()) + ")";
    }

    /** The first twelve hexadecimal digits of the digest, as {@code ollama list} shows them; null without one. */
    public String shortDigest() {
        if (modelDigest == null) {
            return null;
        }
        String hex = modelDigest.startsWith("sha256:") ? modelDigest.substring("sha256:".length()) : modelDigest;
        return hex.length() <= 12 ? hex : hex.substring(0, 12);
    }

    /**
     * "Capsule version 2 · modèle mistral-small3.2 (empreinte 3f2a9c1b0d4e)", "Version de travail · sans modèle": the
     * one-line French statement under an answer.
     */
    @JsonProperty("statement")
    public String statement() {
        String version = capsuleVersion == null ? "Version de travail" : "Capsule version " + capsuleVersion;
        String modelPart = model == null ? modelLabel() : "modèle " + modelLabel();
        return version + " · " + modelPart;
    }
}
