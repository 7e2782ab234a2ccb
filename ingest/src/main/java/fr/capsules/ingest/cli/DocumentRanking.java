package fr.capsules.ingest.cli;

import java.io.IOException;
import java.util.List;

/** A reference ranking a benchmark compares the capsule index with: document ids, best first. */
interface DocumentRanking extends AutoCloseable {

    List<String> rank(String question) throws IOException;

    @Override
    void close() throws IOException;
}
