package dev.sluice.plugins.transforms.resize;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The antialiased axis tables this thread built last, by (origin, source size, output size,
 * filter), so that images of a size seen before reuse their tables instead of building them again:
 * a loader worker resizing a shuffled data set built two tables per image (some 26 KB for a 500 x
 * 375 photograph to 256, measured as a tenth of the garbage per image). Tables are immutable, so a
 * cached one gives the same bits as a new one.
 *
 * <p>Per thread, so that no lookup waits on another worker, and bounded by the bytes of the tables
 * kept, the least recently used dropped first: photographs come in a few hundred sizes per axis
 * (the bench set's 2,000 images resized to 256 on the short side need 1,109 distinct tables, the
 * 256 most used of them covering 63% of the lookups).
 */
final class RecentAxisTables {
    /** At most this many bytes of tables kept per thread. */
    static final long KEPT_BYTES = 4L << 20;
    private static final ThreadLocal<RecentAxisTables> RECENT = ThreadLocal.withInitial(RecentAxisTables::new);

    private record Key(int origin, int sourceSize, int outputSize, boolean bicubic) {
    }

    private final LinkedHashMap<Key, AxisTable> tables = new LinkedHashMap<>(64, 0.75f, true);
    private long bytes;

    private RecentAxisTables() {
    }

    /** {@link AxisTables#torchAntialiased}, from this thread's recent tables when it built the same one before. */
    static AxisTable torchAntialiased(int origin, int sourceSize, int outputSize, boolean bicubic) {
        return RECENT.get().find(new Key(origin, sourceSize, outputSize, bicubic));
    }

    private AxisTable find(Key key) {
        AxisTable table = tables.get(key);
        if (table == null) {
            table = AxisTables.torchAntialiased(key.origin(), key.sourceSize(), key.outputSize(), key.bicubic());
            long size = bytesOf(table);
            if (size <= KEPT_BYTES) {
                tables.put(key, table);
                bytes += size;
                dropOldest();
            }
        }
        return table;
    }

    /** Drops the least recently used tables until the rest fit in {@link #KEPT_BYTES}. */
    private void dropOldest() {
        Iterator<Map.Entry<Key, AxisTable>> oldest = tables.entrySet().iterator();
        while (bytes > KEPT_BYTES && oldest.hasNext()) {
            bytes -= bytesOf(oldest.next().getValue());
            oldest.remove();
        }
    }

    private static long bytesOf(AxisTable table) {
        long values = table.count.length + (long) table.index.length + (table.weight == null ? 0 : table.weight.length)
                + (table.fixed == null ? 0 : table.fixed.length) + 2L * table.size;
        return 4 * values;
    }
}
