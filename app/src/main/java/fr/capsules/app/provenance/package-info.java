/**
 * Provenance of what the service writes: the capsule version and the model digest that answers, drafts and exports
 * carry (issue 11, point 4). Depends on no other package, so that every feature (exports included) may carry it; it is
 * resolved in one place, {@code ask.Provenances}, from the version the capsule was served as.
 */
package fr.capsules.app.provenance;
