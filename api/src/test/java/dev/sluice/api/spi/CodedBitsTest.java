package dev.sluice.api.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * {@link CodedBits#block} and {@link CodedBits#dcDifference} against a reader written from ITU T.81
 * alone (one bit, one code length at a time), on random Huffman tables and random coded data: the
 * same verdict (and DC difference) for every block, and
 * the same moment at which a block runs past the segment's end, so the same bits were read. The
 * tables have codes up to 16 bits (longer than a step's window), end-of-block, ZRL, runs of zeros
 * with size 0 (read as end-of-block), extra bits that run past the window, DC sizes of 16 and over;
 * the data has stuffed bytes, fill bytes before them and a marker that ends it early; so every path
 * of the step look-up, of its symbol-by-symbol fall-back and of the eight-byte refill is taken.
 */
class CodedBitsTest {
    private static final int BLOCKS = 400;

    @Property(tries = 200)
    void randomDataIsReadAsASymbolBySymbolReaderReadsIt(@ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        walkAlike(Table.random(random, false), Table.random(random, true), randomSegment(random), seed);
    }

    @Property(tries = 200)
    void codedBlocksWithOneDamageAreReadAsASymbolBySymbolReaderReadsThem(@ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Table dc = Table.random(random, false);
        Table ac = Table.random(random, true);
        walkAlike(dc, ac, codedSegment(random, dc, ac), seed);
    }

    @Property(tries = 50)
    void theExampleTablesOfAnnexKReadCodedBlocksAlike(@ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        walkAlike(Table.ANNEX_K_LUMINANCE_DC, Table.ANNEX_K_LUMINANCE_AC,
                codedSegment(random, Table.ANNEX_K_LUMINANCE_DC, Table.ANNEX_K_LUMINANCE_AC), seed);
    }

    /**
     * {@link CodedBits#block} and {@link CodedBits#dcDifference}, each over the whole segment: the
     * same verdicts and overruns as the reference, and the same DC differences.
     */
    private static void walkAlike(Table dc, Table ac, byte[] segment, long seed) {
        HuffmanCodes dcCodes = HuffmanCodes.of(dc.counts, dc.symbols);
        HuffmanCodes acCodes = HuffmanCodes.of(ac.counts, ac.symbols);
        alike(segment, seed, (bits, reference, where) -> {
            int expected = reference.dcDifference(dc, ac);
            assertEquals(expected, bits.dcDifference(dcCodes, acCodes), where);
            return expected != CodedBits.BAD_BLOCK;
        });
        // After a bad code the walk stops: what was read of it is nobody's business.
        alike(segment, seed, (bits, reference, where) -> {
            boolean expected = reference.block(dc, ac);
            assertEquals(expected, bits.block(dcCodes, acCodes), where);
            return expected;
        });
    }

    /** One block read by the walk and by the reference, held to agree; whether it was a good block. */
    @FunctionalInterface
    private interface BlockCheck {
        boolean agree(CodedBits bits, Reference reference, String where);
    }

    /** Blocks of {@code segment} through {@code check} until a bad block or an overrun, with the overruns held equal. */
    private static void alike(byte[] segment, long seed, BlockCheck check) {
        CodedBits bits = new CodedBits(ByteBuffer.wrap(segment));
        bits.start(0);
        Reference reference = new Reference(segment);
        for (int block = 0; block < BLOCKS; block++) {
            String where = "block " + block + ", seed " + seed;
            if (!check.agree(bits, reference, where)) {
                return;
            }
            assertEquals(reference.overrun(), bits.overrun(), "overrun after " + where);
            if (reference.overrun()) {
                return;
            }
        }
    }

    /** Random bytes, some FF 00 (stuffing, sometimes after fill bytes FF), ended by a marker. */
    private static byte[] randomSegment(SplittableRandom random) {
        Bits bits = new Bits();
        int length = random.nextInt(2, 3000);
        boolean ffRich = random.nextBoolean();
        for (int i = 0; i < length; i++) {
            bits.write(ffRich && random.nextInt(16) == 0 ? 0xFF : random.nextInt(256), 8);
        }
        return bits.segment(random);
    }

    /**
     * Up to {@link #BLOCKS} blocks coded with the tables (random symbols that fit, random extra
     * bits), then sometimes one damage: a bit flipped, the end cut off, or bytes added after it.
     */
    private static byte[] codedSegment(SplittableRandom random, Table dc, Table ac) {
        Bits bits = new Bits();
        int blocks = random.nextInt(1, BLOCKS + 1);
        for (int block = 0; block < blocks; block++) {
            int size = dc.write(bits, dc.pick(random, symbol -> symbol <= 16));
            bits.write(random.nextInt(1 << Math.min(size, 30)), Math.min(size, 30));
            for (int k = 1; k < 64; k++) {
                int from = k;
                boolean last = random.nextInt(6) == 0;
                int index = ac.pick(random, symbol -> last ? (symbol & 15) == 0 && symbol >> 4 != 15
                        : (symbol & 15) != 0 ? from + (symbol >> 4) <= 63 : symbol >> 4 != 15 || from + 15 <= 63);
                int symbol = ac.write(bits, index);
                size = symbol & 15;
                if (size == 0 && symbol >> 4 != 15) {
                    break;
                }
                k += size == 0 ? 15 : symbol >> 4;
                bits.write(random.nextInt(1 << size), size);
            }
        }
        switch (random.nextInt(4)) {
            case 0 -> bits.flip(random.nextInt(bits.length()));
            case 1 -> bits.cut(random.nextInt(bits.length()));
            case 2 -> bits.write(random.nextInt(1 << 16), 16);
            default -> {
            }
        }
        return bits.segment(random);
    }

    /** Coded bits, then as a segment: padded with one bits to a byte, FF stuffed, a marker at the end. */
    private static final class Bits {
        private final java.util.BitSet set = new java.util.BitSet();
        private int length;

        void write(int value, int count) {
            for (int i = count - 1; i >= 0; i--) {
                set.set(length++, (value >> i & 1) != 0);
            }
        }

        int length() {
            return length;
        }

        void flip(int at) {
            set.flip(at);
        }

        void cut(int at) {
            length = at;
        }

        byte[] segment(SplittableRandom random) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (int at = 0; at < length; at += 8) {
                int value = 0;
                for (int i = 0; i < 8; i++) {
                    value = value << 1 | (at + i >= length || set.get(at + i) ? 1 : 0);
                }
                out.write(value);
                if (value == 0xFF) {
                    if (random.nextInt(8) == 0) {
                        out.write(0xFF);
                    }
                    out.write(0x00);
                }
            }
            out.write(0xFF);
            out.write(0xD9);
            return out.toByteArray();
        }
    }

    /** A DHT table: counts of codes of each length 1 to 16 (index 0 unused) and the symbols in code order. */
    private record Table(int[] counts, int[] symbols) {
        /** The index of a random symbol that {@code fits}, or of any when none does. */
        int pick(SplittableRandom random, java.util.function.IntPredicate fits) {
            int start = random.nextInt(symbols.length);
            for (int i = 0; i < symbols.length; i++) {
                int index = (start + i) % symbols.length;
                if (fits.test(symbols[index])) {
                    return index;
                }
            }
            return start;
        }

        /** Writes the code of the symbol at {@code index}; returns the symbol. */
        int write(Bits bits, int index) {
            int code = 0;
            int first = 0;
            for (int length = 1; length <= 16; length++) {
                if (index < first + counts[length]) {
                    bits.write(code + index - first, length);
                    return symbols[index];
                }
                first += counts[length];
                code = (code + counts[length]) << 1;
            }
            throw new IllegalArgumentException("no symbol " + index);
        }

        static final Table ANNEX_K_LUMINANCE_DC = new Table(
                counts(0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0),
                new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11});
        static final Table ANNEX_K_LUMINANCE_AC = new Table(
                counts(0, 2, 1, 3, 3, 2, 4, 3, 5, 5, 4, 4, 0, 0, 1, 0x7D),
                annexKLuminanceAcSymbols());

        private static int[] counts(int... perLength) {
            int[] counts = new int[17];
            System.arraycopy(perLength, 0, counts, 1, 16);
            return counts;
        }

        /** Annex K.3.2's symbol order: run/size 0/1, 0/2, 0/3, EOB, ... as table K.5 lists them by code. */
        private static int[] annexKLuminanceAcSymbols() {
            return new int[] {0x01, 0x02, 0x03, 0x00, 0x04, 0x11, 0x05, 0x12, 0x21, 0x31, 0x41, 0x06, 0x13, 0x51, 0x61,
                0x07, 0x22, 0x71, 0x14, 0x32, 0x81, 0x91, 0xA1, 0x08, 0x23, 0x42, 0xB1, 0xC1, 0x15, 0x52, 0xD1, 0xF0,
                0x24, 0x33, 0x62, 0x72, 0x82, 0x09, 0x0A, 0x16, 0x17, 0x18, 0x19, 0x1A, 0x25, 0x26, 0x27, 0x28, 0x29,
                0x2A, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39, 0x3A, 0x43, 0x44, 0x45, 0x46, 0x47, 0x48, 0x49, 0x4A, 0x53,
                0x54, 0x55, 0x56, 0x57, 0x58, 0x59, 0x5A, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6A, 0x73, 0x74,
                0x75, 0x76, 0x77, 0x78, 0x79, 0x7A, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8A, 0x92, 0x93, 0x94,
                0x95, 0x96, 0x97, 0x98, 0x99, 0x9A, 0xA2, 0xA3, 0xA4, 0xA5, 0xA6, 0xA7, 0xA8, 0xA9, 0xAA, 0xB2, 0xB3,
                0xB4, 0xB5, 0xB6, 0xB7, 0xB8, 0xB9, 0xBA, 0xC2, 0xC3, 0xC4, 0xC5, 0xC6, 0xC7, 0xC8, 0xC9, 0xCA, 0xD2,
                0xD3, 0xD4, 0xD5, 0xD6, 0xD7, 0xD8, 0xD9, 0xDA, 0xE1, 0xE2, 0xE3, 0xE4, 0xE5, 0xE6, 0xE7, 0xE8, 0xE9,
                0xEA, 0xF1, 0xF2, 0xF3, 0xF4, 0xF5, 0xF6, 0xF7, 0xF8, 0xF9, 0xFA};
        }

        /**
         * A random prefix code: lengths 1 to 16 drawn so that the code space is used up exactly
         * (every bit string starts a code) or, sometimes, partly (some do not: bad codes).
         */
        static Table random(SplittableRandom random, boolean ac) {
            int[] counts = new int[17];
            int total = 0;
            long free = 1; // unused codes of the current length
            int shortest = random.nextInt(1, 4);
            int longest = random.nextInt(Math.max(shortest, 6), 17);
            boolean complete = random.nextInt(4) != 0;
            for (int length = 1; length <= 16 && total < 256; length++) {
                free <<= 1;
                if (length < shortest || length > longest) {
                    continue;
                }
                long most = Math.min(free - (length < longest ? 1 : 0), 256 - total);
                int count = length == longest && complete ? (int) Math.min(free, 256 - total)
                        : (int) random.nextLong(0, Math.max(1, most / 2 + 1));
                counts[length] = count;
                total += count;
                free -= count;
            }
            if (total == 0) {
                counts[longest] = 1;
                total = 1;
            }
            int[] symbols = new int[total];
            for (int i = 0; i < total; i++) {
                symbols[i] = ac ? acSymbol(random) : random.nextInt(18) == 0 ? 17 : random.nextInt(17);
            }
            return new Table(counts, symbols);
        }

        private static int acSymbol(SplittableRandom random) {
            return switch (random.nextInt(8)) {
                case 0 -> 0x00; // end of block
                case 1 -> 0xF0; // sixteen zeros
                case 2 -> random.nextInt(1, 15) << 4; // size 0 with a run: read as end-of-block
                case 3 -> random.nextInt(16) << 4 | random.nextInt(11, 16); // long extra bits
                default -> random.nextInt(4) << 4 | random.nextInt(1, 6);
            };
        }
    }

    /**
     * The coded data as T.81 reads it: stuffed FF 00 (after any fill FFs) is one FF, a marker ends
     * the data and zero bits follow; codes one bit at a time against the canonical codes of each length.
     */
    private static final class Reference {
        private final int[] bits;
        private final int real;
        private int position;

        Reference(byte[] segment) {
            ByteArrayOutputStream data = new ByteArrayOutputStream();
            int at = 0;
            while (at < segment.length) {
                int value = segment[at] & 0xFF;
                if (value == 0xFF) {
                    int after = at + 1;
                    while (after < segment.length && (segment[after] & 0xFF) == 0xFF) {
                        after++;
                    }
                    if (after < segment.length && segment[after] == 0) {
                        data.write(0xFF);
                        at = after + 1;
                        continue;
                    }
                    break;
                }
                data.write(value);
                at++;
            }
            byte[] unstuffed = data.toByteArray();
            real = unstuffed.length * 8;
            bits = new int[real];
            for (int i = 0; i < real; i++) {
                bits[i] = (unstuffed[i / 8] >> (7 - i % 8)) & 1;
            }
        }

        boolean overrun() {
            return position > real;
        }

        /** {@link #block}, returning the DC difference (T.81 F.2.2.1) or {@link CodedBits#BAD_BLOCK}. */
        int dcDifference(Table dc, Table ac) {
            int start = position;
            int size = symbol(dc);
            if (size < 0 || size > 16) {
                return CodedBits.BAD_BLOCK;
            }
            int value = 0;
            for (int i = 0; i < size; i++) {
                value = value << 1 | bit();
            }
            int difference = size == 0 || value >= 1 << (size - 1) ? value : value - (1 << size) + 1;
            position = start;
            return block(dc, ac) ? difference : CodedBits.BAD_BLOCK;
        }

        boolean block(Table dc, Table ac) {
            int size = symbol(dc);
            if (size < 0 || size > 16) {
                return false;
            }
            position += size;
            for (int k = 1; k < 64; k++) {
                int symbol = symbol(ac);
                if (symbol < 0) {
                    return false;
                }
                int run = symbol >> 4;
                size = symbol & 15;
                if (size == 0 && run != 15) {
                    return true;
                }
                k += size == 0 ? 15 : run;
                if (k > 63) {
                    return false;
                }
                position += size;
            }
            return true;
        }

        private int symbol(Table table) {
            int code = 0;
            int first = 0;
            int index = 0;
            for (int length = 1; length <= 16; length++) {
                code = code << 1 | bit();
                int count = table.counts[length];
                if (code - first < count) {
                    return table.symbols[index + code - first];
                }
                index += count;
                first = (first + count) << 1;
            }
            return -1;
        }

        private int bit() {
            int bit = position < real ? bits[position] : 0;
            position++;
            return bit;
        }
    }
}
