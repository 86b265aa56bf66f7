package dev.sluice.core.shard;

import dev.sluice.api.spi.MessageValues;
import dev.sluice.api.spi.RegularFiles;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Reads the regular files of a tar archive in order, one header at a time, never the whole
 * archive, through Commons Compress's {@link TarArchiveInputStream}: POSIX ustar, GNU long names
 * and base-256 sizes, pax extended headers (per entry and global). Directories, links, devices and
 * other entry types are stepped over; sparse members are refused.
 *
 * <p>What this class adds is the shard's rules: the archive must end with the end-of-archive
 * marker (a zero block), as every tar writer writes it, so that an archive that stops at a header
 * boundary is reported as truncated, because that is what a copy cut short looks like; a header
 * whose checksum does not match is an error, not a member; one member's headers (extended ones
 * included) may take at most {@link #MAX_HEADER_BYTES}; member data is read into memory only as it
 * arrives. Every problem is a {@link ShardException} naming the shard, the member it concerns (or
 * the one before it) and the byte offset where that member's headers begin.
 *
 * <p>Not thread-safe: one reader belongs to one stream.
 */
final class TarReader implements Closeable {
    /** Member data is read into one array. */
    static final long MAX_MEMBER_BYTES = Integer.MAX_VALUE - 8;
    /** The buffer a member's data is first read into; it grows as the data turns out to be there. */
    static final int FIRST_CHUNK = 1 << 20;
    /** The most bytes one member's headers may take: its own block and its pax and GNU long-name entries. */
    static final int MAX_HEADER_BYTES = 1 << 20;
    private static final int BLOCK = TarConstants.DEFAULT_RCDSIZE;

    private final String shard;
    private final CountingInput input;
    private final TarArchiveInputStream tar;
    /** The entry whose data comes next, or null once it has been read or skipped. */
    private TarEntry current;
    /** Where the next entry's headers begin. */
    private long nextHeader;
    /** The name of the last entry returned, for messages about what follows it. */
    private String lastName;
    private boolean ended;

    /**
     * Opens {@code file} at its start.
     *
     * @param name the shard's name for messages
     * @throws ShardException if the file does not exist or cannot be opened
     */
    static TarReader open(Path file, String name) {
        InputStream in;
        try {
            // Checked before opening: a FIFO named like a shard would block the open for ever.
            RegularFiles.requireRegular(file);
            in = Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new ShardException(name, null, -1, "no such file", e);
        } catch (IOException e) {
            throw new ShardException(name, null, -1, "cannot be opened: " + MessageValues.reason(e), e);
        }
        return new TarReader(name, new BufferedInputStream(in, 1 << 16));
    }

    /**
     * @param shard the shard's name for messages
     * @param in the archive from its first byte; closed by {@link #close()}
     */
    TarReader(String shard, InputStream in) {
        this.shard = shard;
        this.input = new CountingInput(in);
        this.tar = new TarArchiveInputStream(input, TarConstants.DEFAULT_BLKSIZE, BLOCK, "UTF-8");
    }

    /** The offset at which the next entry's headers begin, once the current entry's data is consumed. */
    long offset() throws IOException {
        finishCurrent();
        return nextHeader;
    }

    /**
     * The next regular file, or null at the end of the archive. The previous entry's data, if not
     * read, is skipped.
     *
     * @throws ShardException if the archive is truncated or corrupt
     * @throws IOException if the file cannot be read
     */
    TarEntry next() throws IOException {
        finishCurrent();
        while (!ended) {
            long at = nextHeader;
            TarArchiveEntry entry = nextHeaders(at);
            if (entry == null) {
                return null;
            }
            long dataOffset = input.count();
            long size = entry.getSize();
            nextHeader = dataOffset + size + padding(size);
            byte type = entry.getLinkFlag();
            if (type == TarConstants.LF_NORMAL || type == TarConstants.LF_OLDNORM || type == TarConstants.LF_CONTIG) {
                lastName = entry.getName();
                current = new TarEntry(entry.getName(), size, at, dataOffset);
                return current;
            }
            // A directory, link, device or FIFO: no sample data; its data, if it declares any, is skipped.
            if (entry.isDirectory() && size > 0) {
                // TarArchiveInputStream does not step over a directory's data: it would read it as headers.
                throw fail(entry.getName(), at, "corrupt: a directory entry with " + size + " data bytes");
            }
            skipData(entry.getName(), at, size);
        }
        return null;
    }

    /** The next entry's headers, read within the budget; null at the end-of-archive marker. */
    private TarArchiveEntry nextHeaders(long at) throws IOException {
        TarArchiveEntry entry;
        input.limitTo(at + MAX_HEADER_BYTES);
        try {
            entry = tar.getNextEntry();
        } catch (CountingInput.OverBudgetException e) {
            throw fail(after(), at, "corrupt: the member's headers take more than " + MAX_HEADER_BYTES + " bytes");
        } catch (IOException e) {
            if (input.atEnd()) {
                throw fail(after(), at, "truncated: the archive ends inside a header");
            }
            throw fail(after(), at, at == 0 && input.count() <= BLOCK ? "not a tar archive (the first block is not a "
                    + "tar header)" : "corrupt: " + reason(e));
        } finally {
            input.limitTo(Long.MAX_VALUE);
        }
        long read = input.count() - at;
        if (entry == null) {
            if (read >= BLOCK) {
                ended = true;
                return null;
            }
            throw fail(after(), at, at == 0 && read == 0 ? "an empty file, not a tar archive"
                    : read == 0 ? "truncated: the archive ends without its end-of-archive marker"
                            : "truncated: the archive ends inside a header block");
        }
        if (!entry.isCheckSumOK()) {
            throw fail(after(), at, at == 0 && read == BLOCK ? "not a tar archive (the first block is not a tar header)"
                    : "corrupt: header checksum mismatch");
        }
        if (entry.isSparse()) {
            throw fail(entry.getName(), at, "sparse members are not supported");
        }
        return entry;
    }

    /**
     * The data of the entry {@link #next()} just returned.
     *
     * @throws ShardException if the archive ends inside the data, or the member is too large
     * @throws IllegalStateException if there is no current entry or its data was already read
     */
    byte[] readData() throws IOException {
        if (current == null) {
            throw new IllegalStateException("no current entry");
        }
        TarEntry entry = current;
        current = null;
        if (entry.size() > MAX_MEMBER_BYTES) {
            throw fail(entry.name(), entry.headerOffset(), "the member is " + entry.size()
                    + " bytes; members of up to " + MAX_MEMBER_BYTES + " bytes can be read");
        }
        return readGrowing(entry);
    }

    /**
     * The entry's data, read into a buffer that grows (doubling from {@link #FIRST_CHUNK}) only as the
     * bytes arrive: a 20 KB shard whose header claims 1.9 GB fails at its real end having allocated
     * about twice what it holds, never the claimed size.
     */
    private byte[] readGrowing(TarEntry entry) throws IOException {
        int size = (int) entry.size();
        byte[] data = new byte[Math.min(size, FIRST_CHUNK)];
        int filled = 0;
        while (true) {
            filled += readFully(entry, data, filled, data.length - filled);
            if (filled == size) {
                return data;
            }
            data = Arrays.copyOf(data, (int) Math.min(size, 2L * data.length));
        }
    }

    /** Reads exactly {@code length} bytes of the entry's data, or fails naming how far the archive goes. */
    private int readFully(TarEntry entry, byte[] target, int offset, int length) throws IOException {
        int done = 0;
        try {
            while (done < length) {
                int read = tar.read(target, offset + done, length - done);
                if (read < 0) {
                    break;
                }
                done += read;
            }
        } catch (IOException e) {
            if (!input.atEnd()) {
                throw e;
            }
        }
        if (done < length) {
            throw fail(entry.name(), entry.headerOffset(), "truncated: the archive ends "
                    + (input.count() - entry.dataOffset()) + " bytes into the member's " + entry.size() + " data bytes");
        }
        return done;
    }

    private void finishCurrent() throws IOException {
        if (current != null) {
            TarEntry entry = current;
            current = null;
            skipData(entry.name(), entry.headerOffset(), entry.size());
        }
    }

    /** Steps over what is left of the current entry's data. */
    private void skipData(String name, long at, long size) throws IOException {
        try {
            tar.skip(size);
        } catch (IOException e) {
            if (!input.atEnd()) {
                throw e;
            }
        }
        if (input.atEnd() && input.count() < nextHeader) {
            throw fail(name, at, "truncated: the archive ends inside the member's data");
        }
    }

    private static long padding(long size) {
        long rest = size % BLOCK;
        return rest == 0 ? 0 : BLOCK - rest;
    }

    private static String reason(IOException e) {
        Throwable cause = e.getCause();
        return cause != null && cause.getMessage() != null ? e.getMessage() + ": " + cause.getMessage()
                : e.getMessage();
    }

    private String after() {
        return lastName == null ? null : "after member " + lastName;
    }

    private ShardException fail(String member, long offset, String reason) {
        return new ShardException(shard, member, offset, reason, null);
    }

    @Override
    public void close() throws IOException {
        tar.close();
    }
}
