package dev.sluice.api.spi;

import static dev.sluice.api.spi.JpegScans.corrupt;

import dev.sluice.api.DecodeException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The bits of a JPEG scan's entropy-coded segment, most significant first, with stuffed bytes
 * ({@code FF 00}) read as {@code FF}. At a marker the segment ends: zero bits are read from there
 * on, as libjpeg does, but counted, so that a caller learns that a block needed bits the data did
 * not have.
 */
final class CodedBits {
    private static final VarHandle BIG_ENDIAN = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LITTLE_ENDIAN = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private final ByteBuffer data;
    /** The data as an array (the buffer's own, or a copy of a direct buffer): one call site, no bounds-checked buffer calls per byte. */
    private final byte[] bytes;
    private final int base;
    private final int limit;
    /** The next bits, left-aligned. */
    private long buffer;
    private int available;
    /** How many of the {@code available} bits are the zeros read past the marker. */
    private int padding;
    private int next;
    /** Where the next FF byte at or after {@code next} is, or {@code limit}: the bytes before it are coded data without stuffing. */
    private int clean;
    private int marker;

    CodedBits(ByteBuffer data) {
        this.data = data;
        this.limit = data.limit();
        if (data.hasArray()) {
            this.bytes = data.array();
            this.base = data.arrayOffset();
        } else {
            this.bytes = new byte[limit];
            data.get(0, bytes);
            this.base = 0;
        }
    }

    /** Starts reading at {@code at}, the first byte after a scan header. */
    void start(int at) {
        next = at;
        clean = nextFf(at);
        buffer = 0;
        available = 0;
        padding = 0;
        marker = -1;
    }

    /** Where the marker that ended the segment starts, or -1 while none was reached. */
    int markerAt() {
        return marker;
    }

    /** Whether a block has read bits past the segment's end. */
    boolean overrun() {
        return available < padding;
    }

    /**
     * Skips one 8x8 block: the DC difference and the AC coefficients to end-of-block or the 64th.
     * False for a code no table has, or a run that passes the 64th coefficient. One look-up of the
     * tables' {@linkplain HuffmanCodes#acSteps() steps} skips a code with its extra bits, or several;
     * a step that would pass the 64th coefficient, and a code longer than a step's window, are read
     * symbol by symbol, so that the bits read and the verdict are those of a symbol-by-symbol walk.
     */
    boolean block(HuffmanCodes dc, HuffmanCodes ac) {
        // A code takes at most 16 bits and its extra bits at most 16 more: 32 bits cover both.
        if (available < 32) {
            fill();
        }
        int step = dc.dcSteps()[(int) (buffer >>> (64 - HuffmanCodes.STEP_BITS))];
        if (step != 0) {
            consume(step);
        } else {
            int size = symbol(dc);
            if (size < 0 || size > 16) {
                return false;
            }
            consume(size);
        }
        return skipAc(ac);
    }

    /**
     * {@link #block} that also returns the block's DC difference: the DC code and its extra bits
     * read as {@link #coefficients} reads them, the AC coefficients skipped by {@link #block}'s steps
     * (the bits read and the verdict are the same as either's). For a decode that needs the DC
     * coefficient alone: {@code coefficients} with no array reads the AC symbols one by one.
     *
     * @return the DC difference, or {@link #BAD_BLOCK} where {@code block} returns false
     */
    int dcDifference(HuffmanCodes dc, HuffmanCodes ac) {
        int difference = dcDifference(dc);
        return difference != BAD_BLOCK && skipAc(ac) ? difference : BAD_BLOCK;
    }

    /** The DC code and its extra bits: the DC difference, or {@link #BAD_BLOCK} for a code no table has or a size over 16. */
    private int dcDifference(HuffmanCodes dc) {
        if (available < 32) {
            fill();
        }
        int size = symbol(dc);
        return size < 0 || size > 16 ? BAD_BLOCK : receive(size);
    }

    /** The AC coefficients of a block, from the first to end-of-block or the 64th, skipped by steps; false for a bad code. */
    private boolean skipAc(HuffmanCodes ac) {
        int[] steps = ac.acSteps();
        int k = 1;
        while (k < 64) {
            if (next + 8 <= clean) {
                buffer |= (long) BIG_ENDIAN.get(bytes, base + next) >>> available;
                next += (63 - available) >>> 3;
                available |= 56;
            } else if (available < 32) {
                fill();
            }
            // At least 32 bits here: a step takes at most a 16-bit code and 15 extra bits.
            int step = steps[(int) (buffer >>> (64 - HuffmanCodes.STEP_BITS))];
            int need = step & HuffmanCodes.NEED;
            if (k + need <= 64) {
                // Whole symbols that fit in the block: k reaches 64 at end-of-block.
                consume(step >>> HuffmanCodes.BITS_SHIFT);
                k = (k + need) | (step & HuffmanCodes.ENDS_BLOCK) >>> 1;
            } else {
                k = coefficient(ac, k);
                if (k < 0) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Reads one AC symbol and its extra bits at coefficient {@code k}; returns the next coefficient
     * (64 at end-of-block), or -1 for a code the table lacks or a run past the 64th.
     */
    private int coefficient(HuffmanCodes ac, int k) {
        int symbol = symbol(ac);
        if (symbol < 0) {
            return -1;
        }
        int run = symbol >> 4;
        int size = symbol & 15;
        if (size == 0) {
            if (run != 15) {
                return 64;
            }
            k += 15;
        } else {
            k += run;
            consume(size);
        }
        return k > 63 ? -1 : k + 1;
    }

    /** What {@link #dcDifference} and {@link #coefficients} return for a code no table has or a run past the 64th coefficient. */
    static final int BAD_BLOCK = Integer.MIN_VALUE;

    /** The natural (row-major) position of each coefficient in the order the coded data lists them (T.81 figure A.6). */
    private static final byte[] NATURAL = {
        0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7, 14, 21, 28,
        35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51, 58, 59, 52, 45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55,
        62, 63};

    /**
     * {@link #block} that also decodes the block: writes each nonzero AC coefficient, multiplied by its
     * entry of {@code quantisation}, at its natural position in {@code into} (whose other entries the
     * caller has zeroed), and returns the DC difference, or {@link #BAD_BLOCK} where {@code block}
     * returns false. A decode that needs the DC coefficient alone calls {@link #dcDifference}.
     *
     * @param quantisation 64 steps in natural order
     */
    int coefficients(HuffmanCodes dc, HuffmanCodes ac, int[] quantisation, int[] into) {
        int difference = dcDifference(dc);
        if (difference == BAD_BLOCK) {
            return BAD_BLOCK;
        }
        for (int k = 1; k < 64; k++) {
            if (available < 32) {
                fill();
            }
            int symbol = symbol(ac);
            if (symbol < 0) {
                return BAD_BLOCK;
            }
            int run = symbol >> 4;
            int size = symbol & 15;
            if (size == 0) {
                if (run != 15) {
                    return difference;
                }
                k += 15;
            } else {
                k += run;
                if (k > 63) {
                    return BAD_BLOCK;
                }
                int at = NATURAL[k];
                into[at] = receive(size) * quantisation[at];
            }
            if (k > 63) {
                return BAD_BLOCK;
            }
        }
        return difference;
    }

    /** The natural (row-major) position of the {@code k}th coefficient in coded order, 0 to 63. */
    static int naturalPosition(int k) {
        return NATURAL[k];
    }

    /** A DC difference alone (a progressive scan's first DC pass): one code of {@code dc} and its extra bits, or {@link #BAD_BLOCK}. */
    int dcDifferenceAlone(HuffmanCodes dc) {
        if (available < 32) {
            fill();
        }
        int size = symbol(dc);
        return size < 0 || size > 16 ? BAD_BLOCK : receive(size);
    }

    /** The next symbol of {@code table}, or -1 when the next 16 bits start no code of it. */
    int nextSymbol(HuffmanCodes table) {
        if (available < 32) {
            fill();
        }
        return symbol(table);
    }

    /** The next {@code count} bits (0 to 16) as an unsigned value. */
    int bits(int count) {
        if (count == 0) {
            return 0;
        }
        if (available < 32) {
            fill();
        }
        int value = (int) (buffer >>> (64 - count));
        consume(count);
        return value;
    }

    /** The next {@code size} bits (0 to 16, available) as a signed value (T.81 F.2.2.1, EXTEND). */
    private int receive(int size) {
        if (size == 0) {
            return 0;
        }
        int value = (int) (buffer >>> (64 - size));
        consume(size);
        return value < 1 << (size - 1) ? value - (1 << size) + 1 : value;
    }

    /** The next symbol of {@code table}, or -1 when the next 16 bits start no code of it; 16 bits must be available. */
    private int symbol(HuffmanCodes table) {
        int entry = table.fast[(int) (buffer >>> (64 - HuffmanCodes.LOOKAHEAD))];
        if (entry != 0) {
            consume(entry >> 8);
            return entry & 0xFF;
        }
        int length = HuffmanCodes.LOOKAHEAD + 1;
        int code = (int) (buffer >>> (64 - length));
        while (code > table.maxCode[length]) {
            length++;
            code = (int) (buffer >>> (64 - length));
        }
        if (length > 16) {
            return -1;
        }
        consume(length);
        return table.symbols[table.offset[length] + code];
    }

    private void consume(int count) {
        buffer <<= count;
        available -= count;
    }

    /**
     * Tops the buffer up to at least 56 bits: eight bytes at once where none of them is FF (the bits
     * past the count are those of the next bytes, which the next top-up writes again), byte by byte
     * near an FF and past the segment's end.
     */
    private void fill() {
        if (next + 8 <= clean) {
            buffer |= (long) BIG_ENDIAN.get(bytes, base + next) >>> available;
            next += (63 - available) >>> 3;
            available |= 56;
        } else {
            fillBytes();
            if (next > clean) {
                clean = nextFf(next);
            }
        }
    }

    /** Where the first FF byte at or after {@code from} is, or {@code limit}: eight bytes per step. */
    private int nextFf(int from) {
        int at = from;
        while (at + 8 <= limit) {
            long inverted = ~(long) LITTLE_ENDIAN.get(bytes, base + at);
            // A zero byte of the inverse is an FF; borrows run towards later bytes, so the first flag is exact.
            long zeros = (inverted - 0x0101010101010101L) & ~inverted & 0x8080808080808080L;
            if (zeros != 0) {
                return at + (Long.numberOfTrailingZeros(zeros) >>> 3);
            }
            at += 8;
        }
        while (at < limit && bytes[base + at] != (byte) 0xFF) {
            at++;
        }
        return at;
    }

    /** Tops the buffer up to at least 57 bits, with zeros once the segment has ended. */
    private void fillBytes() {
        while (available <= 56) {
            int value = 0;
            if (marker >= 0) {
                padding += 8;
            } else if (next >= limit) {
                marker = limit;
                continue;
            } else {
                value = bytes[base + next] & 0xFF;
                if (value == 0xFF) {
                    int after = next + 1;
                    while (after < limit && bytes[base + after] == (byte) 0xFF) {
                        after++;
                    }
                    if (after < limit && bytes[base + after] == 0) {
                        next = after + 1;
                    } else {
                        marker = next;
                        continue;
                    }
                } else {
                    next++;
                }
            }
            buffer |= (long) value << (56 - available);
            available += 8;
        }
    }

    /**
     * Ends a restart interval: what is left of the current byte is padding, and the restart marker
     * {@code expected} must come next; reading goes on after it.
     */
    void restart(int expected, int sos) throws DecodeException {
        int found = endOfSegment(sos);
        if (found >= data.limit() - 1 || (data.get(found + 1) & 0xFF) != expected) {
            throw corrupt("the scan at byte " + sos + " lacks its restart marker FF" + hex(expected) + " at byte "
                    + found + (found < data.limit() - 1 ? " (FF" + hex(data.get(found + 1) & 0xFF) + " is there)" : ""));
        }
        start(found + 2);
    }

    /** Ends the scan: what is left of the current byte is padding; returns where the next marker starts. */
    int finish(int sos) throws DecodeException {
        int found = endOfSegment(sos);
        int code = found < data.limit() - 1 ? data.get(found + 1) & 0xFF : -1;
        if (code >= 0xD0 && code <= 0xD7) {
            throw corrupt("the scan at byte " + sos + " has a restart marker at byte " + found + " after its last MCU");
        }
        return found;
    }

    private int endOfSegment(int sos) throws DecodeException {
        if (marker < 0) {
            fillBytes();
        }
        int unread = (available - padding) / 8;
        if (marker < 0 || unread > 0) {
            int at = marker;
            if (at < 0) {
                at = next;
                while (at + 1 < data.limit() && !(data.get(at) == (byte) 0xFF && data.get(at + 1) != 0
                        && data.get(at + 1) != (byte) 0xFF)) {
                    at++;
                }
            }
            int extra = unread + (marker < 0 ? at - next : 0);
            throw corrupt("the scan at byte " + sos + " has " + extra + " bytes of coded data after its "
                    + "last block, before the marker at byte " + at + " (libjpeg's \"extraneous bytes before marker\")");
        }
        return marker;
    }

    private static String hex(int code) {
        return String.format("%02X", code);
    }
}
