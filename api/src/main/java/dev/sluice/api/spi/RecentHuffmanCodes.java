package dev.sluice.api.spi;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Huffman tables of recent JPEGs, by the bytes that define them in a DHT segment, shared by all
 * threads. Most encoders write the four example tables of ITU T.81 annex K, and a camera writes the
 * same tables in every photograph, so the walk's step tables ({@link HuffmanCodes#acSteps()}) are
 * made once rather than per file, which would cost about what they save on a 500 x 375 image.
 * Bounded: when full, it starts again empty, so a stream of files with tables of their own costs
 * memory for at most {@value #CAPACITY} of them.
 */
final class RecentHuffmanCodes {
    static final int CAPACITY = 64;
    private static final Map<Definition, HuffmanCodes> TABLES = new ConcurrentHashMap<>();

    private RecentHuffmanCodes() {
    }

    /**
     * The codes of a table defined by {@code definition}: the sixteen counts of codes of each length
     * followed by the symbols (a DHT table without its class byte), which the caller no longer
     * changes; null when the counts describe more codes than fit in their lengths.
     */
    static HuffmanCodes of(byte[] definition) {
        Definition key = new Definition(definition);
        HuffmanCodes codes = TABLES.get(key);
        if (codes == null) {
            int[] counts = new int[17];
            for (int length = 1; length <= 16; length++) {
                counts[length] = definition[length - 1] & 0xFF;
            }
            int[] symbols = new int[definition.length - 16];
            for (int i = 0; i < symbols.length; i++) {
                symbols[i] = definition[16 + i] & 0xFF;
            }
            codes = HuffmanCodes.of(counts, symbols);
            if (codes != null) {
                if (TABLES.size() >= CAPACITY) {
                    TABLES.clear();
                }
                TABLES.put(key, codes);
            }
        }
        return codes;
    }

    /** A table's bytes, compared by content. */
    private record Definition(byte[] bytes) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Definition that && Arrays.equals(bytes, that.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "Definition" + Arrays.toString(bytes);
        }
    }
}
