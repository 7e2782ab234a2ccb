package fr.capsules.app.web;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/**
 * The catalogue of problems the service answers with (RFC 9457): for each, the stable {@code type}
 * URI clients may switch on, the HTTP status and the French title. The API, the security filters
 * and the web pages all answer from this one list; {@link ProblemMapping} says which entry a
 * failure gets.
 */
public enum ProblemType {
    INVALID_REQUEST(HttpStatus.BAD_REQUEST, "invalid-request", "Requête invalide"),
    INVALID_CAPSULE(HttpStatus.BAD_REQUEST, "invalid-capsule", "Définition de capsule invalide"),
    INVALID_UPLOAD(HttpStatus.BAD_REQUEST, "invalid-upload", "Envoi de fichiers invalide"),
    UNREADABLE_BODY(HttpStatus.BAD_REQUEST, "unreadable-body", "Corps de requête illisible"),
    UNAUTHENTICATED(HttpStatus.UNAUTHORIZED, "unauthenticated", "Authentification requise"),
    INVALID_TOKEN(HttpStatus.UNAUTHORIZED, "invalid-token", "Jeton refusé"),
    FORBIDDEN(HttpStatus.FORBIDDEN, "forbidden", "Accès refusé"),
    NOT_FOUND(HttpStatus.NOT_FOUND, "not-found", "Introuvable"),
    CONFLICT(HttpStatus.CONFLICT, "conflict", "Conflit"),
    DRAFT_STATE(HttpStatus.CONFLICT, "draft-state", "Opération impossible dans l'état du brouillon"),
    PUBLICATION_REFUSED(HttpStatus.CONFLICT, "publication-refused", "Publication refusée"),
    UPLOAD_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "upload-too-large", "Envoi trop volumineux"),
    REQUEST_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "request-too-large", "Requête trop volumineuse"),
    TOO_MANY_REQUESTS(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", "Trop de demandes"),
    INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Erreur interne"),
    INDEX_MISMATCH(HttpStatus.SERVICE_UNAVAILABLE, "index-mismatch", "Index à reconstruire"),
    INDEX_IN_USE(HttpStatus.SERVICE_UNAVAILABLE, "index-in-use", "Index ouvert par un autre processus"),
    EMBEDDINGS_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "embeddings-unavailable", "Modèle d'embeddings indisponible"),
    IDENTITY_PROVIDER_UNAVAILABLE(
            HttpStatus.SERVICE_UNAVAILABLE, "identity-provider-unavailable", "Fournisseur d'identité injoignable"),
    PSEUDONYMISATION_UNAVAILABLE(
            HttpStatus.SERVICE_UNAVAILABLE, "pseudonymisation-unavailable", "Table de pseudonymisation inaccessible"),
    CAPSULE_INDEXING(HttpStatus.SERVICE_UNAVAILABLE, "capsule-indexing", "Indexation en cours"),
    INDEX_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "index-unavailable", "Index de recherche injoignable"),
    INDEX_BUSY(HttpStatus.CONFLICT, "index-busy", "Ré-indexation déjà en cours"),
    SERVICE_STOPPING(HttpStatus.SERVICE_UNAVAILABLE, "service-stopping", "Service en cours d'arrêt");

    private static final String BASE = "https://capsules.local/problems/";

    private final HttpStatus status;
    private final URI type;
    private final String title;

    ProblemType(HttpStatus status, String name, String title) {
        this.status = status;
        this.type = URI.create(BASE + name);
        this.title = title;
    }

    public HttpStatus status() {
        return status;
    }

    /** The stable identifier of the problem, e.g. {@code https://capsules.local/problems/not-found}. */
    public URI type() {
        return type;
    }

    /** A short French title, the same for every occurrence of the problem. */
    public String title() {
        return title;
    }

    /** The type given to Spring's own errors (405, 415…) that no entry names: {@code …/http-405}. */
    static URI forStatus(HttpStatusCode status) {
        return URI.create(BASE + "http-" + status.value());
    }
}
