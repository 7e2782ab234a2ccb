package fr.capsules.ingest.cli;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/** A reference ranking a benchmark compares the capsule index with: document ids, best first. */
interface DocumentRanking extends Closeable {

    /** How a question is ranked. */
    @FunctionalInterface
    interface Ranker {
        List<String> rank(String question) throws IOException;
    }

    List<String> rank(String question) throws IOException;

    static DocumentRanking of(Ranker ranker, Closeable resources) {
        return new DocumentRanking() {
            @Override
            public List<String> rank(String question) throws IOException {
                return ranker.rank(question);
            }

            @Override
            public void close() throws IOException {
                resources.close();
            }
        };
    }
}
