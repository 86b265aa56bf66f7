package dev.sluice.api.spi;

/**
 * A JPEG Huffman table as a decoder reads it (ITU T.81 annex C and F.2.2.3): codes of up to eight
 * bits are found with one look-up of the next eight bits, longer ones by their length's largest code.
 */
final class HuffmanCodes {
    static final int LOOKAHEAD = 8;

    /** For the next eight bits: the code length in the high byte and the symbol in the low byte, 0 for a longer code. */
    final int[] fast = new int[1 << LOOKAHEAD];
    /** The largest code of each length 1 to 16, -1 for none. */
    final int[] maxCode = new int[18];
    /** For each length, the symbol index of its first code minus that code. */
    final int[] offset = new int[17];
    final int[] symbols;

    private HuffmanCodes(int[] symbols) {
        this.symbols = symbols;
    }

    /** The codes of a DHT table, or null when the counts describe more codes than fit in their lengths. */
    static HuffmanCodes of(int[] counts, int[] symbols) {
        HuffmanCodes table = new HuffmanCodes(symbols);
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
}
