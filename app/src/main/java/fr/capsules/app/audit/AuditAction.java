package fr.capsules.app.audit;

import java.util.Arrays;
import java.util.Optional;

/**
 * What an audit entry records. Each action has a stable lowercase-hyphen {@link #code()}, stored in
 * the database, used in the {@code action} filter of {@code GET /api/audit} and covered by the
 * entry's hash: codes are never renamed, only added.
 *
 * <p>The {@code details} keys each action is expected to carry are listed below. Values are
 * strings, numbers, booleans, lists or nested maps (see {@link AuditTrail#record}); a key whose
 * value is unknown is left out rather than set to {@code null}. Never put passwords, API tokens or
 * whole documents in details: the question text of an ask is the one deliberate exception, because
 * "who asked what" is the trail's purpose.
 */
public enum AuditAction {

    /**
     * A question put to a capsule. Capsule and version set. Details: {@code question} (text),
     * {@code model} (model name, absent in extractive mode), {@code mode} ({@code generative},
     * {@code extractive} or {@code abstained}), {@code citedDocuments} (list of document ids),
     * {@code conversationId}, {@code streamed} (boolean), {@code invisibleCharactersRemoved} (count
     * of Unicode tag, zero-width and bidirectional control characters removed from the question;
     * absent when none).
     */
    ASK("ask"),

    /**
     * A search of a capsule's passages, without a model. Capsule and version set. Details:
     * {@code question} (text), {@code topK}, {@code perDocument}, {@code documents} (list of the
     * document ids returned, best first).
     */
    SEARCH("search"),

    /**
     * A draft generated. Capsule and version set. Details: {@code draftId}, {@code kind}
     * ({@code table} or {@code text}), {@code model}, {@code mode}, {@code rows} (tables),
     * {@code citedDocuments}.
     */
    DRAFT_CREATED("draft-created"),

    /** Human edits saved. Details: {@code draftId}, {@code revision}, {@code editShare} (0 to 1). */
    DRAFT_EDITED("draft-edited"),

    /**
     * A draft validated by the actor. Details: {@code draftId}, {@code revision}, {@code editShare},
     * {@code contentSha256} (hex SHA-256 of the validated content's canonical JSON, see
     * {@code draft.ContentHash}), {@code acknowledgedWarnings} (list of {@code {id, scope, row,
     * column, message}}, each warning the actor acknowledged before validating; {@code row} and
     * {@code column} only when the warning is about one).
     */
    DRAFT_VALIDATED("draft-validated"),

    /**
     * A draft assigned for validation by the actor (its author or an admin). Details: {@code draftId},
     * {@code reviewers} (logins, the whole new assignment).
     */
    DRAFT_ASSIGNED("draft-assigned"),

    /** A draft rejected by the actor. Details: {@code draftId}, {@code reason}. */
    DRAFT_REJECTED("draft-rejected"),

    /**
     * A validated draft exported. Details: {@code draftId}, {@code format} ({@code docx},
     * {@code xlsx}, {@code pdf}, {@code csv} or {@code md}), {@code sha256} (hex digest of the file
     * sent), {@code validatedBy}, {@code validatedAt} (ISO-8601).
     */
    DRAFT_EXPORTED("draft-exported"),

    /**
     * One file of an upload, whatever its outcome. Details: {@code file} (name as sent),
     * {@code status} ({@code indexed}, {@code duplicate}, {@code rejected} or {@code failed}),
     * {@code documentId} (when indexed or duplicate), {@code sha256}, {@code pages}, {@code chunks},
     * {@code warnings} (list), {@code error} (when rejected or failed), {@code counts} (what the
     * ingestion stages counted, e.g. {@code {"NIR remplacés": 1}}, when anything).
     */
    DOCUMENT_UPLOADED("document-uploaded"),

    /** A document removed from a capsule. Details: {@code documentId}, {@code file}, {@code sha256}. */
    DOCUMENT_DELETED("document-deleted"),

    /**
     * A passage excluded from a capsule by a referent (never searched nor sent to a model again).
     * Details: {@code documentId}, {@code file}, {@code passage} (1-based number), {@code reason}
     * (when given).
     */
    PASSAGE_EXCLUDED("passage-excluded"),

    /** An excluded passage put back. Details: {@code documentId}, {@code file}, {@code passage}. */
    PASSAGE_RESTORED("passage-restored"),

    /** A capsule created. Capsule and version set. Details: {@code name}, {@code kind}, {@code services}, {@code status}. */
    CAPSULE_CREATED("capsule-created"),

    /**
     * A capsule changed (new version). Capsule and the new version set. Details:
     * {@code previousVersion}, {@code changedFields} (list of field names), {@code status}.
     */
    CAPSULE_UPDATED("capsule-updated"),

    /**
     * A capsule published through the gate, or a published version rolled back to (new version). Capsule and the new
     * version set. Details: {@code evaluationId}, {@code contentHash}, {@code corpusHash}, {@code modelDigest},
     * {@code override} and {@code reason} (an administrator's override), {@code rolledBackFrom} (a rollback).
     */
    CAPSULE_PUBLISHED("capsule-published"),

    /** An evaluation run of a capsule's reference questions finished. Details: {@code evaluationId}, {@code passed}, {@code metrics}. */
    CAPSULE_EVALUATED("capsule-evaluated"),

    /** A capsule's reference questions replaced. Details: {@code count}, {@code source} ({@code api} or {@code yaml}). */
    REFERENCE_QUESTIONS_CHANGED("reference-questions-changed"),

    /** A capsule retired. Details: {@code previousStatus}. */
    CAPSULE_RETIRED("capsule-retired"),

    /**
     * A capsule's index rebuilt. Details: {@code documents}, {@code chunks}, {@code embeddingModel}
     * (absent without vectors), {@code trigger} ({@code api}, {@code startup} or {@code settings}).
     */
    CAPSULE_REINDEXED("capsule-reindexed"),

    /**
     * A failed authentication, recorded by the service itself. Actor: the username tried (cut to
     * 64 characters; {@code anonyme} when none). Details: {@code reason} ({@code bad-credentials},
     * {@code locked}, {@code disabled}, {@code expired}, {@code credentials-expired},
     * {@code service-error} or {@code other}), {@code remoteAddress} (when known).
     */
    LOGIN_FAILED("login-failed"),

    /**
     * A request refused with 403, recorded by the service itself. Actor: the caller. Capsule set
     * when the path names one. Details: {@code method}, {@code path}, {@code reason} (the French
     * message sent to the caller), {@code remoteAddress}.
     */
    ACCESS_DENIED("access-denied"),

    /**
     * A capsule's pseudonym table read (it gives personal data back). Capsule and version set.
     * Details: {@code entries} (how many were shown).
     */
    PSEUDONYMS_READ("pseudonyms-read"),

    /**
     * The original file of a document of a pseudonymised capsule downloaded (it holds personal data
     * in clear). Capsule and version set. Details: {@code documentId}, {@code file}, {@code sha256}.
     */
    ORIGINAL_DOWNLOADED("original-downloaded"),

    /**
     * The register's administrator fields of a capsule written. Capsule and version set. Details:
     * {@code legalBasis}, {@code dpiaReference} (the new values, empty when cleared).
     */
    REGISTER_UPDATED("register-updated");

    private final String code;

    AuditAction(String code) {
        this.code = code;
    }

    /** The stable code stored and filtered on, e.g. {@code draft-exported}. */
    public String code() {
        return code;
    }

    /** The action of a code, or empty for an unknown one (codes are case-sensitive). */
    public static Optional<AuditAction> fromCode(String code) {
        return Arrays.stream(values()).filter(a -> a.code.equals(code)).findFirst();
    }

    @Override
    public String toString() {
        return code;
    }
}
