package dev.sluice.core.shard;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Writes regular files into a tar archive through Commons Compress's {@link TarArchiveOutputStream}:
 * POSIX ustar headers (mode 0644, owner and group 0 with empty names, one fixed modification time),
 * and a name of 100 bytes or more, or not ASCII, carried in a pax {@code path} record. Closing
 * writes the two zero blocks that end an archive and pads it to a whole 10240-byte record, as GNU
 * tar and Python's {@code tarfile} do. The same members and time give the same bytes, whoever
 * writes them: this class writes the pax header entries itself, as Commons Compress would put the
 * writing user's name in them. Not thread-safe.
 */
final class TarWriter implements Closeable {
    /** The bytes of one header block. */
    static final int BLOCK = TarConstants.DEFAULT_RCDSIZE;
    /** GNU tar's and Python's default blocking: 20 blocks per record. */
    static final int RECORD = TarConstants.DEFAULT_BLKSIZE;

    private final TarArchiveOutputStream out;
    private final long mtimeSeconds;

    /**
     * @param out where the archive goes; closed by {@link #close()}
     * @param mtimeSeconds the modification time of every member, seconds since 1970
     */
    TarWriter(OutputStream out, long mtimeSeconds) {
        this.out = new TarArchiveOutputStream(out, RECORD, StandardCharsets.UTF_8.name());
        this.mtimeSeconds = mtimeSeconds;
    }

    /** Bytes written so far. */
    long written() {
        return out.getBytesWritten();
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
        // A byte array is below ustar's 8 GiB size limit, so only the name can need a pax record.
        boolean paxPath = utf8.length >= TarConstants.NAMELEN || utf8.length != name.length();
        if (paxPath) {
            byte[] pax = paxRecord("path", name);
            put(entry("././@PaxHeader", TarConstants.LF_PAX_EXTENDED_HEADER_LC, pax.length), pax);
        }
        put(entry(paxPath ? asciiFallback(name) : name, TarConstants.LF_NORMAL, data.length), data);
    }

    /**
     * A name for the ustar field when the real one is in a pax record: ASCII, cut to fit, and not
     * ending with '/', which would make the entry a directory.
     */
    private static String asciiFallback(String name) {
        StringBuilder ascii = new StringBuilder();
        for (int i = 0; i < name.length() && ascii.length() < TarConstants.NAMELEN - 1; i++) {
            char c = name.charAt(i);
            ascii.append(c < 0x80 ? c : '_');
        }
        if (ascii.charAt(ascii.length() - 1) == '/') {
            ascii.setCharAt(ascii.length() - 1, '_');
        }
        return ascii.toString();
    }

    private TarArchiveEntry entry(String name, byte type, long size) {
        TarArchiveEntry entry = new TarArchiveEntry(name, type);
        entry.setMode(0644);
        entry.setIds(0, 0);
        entry.setNames("", "");
        entry.setModTime(mtimeSeconds * 1000);
        entry.setSize(size);
        return entry;
    }

    private void put(TarArchiveEntry entry, byte[] data) throws IOException {
        out.putArchiveEntry(entry);
        out.write(data);
        out.closeArchiveEntry();
    }

    /** One pax record, {@code "<length> <key>=<value>\n"}; its length counts itself, so it is found by trying. */
    private static byte[] paxRecord(String key, String value) {
        int body = (" " + key + "=" + value + "\n").getBytes(StandardCharsets.UTF_8).length;
        int length = body + Integer.toString(body).length();
        if (Integer.toString(length).length() != Integer.toString(body).length()) {
            length = body + Integer.toString(length).length();
        }
        return (length + " " + key + "=" + value + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Writes the end-of-archive marker and the record padding, then closes the stream. Idempotent. */
    @Override
    public void close() throws IOException {
        out.close();
    }
}
