package fr.capsules.ingest.index.lucene;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.IndexReader.CacheHelper;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FilterDirectoryReader;
import org.apache.lucene.index.FilterLeafReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.FixedBitSet;

/**
 * A reader whose scored fields' norms are held in memory, one byte a passage, instead of read
 * through the index's sparse structure.
 *
 * <p>Record entries carry no text, so the norms of {@link IndexSchema#CONTENT} and {@link
 * IndexSchema#TEXT} are sparse on disk: each scored passage's norm is found through a rank
 * computation ({@code IndexedDISI}), which a JFR profile of the search path showed as one of its
 * largest costs (about 15% at 100,000 passages; an index holding only passages has dense norms
 * and reads them directly). Here each segment's norms of those fields are copied once, when a
 * searcher first opens the segment, into a byte array and a bit set of the passages that have
 * them; every search then reads them by index. Same values, so the same scores: only where they
 * are read from changes. Memory: a little over one byte per entry and field (2 MB for 1 M
 * passages); segments unchanged by a refresh keep their copy (cached by segment core, dropped
 * when the segment closes). Other fields, and norms that do not fit in a byte (not BM25's), are
 * read from the index as before.
 */
final class DenseNorms extends FilterDirectoryReader {

    private static final List<String> FIELDS = List.of(IndexSchema.CONTENT, IndexSchema.TEXT);

    private final Cache cache;

    private DenseNorms(DirectoryReader in, Cache cache) throws IOException {
        super(in, cache);
        this.cache = cache;
    }

    /** {@code reader} with the in-memory norms; closing the result closes {@code reader}. */
    static DirectoryReader wrap(DirectoryReader reader) throws IOException {
        return new DenseNorms(reader, new Cache());
    }

    /** Copies the norms of every segment of {@code reader} not copied yet (a no-op on other readers). */
    static void load(org.apache.lucene.index.IndexReader reader) throws IOException {
        for (var leaf : reader.leaves()) {
            for (String field : FIELDS) {
                leaf.reader().getNormValues(field);
            }
        }
    }

    @Override
    protected DirectoryReader doWrapDirectoryReader(DirectoryReader in) throws IOException {
        return new DenseNorms(in, cache);
    }

    @Override
    public CacheHelper getReaderCacheHelper() {
        return in.getReaderCacheHelper();
    }

    /** The copies, per segment core and field; wraps each leaf. */
    private static final class Cache extends SubReaderWrapper {
        private final Map<Object, Map<String, Values>> copies = new ConcurrentHashMap<>();

        @Override
        public LeafReader wrap(LeafReader reader) {
            return new Leaf(reader, this);
        }

        Values values(LeafReader reader, String field) throws IOException {
            CacheHelper core = reader.getCoreCacheHelper();
            if (core == null) {
                return Values.load(reader, field);
            }
            Map<String, Values> fields = copies.computeIfAbsent(core.getKey(), key -> {
                core.addClosedListener(copies::remove);
                return new ConcurrentHashMap<>();
            });
            Values values = fields.get(field);
            if (values == null) {
                values = Values.load(reader, field); // two threads may both load: same values
                fields.putIfAbsent(field, values);
            }
            return values;
        }
    }

    /** One segment's norms of one field; {@link #NONE} when the field has none or they exceed a byte. */
    private record Values(byte[] norms, FixedBitSet present, int count) {
        static final Values NONE = new Values(null, null, 0);

        static Values load(LeafReader reader, String field) throws IOException {
            NumericDocValues source = reader.getNormValues(field);
            if (source == null) {
                return NONE;
            }
            byte[] norms = new byte[reader.maxDoc()];
            FixedBitSet present = new FixedBitSet(Math.max(1, reader.maxDoc()));
            int count = 0;
            for (int doc = source.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = source.nextDoc()) {
                long value = source.longValue();
                if (value != (byte) value) {
                    return NONE;
                }
                norms[doc] = (byte) value;
                present.set(doc);
                count++;
            }
            return new Values(norms, present, count);
        }
    }

    private static final class Leaf extends FilterLeafReader {
        private final Cache cache;

        Leaf(LeafReader in, Cache cache) {
            super(in);
            this.cache = cache;
        }

        @Override
        public NumericDocValues getNormValues(String field) throws IOException {
            if (FIELDS.contains(field)) {
                Values values = cache.values(in, field);
                if (values.norms() != null) {
                    return new InMemory(values);
                }
            }
            return in.getNormValues(field);
        }

        @Override
        public CacheHelper getCoreCacheHelper() {
            return in.getCoreCacheHelper();
        }

        @Override
        public CacheHelper getReaderCacheHelper() {
            return in.getReaderCacheHelper();
        }
    }

    /** An iterator over one {@link Values}. */
    private static final class InMemory extends NumericDocValues {
        private final byte[] norms;
        private final FixedBitSet present;
        private final int count;
        private int doc = -1;

        InMemory(Values values) {
            this.norms = values.norms();
            this.present = values.present();
            this.count = values.count();
        }

        @Override
        public long longValue() {
            return norms[doc];
        }

        @Override
        public void longValues(int size, int[] docs, int docsOffset, long[] values, int valuesOffset, long missing) {
            for (int i = 0; i < size; i++) {
                int target = docs[docsOffset + i];
                byte norm = norms[target];
                // A non-zero norm is always present; 0 is either an empty field's norm or none.
                values[valuesOffset + i] = norm != 0 || present.get(target) ? norm : missing;
            }
            if (size > 0) {
                doc = docs[docsOffset + size - 1];
            }
        }

        @Override
        public boolean advanceExact(int target) {
            doc = target;
            return present.get(target);
        }

        @Override
        public int docID() {
            return doc;
        }

        @Override
        public int nextDoc() {
            return advance(doc + 1);
        }

        @Override
        public int advance(int target) {
            doc = target >= present.length() ? NO_MORE_DOCS : present.nextSetBit(target);
            return doc;
        }

        @Override
        public long cost() {
            return count;
        }
    }
}
