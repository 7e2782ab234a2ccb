package fr.capsules.app.capsule;

import java.util.List;
import java.util.stream.Collectors;

/** A capsule definition that cannot be used; lists every problem found. */
public final class InvalidCapsuleDefinitionException extends RuntimeException {

    private final transient List<DefinitionProblem> problems;

    public InvalidCapsuleDefinitionException(List<DefinitionProblem> problems) {
        super(problems.stream().map(DefinitionProblem::toString).collect(Collectors.joining(" ; ")));
        this.problems = List.copyOf(problems);
    }

    public List<DefinitionProblem> problems() {
        return problems;
    }
}
