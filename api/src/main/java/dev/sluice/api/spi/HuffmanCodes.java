package dev.sluice.api.spi;

import java.util.Arrays;

/**
 * A JPEG Huffman table as a decoder reads it (ITU T.81 annex C and F.2.2.3): codes of up to eight
 * bits are found with one look-up of the next eight bits, longer ones by their length's largest code.
 *
 * <p>For the strict walk, which only needs to know where each block ends, a table also gives
 * <em>steps</em>: for the next {@link #STEP_BITS} bits, what reading them as DC or as AC data
 * covers, so that one look-up skips a code with its extra bits, or (AC) several codes with theirs.
 * Each role's steps are made the first time that role is asked for, so that a table no sequential
 * scan uses costs nothing; {@link RecentHuffmanCodes} keeps them for the next file with the same
 * table.
 */
final class HuffmanCodes {
    static final int LOOKAHEAD = 8;
    /** How many of the next bits a step table is indexed by. */
    static final int STEP_BITS = 12;
    /** In an AC step: the bits it takes start at this bit (up to 31: a code and its extra bits). */
    static final int BITS_SHIFT = 8;
    /** In an AC step: set when its last symbol is end-of-block. */
    static final int ENDS_BLOCK = 0x80;
    /**
     * In an AC step: the coefficients its symbols cover (a run and its coefficient, 16 for ZRL), plus
     * one when it ends with end-of-block; the step fits in a block from coefficient {@code k} when
     * {@code k} plus this is at most 64.
     */
    static final int NEED = 0x7F;
    /** An AC step whose code is longer than {@link #STEP_BITS}: it fits no block, so the symbol is read on its own. */
    static final int SLOW = NEED;

    /** For the next eight bits: the code length in the high byte and the symbol in the low byte, 0 for a longer code. */
    final int[] fast = new int[1 << LOOKAHEAD];
    /** The largest code of each length 1 to 16, -1 for none. */
    final int[] maxCode = new int[18];
    /** For each length, the symbol index of its first code minus that code. */
    final int[] offset = new int[17];
    final int[] symbols;
    private final int[] counts;
    /** Set once made; a holder with a final field, so that a thread that sees one sees its table filled. */
    private Steps dcSteps;
    private Steps acSteps;

    private HuffmanCodes(int[] counts, int[] symbols) {
        this.counts = counts;
        this.symbols = symbols;
    }

    /** The codes of a DHT table, or null when the counts describe more codes than fit in their lengths. */
    static HuffmanCodes of(int[] counts, int[] symbols) {
        HuffmanCodes table = new HuffmanCodes(counts.clone(), symbols);
        int code = 0;
        int index = 0;
        for (int length = 1; length <= 16; length++) {
            table.offset[length] = index - code;
            if (counts[length] == 0) {
                table.maxCode[length] = -1;
            } else {
                for (int i = 0; i < counts[length]; i++, code++, index++) {
                    if (code >= 1 << length) {
                        // More codes than this length holds: refused before one is written past the table.
                        return null;
                    }
                    if (length <= LOOKAHEAD) {
                        int shift = LOOKAHEAD - length;
                        for (int fill = 0; fill < 1 << shift; fill++) {
                            table.fast[(code << shift) | fill] = length << 8 | symbols[index];
                        }
                    }
                }
                table.maxCode[length] = code - 1;
            }
            if (code > 1 << length) {
                return null;
            }
            code <<= 1;
        }
        table.maxCode[17] = Integer.MAX_VALUE;
        return table;
    }

    /**
     * The table read as DC data, for the next {@link #STEP_BITS} bits: the length of the code they
     * start with plus its extra bits (at most 16 + 16), or 0 when the code is longer or its symbol
     * is over 16 (then the symbol is read on its own, and refused).
     */
    int[] dcSteps() {
        Steps steps = dcSteps;
        if (steps == null) {
            int[] first = firstCodes();
            int[] table = new int[first.length];
            for (int window = 0; window < first.length; window++) {
                int entry = first[window];
                int size = entry & 0xFF;
                table[window] = entry != 0 && size <= 16 ? (entry >> BITS_SHIFT) + size : 0;
            }
            steps = new Steps(table);
            dcSteps = steps;
        }
        return steps.table;
    }

    /**
     * The table read as AC data, for the next {@link #STEP_BITS} bits: as many whole symbols with
     * their extra bits as fit in them, up to and with end-of-block, or else the one symbol they
     * start with and its extra bits (which may run past them); the bits taken (from
     * {@link #BITS_SHIFT} up), {@link #ENDS_BLOCK} and the coefficients covered ({@link #NEED}), or
     * {@link #SLOW} when the code is longer.
     */
    int[] acSteps() {
        Steps steps = acSteps;
        if (steps == null) {
            int[] first = firstCodes();
            int[] table = new int[first.length];
            for (int window = 0; window < first.length; window++) {
                table[window] = acStep(first, window);
            }
            steps = new Steps(table);
            acSteps = steps;
        }
        return steps.table;
    }

    private static int acStep(int[] first, int window) {
        int mask = first.length - 1;
        int bits = 0;
        int need = 0;
        int ends = 0;
        while (ends == 0) {
            int entry = first[(window << bits) & mask];
            int length = entry >> BITS_SHIFT;
            int size = entry & 15;
            boolean endOfBlock = size == 0 && (entry & 0xF0) != 0xF0;
            int covers = endOfBlock ? 1 : size == 0 ? 16 : ((entry & 0xF0) >> 4) + 1;
            if (entry == 0 || bits + length + size > STEP_BITS || need + covers > 64) {
                if (bits == 0 && entry != 0) {
                    return (length + size) << BITS_SHIFT | covers;
                }
                break;
            }
            bits += length + size;
            need += covers;
            ends = endOfBlock ? ENDS_BLOCK : 0;
        }
        return bits == 0 ? SLOW : bits << BITS_SHIFT | ends | need;
    }

    /** For the next {@link #STEP_BITS} bits: the length and symbol of the code they start with, as {@link #fast}; 0 for a longer code. */
    private int[] firstCodes() {
        int[] first = new int[1 << STEP_BITS];
        int code = 0;
        int index = 0;
        for (int length = 1; length <= STEP_BITS; length++, code <<= 1) {
            int shift = STEP_BITS - length;
            for (int i = 0; i < counts[length]; i++, code++, index++) {
                Arrays.fill(first, code << shift, (code + 1) << shift, length << BITS_SHIFT | symbols[index]);
            }
        }
        return first;
    }

    private record Steps(int[] table) {
    }
}
