package fr.capsules.app.web;

import java.util.Map;
import org.springframework.http.ProblemDetail;

/**
 * One occurrence of a problem: its catalogue entry and a French detail saying what to do.
 *
 * @param properties extra members of the problem document (e.g. {@code problems} for an invalid
 *     capsule definition); never null
 * @param refusal when the failure is a refusal worth recording in the audit trail (a refused
 *     action, a reach for a capsule out of scope), the reason to record; null otherwise
 */
public record Problem(ProblemType type, String detail, Map<String, Object> properties, String refusal) {

    public Problem {
        properties = Map.copyOf(properties);
    }

    Problem(ProblemType type, String detail) {
        this(type, detail, Map.of(), null);
    }

    /** The RFC 9457 document sent to API clients. */
    public ProblemDetail toProblemDetail() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(type.status(), detail);
        problem.setType(type.type());
        problem.setTitle(type.title());
        properties.forEach(problem::setProperty);
        return problem;
    }
}
