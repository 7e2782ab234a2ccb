package fr.capsules.ingest.index;

import java.io.IOException;

/**
 * Fills a fresh, empty index during {@link CapsuleIndexStore#rebuild}; the store commits
 * afterwards, so the filler need not (intermediate commits are allowed and stay invisible to the
 * live index).
 */
@FunctionalInterface
public interface IndexFiller {

    void fill(CapsuleIndex index) throws IOException;
}
