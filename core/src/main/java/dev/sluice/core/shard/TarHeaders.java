package dev.sluice.core.shard;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The fields of a 512-byte tar header block (POSIX ustar, with the GNU and pax extensions a reader
 * meets) and the records of a pax extended header. Writing uses the same layout.
 */
final class TarHeaders {
    static final int BLOCK = 512;
    static final int NAME = 0;
    static final int NAME_LENGTH = 100;
    static final int MODE = 100;
    static final int UID = 108;
    static final int GID = 116;
    static final int SIZE = 124;
    static final int SIZE_LENGTH = 12;
    static final int MTIME = 136;
    static final int CHECKSUM = 148;
    static final int CHECKSUM_LENGTH = 8;
    static final int TYPE = 156;
    static final int MAGIC = 257;
    static final int UNAME = 265;
    static final int GNAME = 297;
    static final int PREFIX = 345;
    static final int PREFIX_LENGTH = 155;

    static final byte REGULAR = '0';
    static final byte REGULAR_OLD = 0;
    static final byte CONTIGUOUS = '7';
    static final byte PAX_NEXT = 'x';
    static final byte PAX_GLOBAL = 'g';
    static final byte GNU_LONG_NAME = 'L';
    static final byte GNU_LONG_LINK = 'K';

    private TarHeaders() {
    }

    /** Whether every byte of the block is zero: the end-of-archive marker. */
    static boolean isZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the stored checksum matches the block. The sum is over unsigned bytes, with the
     * checksum field counted as spaces; some old writers summed signed bytes, which is accepted too.
     */
    static boolean checksumMatches(byte[] block) {
        long stored;
        try {
            stored = number(block, CHECKSUM, CHECKSUM_LENGTH);
        } catch (NumberFormatException e) {
            return false;
        }
        return stored == checksum(block, false) || stored == checksum(block, true);
    }

    static long checksum(byte[] block, boolean signed) {
        long sum = 0;
        for (int i = 0; i < BLOCK; i++) {
            byte b = i >= CHECKSUM && i < CHECKSUM + CHECKSUM_LENGTH ? (byte) ' ' : block[i];
            sum += signed ? b : b & 0xFF;
        }
        return sum;
    }

    /**
     * A numeric field: octal digits, optionally surrounded by spaces and ended by a space or NUL, or
     * GNU's base-256 form (first byte 0x80 for a positive number, the rest big-endian).
     *
     * @throws NumberFormatException naming the text when it is neither
     */
    static long number(byte[] block, int offset, int length) {
        if ((block[offset] & 0xFF) == 0x80) {
            long value = 0;
            for (int i = offset + 1; i < offset + length; i++) {
                if ((value >>> 55) != 0) {
                    throw new NumberFormatException("base-256 number too large");
                }
                value = (value << 8) | (block[i] & 0xFF);
            }
            return value;
        }
        if ((block[offset] & 0xFF) == 0xFF) {
            throw new NumberFormatException("negative base-256 number");
        }
        int i = offset;
        int end = offset + length;
        while (i < end && block[i] == ' ') {
            i++;
        }
        long value = 0;
        int digits = 0;
        for (; i < end && block[i] >= '0' && block[i] <= '7'; i++) {
            value = value * 8 + (block[i] - '0');
            digits++;
        }
        for (; i < end; i++) {
            if (block[i] != ' ' && block[i] != 0) {
                throw new NumberFormatException("'" + text(block, offset, length) + "' is not an octal number");
            }
        }
        if (digits == 0 && block[offset] != 0 && block[offset] != ' ') {
            throw new NumberFormatException("'" + text(block, offset, length) + "' is not an octal number");
        }
        return value;
    }

    /** A NUL-terminated text field, as UTF-8. */
    static String text(byte[] block, int offset, int length) {
        int end = offset;
        while (end < offset + length && block[end] != 0) {
            end++;
        }
        return new String(block, offset, end - offset, StandardCharsets.UTF_8);
    }

    /** Whether the block has POSIX ustar's magic ("ustar" NUL), whose prefix field extends the name. */
    static boolean isPosixUstar(byte[] block) {
        return block[MAGIC] == 'u' && block[MAGIC + 1] == 's' && block[MAGIC + 2] == 't' && block[MAGIC + 3] == 'a'
                && block[MAGIC + 4] == 'r' && block[MAGIC + 5] == 0;
    }

    /** Whether the block has any ustar magic: POSIX's, or GNU's ("ustar  " NUL). */
    static boolean hasUstarMagic(byte[] block) {
        return block[MAGIC] == 'u' && block[MAGIC + 1] == 's' && block[MAGIC + 2] == 't' && block[MAGIC + 3] == 'a'
                && block[MAGIC + 4] == 'r';
    }

    /**
     * Reads pax records ({@code "<length> <key>=<value>\n"}, length counting the whole record) into
     * {@code into}; an empty value removes the key.
     *
     * @throws IllegalArgumentException saying what is wrong with a malformed record
     */
    static void paxRecords(byte[] data, Map<String, String> into) {
        int i = 0;
        while (i < data.length) {
            if (data[i] == 0) {
                // Some writers pad the records with NULs.
                return;
            }
            int space = i;
            long length = 0;
            while (space < data.length && data[space] >= '0' && data[space] <= '9') {
                length = length * 10 + (data[space] - '0');
                if (length > data.length) {
                    throw new IllegalArgumentException("pax record at byte " + i + " claims " + length
                            + " bytes, more than the header holds");
                }
                space++;
            }
            if (space == i || space >= data.length || data[space] != ' ') {
                throw new IllegalArgumentException("pax record at byte " + i + " does not start with '<length> '");
            }
            int end = i + (int) length;
            if (end > data.length || end <= space + 1 || data[end - 1] != '\n') {
                throw new IllegalArgumentException("pax record at byte " + i + " does not end with a newline where its "
                        + "length says");
            }
            int equals = space + 1;
            while (equals < end && data[equals] != '=') {
                equals++;
            }
            if (equals == end) {
                throw new IllegalArgumentException("pax record at byte " + i + " has no '='");
            }
            String key = new String(data, space + 1, equals - space - 1, StandardCharsets.UTF_8);
            String value = new String(data, equals + 1, end - 1 - equals - 1, StandardCharsets.UTF_8);
            if (value.isEmpty()) {
                into.remove(key);
            } else {
                into.put(key, value);
            }
            i = end;
        }
    }

    /** The padding after {@code size} data bytes up to the next block boundary. */
    static long padding(long size) {
        long rest = size % BLOCK;
        return rest == 0 ? 0 : BLOCK - rest;
    }
}
