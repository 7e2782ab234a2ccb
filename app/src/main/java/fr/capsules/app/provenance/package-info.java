/**
 * Provenance of what the service writes: the capsule version and the model digest that answers, drafts and exports
 * carry (issue 11, point 4). Depends on no other package, so that every feature (exports included) may carry it; it is
 * resolved in one place, {@code ask.Provenances}, and the workshop tells the published version through
 * {@link fr.capsules.app.provenance.PublishedVersions}.
 */
package fr.capsules.app.provenance;
