package fr.capsules.app.workshop;

/** An evaluation of the capsule is already running: one at a time per capsule. */
public final class EvaluationRunningException extends RuntimeException {

    private final String evaluationId;

    EvaluationRunningException(String evaluationId, String startedBy) {
        super("une évaluation de cette capsule est déjà en cours (" + evaluationId + ", lancée par " + startedBy
                + ") : suivez-la ou attendez sa fin pour en lancer une autre");
        this.evaluationId = evaluationId;
    }

    public String evaluationId() {
        return evaluationId;
    }
}
