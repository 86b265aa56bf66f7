package dev.sluice.api.spi;

/**
 * What a progressive JPEG's scans build up of each block, kept only as far as a DC-only decode
 * needs it (T.81 annex G): the DC coefficient, from its first pass and its refinement bits, and of
 * the AC coefficients only which have become nonzero, without which a refinement scan's bits cannot
 * be parsed. The AC scans are walked in full, so that damaged data is refused as in a sequential
 * frame; a code no table has, a run past the band or a refinement code of size other than 1 is a
 * bad code. A block is {@code row * blockColumns + column} of its component's grid.
 */
final class ProgressiveCoefficients {
    private final int[][] dc;
    /**
     * Blocks per chunk of marks: 32,768 longs (256 KB), less than half of G1's smallest region, so that a
     * large photograph's marks (1.15 MB a component at 3,840 x 2,400) are ordinary young objects, not
     * humongous ones, which pile up in old-generation regions between collections.
     */
    private static final int CHUNK_BITS = 15;
    private static final int CHUNK_MASK = (1 << CHUNK_BITS) - 1;
    /**
     * Per component, per chunk of blocks, per block: bit k set once coefficient k (coded order) is
     * nonzero; a chunk is allocated at the first AC scan that reaches one of its blocks.
     */
    private final long[][][] nonzero;
    private final int[] blocks;
    private int endOfBandRun;

    ProgressiveCoefficients(int[] blocksPerComponent) {
        this.blocks = blocksPerComponent.clone();
        this.dc = new int[blocks.length][];
        this.nonzero = new long[blocks.length][][];
        for (int c = 0; c < blocks.length; c++) {
            dc[c] = new int[blocks[c]];
            nonzero[c] = new long[(blocks[c] + CHUNK_MASK) >>> CHUNK_BITS][];
        }
    }

    /** The DC coefficient of a block, before dequantising, kept to 16 bits as libjpeg keeps it. */
    int dc(int component, int block) {
        return (short) dc[component][block];
    }

    /** At a restart marker: no end-of-band run goes on past it. */
    void restart() {
        endOfBandRun = 0;
    }

    /**
     * The first pass of a DC coefficient: the difference is added to {@code prediction} (updated in
     * place at {@code index}) and the sum, shifted by {@code shift}, is the block's DC. A negative
     * {@code block} (the padding of a partial MCU) is decoded and not kept. False for a bad code.
     */
    boolean dcFirst(CodedBits bits, HuffmanCodes table, int component, int block, int[] prediction, int index, int shift) {
        int difference = bits.dcDifferenceAlone(table);
        if (difference == CodedBits.BAD_BLOCK) {
            return false;
        }
        prediction[index] += difference;
        if (block >= 0) {
            dc[component][block] = prediction[index] << shift;
        }
        return true;
    }

    /** A DC refinement bit at {@code shift}. */
    void dcRefine(CodedBits bits, int component, int block, int shift) {
        if (bits.bits(1) != 0 && block >= 0) {
            dc[component][block] |= 1 << shift;
        }
    }

    /** The first pass of the AC band {@code [start, end]}: which coefficients become nonzero. False for a bad code. */
    boolean acFirst(CodedBits bits, HuffmanCodes table, int component, int block, int start, int end) {
        if (endOfBandRun > 0) {
            endOfBandRun--;
            return true;
        }
        long[] marks = marks(component, block);
        int at = block & CHUNK_MASK;
        for (int k = start; k <= end; k++) {
            int symbol = bits.nextSymbol(table);
            if (symbol < 0) {
                return false;
            }
            int run = symbol >> 4;
            int size = symbol & 15;
            if (size != 0) {
                k += run;
                if (k > end) {
                    return false;
                }
                bits.bits(size);
                marks[at] |= 1L << k;
            } else if (run == 15) {
                k += 15;
            } else {
                endOfBandRun = (1 << run) + bits.bits(run) - 1;
                return true;
            }
        }
        return true;
    }

    /**
     * A refinement pass of the AC band {@code [start, end]}: a correction bit for each coefficient
     * already nonzero, and the coefficients that become nonzero now. False for a bad code.
     */
    boolean acRefine(CodedBits bits, HuffmanCodes table, int component, int block, int start, int end) {
        long[] marks = marks(component, block);
        int at = block & CHUNK_MASK;
        int k = start;
        if (endOfBandRun == 0) {
            for (; k <= end; k++) {
                int symbol = bits.nextSymbol(table);
                if (symbol < 0) {
                    return false;
                }
                int run = symbol >> 4;
                int size = symbol & 15;
                if (size != 0) {
                    if (size != 1) {
                        return false;
                    }
                    bits.bits(1);
                } else if (run != 15) {
                    endOfBandRun = (1 << run) + bits.bits(run);
                    break;
                }
                // Past the nonzero coefficients (a correction bit each) and `run` zero ones.
                while (k <= end) {
                    if ((marks[at] & 1L << k) != 0) {
                        bits.bits(1);
                    } else if (--run < 0) {
                        break;
                    }
                    k++;
                }
                if (size != 0) {
                    if (k > end) {
                        return false;
                    }
                    marks[at] |= 1L << k;
                }
            }
        }
        if (endOfBandRun > 0) {
            for (; k <= end; k++) {
                if ((marks[at] & 1L << k) != 0) {
                    bits.bits(1);
                }
            }
            endOfBandRun--;
        }
        return true;
    }

    /** The chunk of {@code component}'s marks that holds {@code block} (at {@code block & CHUNK_MASK}). */
    private long[] marks(int component, int block) {
        long[][] chunks = nonzero[component];
        int chunk = block >>> CHUNK_BITS;
        if (chunks[chunk] == null) {
            chunks[chunk] = new long[Math.min(CHUNK_MASK + 1, blocks[component] - (chunk << CHUNK_BITS))];
        }
        return chunks[chunk];
    }
}
