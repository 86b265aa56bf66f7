package dev.sluice.core.shard;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes regular files into a tar archive: POSIX ustar headers (mode 0644, owner and group 0,
 * one fixed modification time), and a name longer than ustar's 100 + 155 bytes or not ASCII carried
 * in a pax {@code path} record. Closing
 * writes the two zero blocks that end an archive and pads it to a whole 10240-byte record, as GNU
 * tar and Python's {@code tarfile} do. Not thread-safe.
 */
final class TarWriter implements Closeable {
    /** GNU tar's and Python's default blocking: 20 blocks per record. */
    static final int RECORD = 20 * TarHeaders.BLOCK;
    private static final byte[] ZEROS = new byte[TarHeaders.BLOCK];

    private final OutputStream out;
    private final long mtimeSeconds;
    private long written;
    private boolean closed;

    /**
     * @param out where the archive goes; closed by {@link #close()}
     * @param mtimeSeconds the modification time of every member, seconds since 1970
     */
    TarWriter(OutputStream out, long mtimeSeconds) {
        this.out = out;
        this.mtimeSeconds = mtimeSeconds;
    }

    /** Bytes written so far. */
    long written() {
        return written;
    }

    /**
     * Adds a regular file.
     *
     * @param name the member's name, relative, '/'-separated
     * @throws IllegalArgumentException if the name is empty, absolute or contains NUL
     */
    void add(String name, byte[] data) throws IOException {
        if (name.isEmpty() || name.startsWith("/") || name.indexOf(0) >= 0) {
            throw new IllegalArgumentException("a member name must be relative, not empty, without NUL; was '"
                    + name + "'");
        }
        byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
        int split = ustarSplit(utf8);
        boolean paxPath = split == -2 || !isAscii(utf8);
        // A byte array is below ustar's 8 GiB size limit, so only the name can need a pax record.
        if (paxPath) {
            byte[] pax = paxRecord("path", name).getBytes(StandardCharsets.UTF_8);
            writeHeader(asciiFallback("././@PaxHeader"), -1, pax.length, TarHeaders.PAX_NEXT);
            writeData(pax);
        }
        writeHeader(paxPath ? asciiFallback(name) : name, paxPath ? -1 : split, data.length, TarHeaders.REGULAR);
        writeData(data);
    }

    /**
     * Where to cut a long name into ustar's prefix and name: -1 when it fits the name field alone,
     * the index of the '/' to cut at, or -2 when no cut fits.
     */
    private static int ustarSplit(byte[] utf8) {
        if (utf8.length <= TarHeaders.NAME_LENGTH) {
            return -1;
        }
        for (int i = Math.min(utf8.length - 1, TarHeaders.PREFIX_LENGTH); i > 0; i--) {
            if (utf8[i] == '/' && utf8.length - i - 1 <= TarHeaders.NAME_LENGTH && utf8.length - i - 1 > 0) {
                return i;
            }
        }
        return -2;
    }

    /** A name for the ustar field when the real one is in a pax record: ASCII, cut to fit. */
    private static String asciiFallback(String name) {
        StringBuilder ascii = new StringBuilder();
        for (int i = 0; i < name.length() && ascii.length() < TarHeaders.NAME_LENGTH; i++) {
            char c = name.charAt(i);
            ascii.append(c < 0x80 && c != 0 ? c : '_');
        }
        return ascii.toString();
    }

    private static boolean isAscii(byte[] utf8) {
        for (byte b : utf8) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    /** One pax record; its length field counts itself, so it is found by trying. */
    private static String paxRecord(String key, String value) {
        int body = (" " + key + "=" + value + "\n").getBytes(StandardCharsets.UTF_8).length;
        int length = body + Integer.toString(body).length();
        if (Integer.toString(length).length() != Integer.toString(body).length()) {
            length = body + Integer.toString(length).length();
        }
        return length + " " + key + "=" + value + "\n";
    }

    private void writeHeader(String name, int split, long size, byte type) throws IOException {
        byte[] block = new byte[TarHeaders.BLOCK];
        byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
        if (split >= 0) {
            System.arraycopy(utf8, 0, block, TarHeaders.PREFIX, split);
            System.arraycopy(utf8, split + 1, block, TarHeaders.NAME, utf8.length - split - 1);
        } else {
            System.arraycopy(utf8, 0, block, TarHeaders.NAME, Math.min(utf8.length, TarHeaders.NAME_LENGTH));
        }
        octal(block, TarHeaders.MODE, 8, 0644);
        octal(block, TarHeaders.UID, 8, 0);
        octal(block, TarHeaders.GID, 8, 0);
        octal(block, TarHeaders.SIZE, TarHeaders.SIZE_LENGTH, size);
        octal(block, TarHeaders.MTIME, 12, mtimeSeconds);
        block[TarHeaders.TYPE] = type;
        byte[] magic = {'u', 's', 't', 'a', 'r', 0, '0', '0'};
        System.arraycopy(magic, 0, block, TarHeaders.MAGIC, magic.length);
        // The checksum: six octal digits, NUL, space (as GNU tar and Python write it).
        long sum = TarHeaders.checksum(block, false);
        byte[] digits = String.format("%06o", sum).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(digits, 0, block, TarHeaders.CHECKSUM, 6);
        block[TarHeaders.CHECKSUM + 6] = 0;
        block[TarHeaders.CHECKSUM + 7] = ' ';
        out.write(block);
        written += block.length;
    }

    /** {@code length - 1} zero-padded octal digits and a NUL. */
    private static void octal(byte[] block, int offset, int length, long value) {
        String digits = Long.toOctalString(value);
        if (digits.length() > length - 1) {
            throw new IllegalArgumentException(value + " does not fit a " + length + "-byte tar field");
        }
        for (int i = 0; i < length - 1; i++) {
            int from = i - (length - 1 - digits.length());
            block[offset + i] = (byte) (from < 0 ? '0' : digits.charAt(from));
        }
        block[offset + length - 1] = 0;
    }

    private void writeData(byte[] data) throws IOException {
        out.write(data);
        int padding = (int) TarHeaders.padding(data.length);
        out.write(ZEROS, 0, padding);
        written += data.length + padding;
    }

    /** Writes the end-of-archive marker and the record padding, then closes the stream. Idempotent. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try (OutputStream stream = out) {
            long end = written + 2L * TarHeaders.BLOCK;
            long padded = (end + RECORD - 1) / RECORD * RECORD;
            for (long i = written; i < padded; i += TarHeaders.BLOCK) {
                stream.write(ZEROS);
            }
            written = padded;
        }
    }
}
