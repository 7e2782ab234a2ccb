package fr.capsules.ingest.index.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TermFrequencyAttribute;

/**
 * The tokens an analyzer makes of one text, kept so that several fields of an entry, and several
 * entries, index them without analysing the text again: a passage's text feeds both {@link
 * IndexSchema#TEXT} and {@link IndexSchema#CONTENT}, and its document's title and headings are
 * repeated in the content of every passage.
 *
 * <p>{@link #tokens()} replays exactly what the indexing chain reads of the analyzer's stream:
 * each token's term, position increment, offsets and term frequency, and after {@code end()} the
 * final position increment and offset (which advance a multi-valued field's positions). An entry
 * indexed from these tokens is therefore the entry the analyzer would have made of the string:
 * same postings, positions, frequencies and norms ({@code AnalysedTextTests} compares both).
 *
 * <p>Immutable; each {@link #tokens()} is a new stream over the same tokens.
 */
final class AnalysedText {

    private final char[] chars;
    /** End of term {@code i} in {@link #chars}; term {@code i} starts at the end of term {@code i - 1}. */
    private final int[] termEnds;
    private final int[] positionIncrements;
    private final int[] startOffsets;
    private final int[] endOffsets;
    private final int[] termFrequencies;
    private final int count;
    private final int finalPositionIncrement;
    private final int finalStartOffset;
    private final int finalEndOffset;

    private AnalysedText(char[] chars, int[] termEnds, int[] positionIncrements, int[] startOffsets,
            int[] endOffsets, int[] termFrequencies, int count, int finalPositionIncrement, int finalStartOffset,
            int finalEndOffset) {
        this.chars = chars;
        this.termEnds = termEnds;
        this.positionIncrements = positionIncrements;
        this.startOffsets = startOffsets;
        this.endOffsets = endOffsets;
        this.termFrequencies = termFrequencies;
        this.count = count;
        this.finalPositionIncrement = finalPositionIncrement;
        this.finalStartOffset = finalStartOffset;
        this.finalEndOffset = finalEndOffset;
    }

    /** Runs {@code analyzer} over {@code text} once, as indexing {@code field} would. */
    static AnalysedText of(Analyzer analyzer, String field, String text) {
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            TermFrequencyAttribute frequency = stream.addAttribute(TermFrequencyAttribute.class);
            int capacity = Math.max(4, text.length() / 6);
            char[] chars = new char[Math.max(16, text.length())];
            int[] termEnds = new int[capacity];
            int[] increments = new int[capacity];
            int[] starts = new int[capacity];
            int[] ends = new int[capacity];
            int[] frequencies = new int[capacity];
            int count = 0;
            int length = 0;
            stream.reset();
            while (stream.incrementToken()) {
                if (count == termEnds.length) {
                    int grown = count * 2;
                    termEnds = Arrays.copyOf(termEnds, grown);
                    increments = Arrays.copyOf(increments, grown);
                    starts = Arrays.copyOf(starts, grown);
                    ends = Arrays.copyOf(ends, grown);
                    frequencies = Arrays.copyOf(frequencies, grown);
                }
                int termLength = term.length();
                if (length + termLength > chars.length) {
                    chars = Arrays.copyOf(chars, Math.max(chars.length * 2, length + termLength));
                }
                System.arraycopy(term.buffer(), 0, chars, length, termLength);
                length += termLength;
                termEnds[count] = length;
                increments[count] = increment.getPositionIncrement();
                starts[count] = offset.startOffset();
                ends[count] = offset.endOffset();
                frequencies[count] = frequency.getTermFrequency();
                count++;
            }
            stream.end();
            return new AnalysedText(chars, termEnds, increments, starts, ends, frequencies, count,
                    increment.getPositionIncrement(), offset.startOffset(), offset.endOffset());
        } catch (IOException e) {
            // Analysis of an in-memory string does no I/O; this cannot happen short of a bug.
            throw new UncheckedIOException(e);
        }
    }

    /** A new stream of these tokens, for one field value. */
    TokenStream tokens() {
        return new Replay();
    }

    /**
     * One stream of the tokens of several texts, one after the other, each token's frequency
     * multiplied by {@code weight}: for a field indexed with frequencies only (no positions, no
     * offsets), the postings and norm it leaves are those of the texts given {@code weight} times each
     * as separate values. Such a field keeps, per term, the sum of its tokens' frequencies, and as
     * length the sum of all frequencies; positions and offsets, which the values' gaps move, are
     * not kept. Each text's final increment and offset are dropped with the gaps.
     */
    static TokenStream weighted(List<AnalysedText> texts, int weight) {
        return new WeightedReplay(texts, weight);
    }

    private static final class WeightedReplay extends TokenStream {

        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
        private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
        private final TermFrequencyAttribute frequency = addAttribute(TermFrequencyAttribute.class);
        private final List<AnalysedText> texts;
        private final int weight;
        private int text;
        private int next;
        private int offsetBase;

        WeightedReplay(List<AnalysedText> texts, int weight) {
            this.texts = texts;
            this.weight = weight;
        }

        @Override
        public boolean incrementToken() {
            while (text < texts.size() && next == texts.get(text).count) {
                offsetBase += texts.get(text).finalEndOffset;
                text++;
                next = 0;
            }
            if (text == texts.size()) {
                return false;
            }
            AnalysedText current = texts.get(text);
            clearAttributes();
            int start = next == 0 ? 0 : current.termEnds[next - 1];
            term.copyBuffer(current.chars, start, current.termEnds[next] - start);
            increment.setPositionIncrement(current.positionIncrements[next]);
            // Offsets kept increasing across the texts, as the chain expects of one value.
            offset.setOffset(offsetBase + current.startOffsets[next], offsetBase + current.endOffsets[next]);
            frequency.setTermFrequency(current.termFrequencies[next] * weight);
            next++;
            return true;
        }

        @Override
        public void end() throws IOException {
            super.end();
            offset.setOffset(offsetBase, offsetBase);
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            text = 0;
            next = 0;
            offsetBase = 0;
        }
    }

    private final class Replay extends TokenStream {

        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
        private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
        private final TermFrequencyAttribute frequency = addAttribute(TermFrequencyAttribute.class);
        private int next;

        @Override
        public boolean incrementToken() {
            if (next == count) {
                return false;
            }
            clearAttributes();
            int start = next == 0 ? 0 : termEnds[next - 1];
            term.copyBuffer(chars, start, termEnds[next] - start);
            increment.setPositionIncrement(positionIncrements[next]);
            offset.setOffset(startOffsets[next], endOffsets[next]);
            frequency.setTermFrequency(termFrequencies[next]);
            next++;
            return true;
        }

        @Override
        public void end() throws IOException {
            super.end();
            increment.setPositionIncrement(finalPositionIncrement);
            offset.setOffset(finalStartOffset, finalEndOffset);
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            next = 0;
        }
    }
}
