package fr.capsules.app.web;

import fr.capsules.app.access.ForbiddenException;
import fr.capsules.app.access.oidc.IdentityProviderUnavailableException;
import fr.capsules.app.ask.ConversationNotFoundException;
import fr.capsules.app.audit.AccessDenials;
import fr.capsules.app.audit.InvalidAuditQueryException;
import fr.capsules.app.capsule.CapsuleConflictException;
import fr.capsules.app.capsule.CapsuleNotFoundException;
import fr.capsules.app.pseudonym.PseudonymTableUnavailableException;
import fr.capsules.app.capsule.InvalidCapsuleDefinitionException;
import fr.capsules.app.capsule.InvalidCapsuleIdException;
import fr.capsules.app.document.CapsuleIndexingException;
import fr.capsules.app.document.DocumentNotFoundException;
import fr.capsules.app.document.MissingOriginalsException;
import fr.capsules.app.document.PassageNotFoundException;
import fr.capsules.app.document.EmbeddingsUnavailableException;
import fr.capsules.app.draft.DraftNotFoundException;
import fr.capsules.app.draft.IllegalDraftTransitionException;
import fr.capsules.app.kernel.InvalidRequestException;
import fr.capsules.app.kernel.RequestTooLargeException;
import fr.capsules.app.quota.TooManyRequestsException;
import fr.capsules.ingest.index.IndexInUseException;

import fr.capsules.app.workshop.EvaluationRunningException;
import fr.capsules.app.workshop.PublicationRefusedException;
import fr.capsules.app.workshop.WorkshopNotFoundException;

import fr.capsules.ingest.index.IndexBusyException;
import fr.capsules.ingest.index.IndexMismatchException;
import fr.capsules.ingest.index.IndexClosedException;
import fr.capsules.ingest.index.IndexUnavailableException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.UncheckedIOException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * The one place that decides how a failure is answered: which {@link ProblemType}, which detail,
 * and whether it is a refusal to record. Used by the API advice, the security filters and the
 * pages alike, so that a failure reads the same wherever it surfaces; never a stack trace or a
 * class name in the detail.
 */
@Component
public class ProblemMapping {

    private static final Logger log = LoggerFactory.getLogger(ProblemMapping.class);
    private static final String HIDDEN_CAPSULE = "capsule hors du périmètre de l'utilisateur";

    private final AccessDenials accessDenials;

    ProblemMapping(AccessDenials accessDenials) {
        this.accessDenials = accessDenials;
    }

    /**
     * The problem to answer {@code request} with; records a refusal in the audit trail and logs a
     * failure of the service itself, once, whichever writer calls.
     */
    public Problem problemFor(Throwable failure, HttpServletRequest request) {
        Problem problem = of(failure);
        if (problem.refusal() != null) {
            accessDenials.record(request, problem.refusal());
        }
        if (problem.type().status().is5xxServerError()) {
            log.error("{} {} answered {}", request.getMethod(), request.getRequestURI(), problem.type().type(), failure);
        }
        return problem;
    }

    /** The problem for a failure, without side effects. */
    static Problem of(Throwable failure) {
        return switch (failure) {
            // Answered like a missing capsule, but recorded: someone reached for a capsule outside their scope.
            case CapsuleNotFoundException e ->
                    new Problem(ProblemType.NOT_FOUND, e.getMessage(), Map.of(), e.hidden() ? HIDDEN_CAPSULE : null);
            case DocumentNotFoundException e -> new Problem(ProblemType.NOT_FOUND, e.getMessage());
            case PassageNotFoundException e -> new Problem(ProblemType.NOT_FOUND, e.getMessage());
            case ConversationNotFoundException e -> new Problem(ProblemType.NOT_FOUND, e.getMessage());
            case DraftNotFoundException e -> new Problem(ProblemType.NOT_FOUND, e.getMessage());
            case InvalidCapsuleDefinitionException e ->
                    new Problem(ProblemType.INVALID_CAPSULE, e.getMessage(), Map.of("problems", e.problems()), null);
            case InvalidRequestException e -> new Problem(ProblemType.INVALID_REQUEST, e.getMessage());
            case RequestTooLargeException e -> new Problem(ProblemType.REQUEST_TOO_LARGE, e.getMessage());
            case InvalidCapsuleIdException e -> new Problem(ProblemType.INVALID_REQUEST, e.getMessage());
            case InvalidAuditQueryException e -> new Problem(ProblemType.INVALID_REQUEST, e.getMessage());
            case CapsuleConflictException e -> new Problem(ProblemType.CONFLICT, e.getMessage());
            case PseudonymTableUnavailableException e -> new Problem(ProblemType.PSEUDONYMISATION_UNAVAILABLE, e.getMessage());
            case IllegalDraftTransitionException e -> new Problem(ProblemType.DRAFT_STATE, e.getMessage());
            case PublicationRefusedException e -> new Problem(ProblemType.PUBLICATION_REFUSED,
                    "Publication refusée : " + String.join(" ; ", e.failedChecks()) + ".",
                    Map.of("failedChecks", e.failedChecks()), null);
            case EvaluationRunningException e ->
                    new Problem(ProblemType.CONFLICT, e.getMessage(), Map.of("evaluationId", e.evaluationId()), null);
            case MissingOriginalsException e ->
                    new Problem(ProblemType.CONFLICT, e.getMessage(), Map.of("missingFiles", e.files()), null);
            case WorkshopNotFoundException e -> new Problem(ProblemType.NOT_FOUND, e.getMessage());
            // Every refusal the domain decides is traced, with who tried what.
            case ForbiddenException e -> new Problem(ProblemType.FORBIDDEN, e.getMessage(), Map.of(), e.getMessage());
            // The technical message (settings, folder) goes to the log, not to the client.
            case IndexMismatchException e -> new Problem(ProblemType.INDEX_MISMATCH,
                    "L'index de cette capsule a été construit avec d'autres réglages (analyse du texte ou modèle"
                            + " d'embeddings) : un référent ou un administrateur doit la ré-indexer.");
            // A second service or the command line holds the index's write lock; its last commit stays readable.
            case UncheckedIOException e when e.getCause() instanceof IndexInUseException -> new Problem(ProblemType.INDEX_IN_USE,
                    "L'index de cette capsule est déjà ouvert en écriture par un autre processus (un autre service sur"
                            + " le même dossier de données, ou la commande capsules-ingest) : arrêtez-le, puis réessayez.");
            case EmbeddingsUnavailableException e -> new Problem(ProblemType.EMBEDDINGS_UNAVAILABLE,
                    e.getMessage() + ". Relancez la ré-indexation quand le serveur de modèles répondra.");
            case CapsuleIndexingException e -> new Problem(ProblemType.CAPSULE_INDEXING, e.getMessage());
            // The nodes tried and the engine's error go to the log, not to the client.
            case IndexUnavailableException e -> new Problem(ProblemType.INDEX_UNAVAILABLE,
                    "Le cluster de recherche ne répond pas : les documents des capsules sont momentanément"
                            + " inaccessibles. Réessayez dans quelques minutes ; l'administrateur en est averti"
                            + " par l'état de santé du service.");
            // Indexes are closed only when the service stops (a rebuild swaps them under the write lock).
            case IndexClosedException e -> new Problem(ProblemType.SERVICE_STOPPING,
                    "Le service s'arrête : cette opération a été interrompue avant son terme. Quand il aura redémarré,"
                            + " vérifiez ce qui a été enregistré (la liste des documents de la capsule) et recommencez-la.");
            case IndexBusyException e -> new Problem(ProblemType.INDEX_BUSY,
                    "La capsule « " + e.capsuleId() + " » est déjà en cours de ré-indexation sur un autre nœud du"
                            + " service (ou une ré-indexation précédente a été interrompue) : son index actuel reste en"
                            + " service. Réessayez quand elle sera terminée.");
            case TooManyRequestsException e -> new Problem(ProblemType.TOO_MANY_REQUESTS,
                    "Trop de demandes : " + e.getMessage() + ".");
            case IdentityProviderUnavailableException e -> new Problem(ProblemType.IDENTITY_PROVIDER_UNAVAILABLE,
                    "Le fournisseur d'identité ne répond pas : votre jeton ne peut pas être vérifié. Réessayez dans un moment.");
            case OAuth2AuthenticationException e -> new Problem(ProblemType.INVALID_TOKEN,
                    "Ce jeton n'est pas accepté : il est expiré, altéré, émis par un autre fournisseur ou pour un autre"
                            + " service, ou le fournisseur d'identité ne le reconnaît plus. Obtenez-en un nouveau.");
            case AuthenticationException e -> new Problem(ProblemType.UNAUTHENTICATED,
                    "Identifiez-vous (identifiant et mot de passe, ou jeton d'API) pour utiliser ce service.");
            // A state-changing request a browser could have been made to send (ForgeableRequests) without the token.
            case CsrfException e -> new Problem(ProblemType.FORBIDDEN,
                    "Requête refusée par la protection contre la falsification de requêtes (jeton CSRF absent ou"
                            + " périmé) : depuis le navigateur, rechargez la page et recommencez ; depuis un script, un envoi"
                            + " de formulaire ou de fichiers s'authentifie par un jeton d'API (en-tête « Authorization: Bearer"
                            + " … ») plutôt que par identifiant et mot de passe.");
            // Refused by the security filters (role rules on URLs): not a decision of the domain, not recorded.
            case AccessDeniedException e -> new Problem(ProblemType.FORBIDDEN,
                    "Votre compte n'a pas les droits nécessaires pour cette action.");
            case MaxUploadSizeExceededException e -> new Problem(ProblemType.UPLOAD_TOO_LARGE,
                    "L'envoi dépasse la taille maximale acceptée par requête : déposez les fichiers en plusieurs fois.");
            case MultipartException e -> new Problem(ProblemType.INVALID_UPLOAD,
                    "La requête multipart est invalide ou incomplète : envoyez les fichiers dans le champ « files ».");
            case HttpMessageNotReadableException e -> new Problem(ProblemType.UNREADABLE_BODY,
                    "Le corps de la requête n'est pas un JSON valide pour cette opération ; vérifiez les noms et types"
                            + " des champs.");
            default -> new Problem(ProblemType.INTERNAL_ERROR,
                    "Une erreur inattendue s'est produite ; elle a été journalisée. Réessayez, et si elle persiste,"
                            + " signalez-la à l'administrateur avec l'heure de la demande.");
        };
    }
}
