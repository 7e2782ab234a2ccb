package fr.capsules.app.llm;

import java.util.Set;

/** The model names the service needs beyond its defaults (capsules naming their own model). */
public interface RequiredModels {

    Set<String> modelNames();
}
