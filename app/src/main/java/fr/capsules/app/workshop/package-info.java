/**
 * The referent's workshop (issue 11, docs/WORKSHOP.md): reference questions per capsule, evaluation
 * runs over the ask path, the publication gate, and the immutable published versions a capsule can
 * be rolled back to. Depends on {@code capsule}, {@code ask}, {@code document} and the model port;
 * nothing depends on it but the web edge.
 */
package fr.capsules.app.workshop;
