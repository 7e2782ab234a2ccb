package fr.capsules.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.capsules.app.access.ForbiddenException;
import fr.capsules.app.ask.ConversationNotFoundException;
import fr.capsules.app.capsule.CapsuleConflictException;
import fr.capsules.app.capsule.CapsuleNotFoundException;
import fr.capsules.app.capsule.DefinitionProblem;
import fr.capsules.app.capsule.InvalidCapsuleDefinitionException;
import fr.capsules.app.capsule.InvalidCapsuleIdException;
import fr.capsules.app.draft.DraftNotFoundException;
import fr.capsules.app.draft.IllegalDraftTransitionException;
import fr.capsules.app.kernel.InvalidRequestException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

class ProblemMappingTests {

    @Test
    void theCatalogueKeepsThePublishedTypesAndStatuses() {
        Map<String, Integer> published = Arrays.stream(ProblemType.values())
                .collect(Collectors.toMap(t -> t.type().toString(), t -> t.status().value()));
        String base = "https://capsules.local/problems/";
        assertThat(published).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry(base + "invalid-request", 400),
                Map.entry(base + "invalid-capsule", 400),
                Map.entry(base + "invalid-upload", 400),
                Map.entry(base + "unreadable-body", 400),
                Map.entry(base + "unauthenticated", 401),
                Map.entry(base + "invalid-token", 401),
                Map.entry(base + "forbidden", 403),
                Map.entry(base + "pseudonymisation-unavailable", 503),
                Map.entry(base + "capsule-indexing", 503),
                Map.entry(base + "not-found", 404),
                Map.entry(base + "too-many-requests", 429),
                Map.entry(base + "conflict", 409),
                Map.entry(base + "draft-state", 409),
                Map.entry(base + "publication-refused", 409),
                Map.entry(base + "upload-too-large", 413),
                Map.entry(base + "request-too-large", 413),
                Map.entry(base + "internal-error", 500),
                Map.entry(base + "index-mismatch", 503),
                Map.entry(base + "index-in-use", 503),

                Map.entry(base + "index-unavailable", 503),
                Map.entry(base + "index-busy", 409),
                Map.entry(base + "service-stopping", 503),
                Map.entry(base + "embeddings-unavailable", 503),
                Map.entry(base + "identity-provider-unavailable", 503)));
    }

    @Test
    void anIndexHeldByAnotherProcessIsAFrenchServiceUnavailable() {
        Problem problem = ProblemMapping.of(new java.io.UncheckedIOException("cannot open index",
                new fr.capsules.ingest.index.IndexInUseException("/srv/data/indexes/essai/gen-1", null)));
        assertThat(problem.type()).isEqualTo(ProblemType.INDEX_IN_USE);
        assertThat(problem.detail()).contains("déjà ouvert en écriture par un autre processus").doesNotContain("/srv");
    }

    @Test
    void anIndexClosedUnderARequestIsAStopOfTheServiceToRetryAfterItsRestart() {
        Problem problem = ProblemMapping.of(new fr.capsules.ingest.index.IndexClosedException(
                "the index in /srv/data/indexes/essai/gen-1 is closed", null));
        assertThat(problem.type()).isEqualTo(ProblemType.SERVICE_STOPPING);
        assertThat(problem.type().status().value()).isEqualTo(503);
        assertThat(problem.detail()).contains("Le service s'arrête").contains("redémarré").doesNotContain("/srv");
    }

    @Test
    void everyMissingThingIsTheSameNotFoundProblem() {
        assertThat(List.<RuntimeException>of(new CapsuleNotFoundException("x"), new DraftNotFoundException("d"), new ConversationNotFoundException()))
                .allSatisfy(e -> assertThat(ProblemMapping.of(e).type()).isEqualTo(ProblemType.NOT_FOUND));
    }

    @Test
    void aCapsuleOutOfScopeReadsAsMissingButIsRecordedAsARefusal() {
        Problem missing = ProblemMapping.of(new CapsuleNotFoundException("reclamations", false));
        Problem hidden = ProblemMapping.of(new CapsuleNotFoundException("reclamations", true));

        assertThat(hidden.toProblemDetail()).usingRecursiveComparison().isEqualTo(missing.toProblemDetail());
        assertThat(missing.refusal()).isNull();
        assertThat(hidden.refusal()).isEqualTo("capsule hors du périmètre de l'utilisateur");
    }

    @Test
    void aRefusalOfTheDomainIsForbiddenAndRecordedWithItsReason() {
        Problem problem = ProblemMapping.of(new ForbiddenException("réservé aux administrateurs"));

        assertThat(problem.type()).isEqualTo(ProblemType.FORBIDDEN);
        assertThat(problem.detail()).isEqualTo("réservé aux administrateurs");
        assertThat(problem.refusal()).isEqualTo("réservé aux administrateurs");
    }

    @Test
    void badInputOfAnyFeatureIsAnInvalidRequestWithItsOwnMessage() {
        assertThat(ProblemMapping.of(new InvalidRequestException("la question est vide")))
                .extracting(Problem::type, Problem::detail)
                .containsExactly(ProblemType.INVALID_REQUEST, "la question est vide");
        assertThat(ProblemMapping.of(new InvalidCapsuleIdException("Pas/Un/Slug")).type()).isEqualTo(ProblemType.INVALID_REQUEST);
    }

    @Test
    void anInvalidDefinitionListsEveryProblemFound() {
        List<DefinitionProblem> problems = List.of(new DefinitionProblem("requête", "scope.services", "au moins un service"));

        ProblemDetail detail = ProblemMapping.of(new InvalidCapsuleDefinitionException(problems)).toProblemDetail();

        assertThat(detail.getStatus()).isEqualTo(400);
        assertThat(detail.getType().toString()).endsWith("/invalid-capsule");
        assertThat(detail.getProperties()).containsEntry("problems", problems);
    }

    @Test
    void conflictsOfCapsulesAndOfDraftsHaveTypesOfTheirOwn() {
        assertThat(ProblemMapping.of(new CapsuleConflictException("existe déjà")).type()).isEqualTo(ProblemType.CONFLICT);
        assertThat(ProblemMapping.of(new IllegalDraftTransitionException("déjà validé")).type()).isEqualTo(ProblemType.DRAFT_STATE);
    }

    @Test
    void theSecurityFiltersAndTheUploadLimitsAnswerFromTheSameCatalogue() {
        assertThat(ProblemMapping.of(new BadCredentialsException("jeton d'API inconnu")).type()).isEqualTo(ProblemType.UNAUTHENTICATED);
        assertThat(ProblemMapping.of(new org.springframework.security.access.AccessDeniedException("no")).refusal()).isNull();
        assertThat(ProblemMapping.of(new MaxUploadSizeExceededException(1)).type()).isEqualTo(ProblemType.UPLOAD_TOO_LARGE);
        assertThat(ProblemMapping.of(new MultipartException("broken")).type()).isEqualTo(ProblemType.INVALID_UPLOAD);
    }

    @Test
    void anUnexpectedFailureSaysNothingOfItsCause() {
        ProblemDetail detail = ProblemMapping.of(new IllegalStateException("cannot open /srv/capsules/data/db")).toProblemDetail();

        assertThat(detail.getStatus()).isEqualTo(500);
        assertThat(detail.getTitle()).isEqualTo("Erreur interne");
        assertThat(detail.getDetail()).contains("journalisée").doesNotContain("/srv", "IllegalState");
    }
}
