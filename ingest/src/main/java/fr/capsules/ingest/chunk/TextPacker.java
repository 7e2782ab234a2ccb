package fr.capsules.ingest.chunk;

import java.util.List;
import java.util.function.Consumer;

/**
 * Packs the paragraphs of one document into text passages; the rules are documented on {@link
 * Chunker}. One instance per chunking run; not thread-safe.
 */
final class TextPacker {

    private final ChunkingSettings settings;
    private final SentenceSplitter sentences;
    private final Consumer<Passage> out;

    private final StringBuilder buffer = new StringBuilder();
    private int page;
    private List<String> headingPath = List.of();

    TextPacker(ChunkingSettings settings, SentenceSplitter sentences, Consumer<Passage> out) {
        this.settings = settings;
        this.sentences = sentences;
        this.out = out;
    }

    /** Adds one normalised, non-empty paragraph found on {@code page} under {@code path}. */
    void add(String paragraph, int page, List<String> path) {
        if (!buffer.isEmpty() && page != this.page) {
            close();
        }
        if (buffer.isEmpty()) {
            this.page = page;
            this.headingPath = path;
        }
        if (fits(paragraph, settings.targetChars())) {
            append(paragraph, "\n");
            return;
        }
        if (!buffer.isEmpty() && !isLeadIn()) {
            close();
            this.page = page;
            this.headingPath = path;
        }
        if (paragraph.length() <= settings.targetChars() && fits(paragraph, settings.maxChars())) {
            append(paragraph, "\n");
            closeIfFull();
            return;
        }
        String separator = "\n";
        for (String sentence : sentences.split(paragraph, settings.maxChars())) {
            if (!fits(sentence, settings.maxChars())) {
                close();
                this.page = page;
                this.headingPath = path;
            }
            append(sentence, separator);
            separator = " ";
            closeIfFull();
        }
    }

    /** Emits the passage in progress, if any. */
    void close() {
        if (!buffer.isEmpty()) {
            out.accept(new Passage(buffer.toString(), page, headingPath, Passage.Kind.TEXT));
            buffer.setLength(0);
        }
    }

    private boolean fits(String text, int limit) {
        int separator = buffer.isEmpty() ? 0 : 1;
        return buffer.length() + separator + text.length() <= limit;
    }

    private boolean isLeadIn() {
        return buffer.length() < settings.targetChars() / 4;
    }

    private void append(String text, String separator) {
        if (!buffer.isEmpty()) {
            buffer.append(separator);
        }
        buffer.append(text);
    }

    private void closeIfFull() {
        if (buffer.length() >= settings.targetChars()) {
            close();
        }
    }
}
