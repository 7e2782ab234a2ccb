package fr.capsules.app.web;

import fr.capsules.app.access.ForbiddenException;
import fr.capsules.app.ask.ConversationNotFoundException;
import fr.capsules.app.audit.AccessDenials;
import fr.capsules.app.audit.InvalidAuditQueryException;
import fr.capsules.app.capsule.CapsuleConflictException;
import fr.capsules.app.capsule.CapsuleNotFoundException;
import fr.capsules.app.capsule.InvalidCapsuleDefinitionException;
import fr.capsules.app.capsule.InvalidCapsuleIdException;
import fr.capsules.app.document.DocumentNotFoundException;
import fr.capsules.app.draft.DraftNotFoundException;
import fr.capsules.app.draft.IllegalDraftTransitionException;
import fr.capsules.app.document.EmbeddingsUnavailableException;
import fr.capsules.ingest.index.IndexMismatchException;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The one place where domain errors become HTTP: RFC 9457 problem details with a stable
 * {@code type}, a French title and a detail that says what to do; never a stack trace or a class
 * name.
 */
@RestControllerAdvice
class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);
    static final String TYPE_BASE = "https://capsules.local/problems/";

    private final AccessDenials accessDenials;

    ApiProblems(AccessDenials accessDenials) {
        this.accessDenials = accessDenials;
    }

    @ExceptionHandler({CapsuleNotFoundException.class, DocumentNotFoundException.class, ConversationNotFoundException.class,
        DraftNotFoundException.class})
    ProblemDetail notFound(RuntimeException e, HttpServletRequest request) {
        if (e instanceof CapsuleNotFoundException c && c.hidden()) {
            // Answered like a missing capsule, but recorded: someone reached for a capsule outside their scope.
            accessDenials.record(request, "capsule hors du périmètre de l'utilisateur");
        }
        return problem(HttpStatus.NOT_FOUND, "not-found", "Introuvable", e.getMessage());
    }

    @ExceptionHandler(InvalidCapsuleDefinitionException.class)
    ProblemDetail invalidDefinition(InvalidCapsuleDefinitionException e) {
        ProblemDetail problem =
                problem(HttpStatus.BAD_REQUEST, "invalid-capsule", "Définition de capsule invalide", e.getMessage());
        problem.setProperty("problems", e.problems());
        return problem;
    }

    @ExceptionHandler({InvalidRequestException.class, InvalidCapsuleIdException.class, InvalidAuditQueryException.class})
    ProblemDetail invalidRequest(RuntimeException e) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-request", "Requête invalide", e.getMessage());
    }

    @ExceptionHandler(CapsuleConflictException.class)
    ProblemDetail conflict(CapsuleConflictException e) {
        return problem(HttpStatus.CONFLICT, "conflict", "Conflit", e.getMessage());
    }

    @ExceptionHandler(IllegalDraftTransitionException.class)
    ProblemDetail illegalTransition(IllegalDraftTransitionException e) {
        return problem(HttpStatus.CONFLICT, "draft-state", "Opération impossible dans l'état du brouillon", e.getMessage());
    }

    @ExceptionHandler(ForbiddenException.class)
    ProblemDetail forbidden(ForbiddenException e, HttpServletRequest request) {
        // Every refusal the domain decides is traced, with who tried what.
        accessDenials.record(request, e.getMessage());
        return problem(HttpStatus.FORBIDDEN, "forbidden", "Accès refusé", e.getMessage());
    }

    @ExceptionHandler(IndexMismatchException.class)
    ProblemDetail indexMismatch(IndexMismatchException e) {
        log.error("Index incompatible", e);
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "index-mismatch", "Index à reconstruire", e.getMessage());
    }

    @ExceptionHandler(EmbeddingsUnavailableException.class)
    ProblemDetail embeddingsUnavailable(EmbeddingsUnavailableException e) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "embeddings-unavailable", "Modèle d'embeddings indisponible",
                e.getMessage() + ". Relancez la ré-indexation quand le serveur de modèles répondra.");
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("Unexpected error", e);
        return problem(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "internal-error",
                "Erreur interne",
                "Une erreur inattendue s'est produite ; elle a été journalisée. Réessayez, et si elle persiste,"
                        + " signalez-la à l'administrateur avec l'heure de la demande.");
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(
            MaxUploadSizeExceededException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                .body(problem(
                        HttpStatus.CONTENT_TOO_LARGE,
                        "upload-too-large",
                        "Envoi trop volumineux",
                        "L'envoi dépasse la taille maximale acceptée par requête : déposez les fichiers en plusieurs fois."));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest()
                .body(problem(
                        HttpStatus.BAD_REQUEST,
                        "unreadable-body",
                        "Corps de requête illisible",
                        "Le corps de la requête n'est pas un JSON valide pour cette opération ; vérifiez les noms et types"
                                + " des champs."));
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(
            NoResourceFoundException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        // Outside the API, a person typed a wrong address: the container's error page (the web
        // interface's friendly "introuvable" page) answers instead of a JSON problem.
        if (request instanceof ServletWebRequest web && !web.getRequest().getRequestURI().startsWith(web.getRequest().getContextPath() + "/api/")
                && web.getResponse() != null) {
            try {
                web.getResponse().sendError(HttpStatus.NOT_FOUND.value());
                return null;
            } catch (java.io.IOException ignored) {
                // fall through to the problem
            }
        }
        return super.handleNoResourceFoundException(e, headers, status, request);
    }

    @ExceptionHandler(MultipartException.class)
    ProblemDetail multipart(MultipartException e) {
        return problem(
                HttpStatus.BAD_REQUEST,
                "invalid-upload",
                "Envoi de fichiers invalide",
                "La requête multipart est invalide ou incomplète : envoyez les fichiers dans le champ « files ».");
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(
            Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        // Spring's own errors (405, 415, 404 without handler…) get the same shape and a stable type.
        if (body instanceof ProblemDetail problem && problem.getType().toString().equals("about:blank")) {
            problem.setType(URI.create(TYPE_BASE + "http-" + statusCode.value()));
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(title);
        return problem;
    }
}
