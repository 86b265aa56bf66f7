package dev.sluice.core.shard;

import dev.sluice.api.spi.MessageValues;
import dev.sluice.api.spi.RegularFiles;
import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads the regular files of a tar archive in order, one header at a time, never the whole
 * archive: POSIX ustar (name and prefix), GNU long names ({@code L} entries) and base-256 sizes,
 * and pax extended headers ({@code x} for the next entry, {@code g} for all that follow;
 * {@code path} and {@code size} are honoured). Directories, links, devices and other entry types
 * are stepped over.
 *
 * <p>The archive must end with the end-of-archive marker (a zero block), as every tar writer
 * writes it: an archive that stops at a header boundary without it is reported as truncated,
 * because that is what a copy cut short looks like. Every problem is a {@link ShardException}
 * naming the shard, the member it concerns and the byte offset.
 *
 * <p>Not thread-safe: one reader belongs to one stream.
 */
final class TarReader implements Closeable {
    /** Member data is read into one array. */
    static final long MAX_MEMBER_BYTES = Integer.MAX_VALUE - 8;
    /** The buffer a member's data is first read into; it grows as the data turns out to be there. */
    static final int FIRST_CHUNK = 1 << 20;

    private final String shard;
    private final TarInput input;
    private final byte[] block = new byte[TarHeaders.BLOCK];
    private final Map<String, String> globalPax = new HashMap<>();
    /** The entry whose data comes next, or null once it has been read or skipped. */
    private TarEntry current;
    /** The name of the last entry returned, for messages about what follows it. */
    private String lastName;
    private boolean ended;

    /**
     * Opens {@code file} and positions the reader at {@code offset}, which must be where an entry's
     * headers begin (0 for the first).
     *
     * @param name the shard's name for messages
     * @throws ShardException if the file does not exist, cannot be opened, or is shorter than {@code offset}
     */
    static TarReader open(Path file, String name, long offset) {
        SeekableByteChannel channel;
        try {
            // Checked before opening: a FIFO named like a shard would block the open for ever.
            RegularFiles.requireRegular(file);
            channel = Files.newByteChannel(file);
        } catch (NoSuchFileException e) {
            throw new ShardException(name, null, -1, "no such file", e);
        } catch (IOException e) {
            throw new ShardException(name, null, -1, "cannot be opened: " + MessageValues.reason(e), e);
        }
        try {
            return new TarReader(name, new TarInput(channel, offset));
        } catch (IOException e) {
            try {
                channel.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new ShardException(name, null, offset, "cannot be read from this offset: " + e.getMessage(), e);
        }
    }

    /**
     * @param shard the shard's name for messages
     * @param input positioned at a header boundary
     */
    TarReader(String shard, TarInput input) {
        this.shard = shard;
        this.input = input;
    }

    /** The offset at which the next entry's headers begin, once the current entry's data is consumed. */
    long offset() throws IOException {
        finishCurrent();
        return input.offset();
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
        if (ended) {
            return null;
        }
        Map<String, String> pax = null;
        String longName = null;
        long headerOffset = input.offset();
        while (true) {
            long at = input.offset();
            int read = input.read(block, 0, TarHeaders.BLOCK);
            if (read == 0 && at == 0) {
                throw fail(null, at, "an empty file, not a tar archive");
            }
            if (read < TarHeaders.BLOCK) {
                throw fail(after(), at, read == 0
                        ? "truncated: the archive ends without its end-of-archive marker"
                        : "truncated: the archive ends inside a header block");
            }
            if (TarHeaders.isZero(block)) {
                if (pax != null || longName != null) {
                    throw fail(after(), at, "corrupt: an extended header is followed by the end-of-archive marker");
                }
                ended = true;
                return null;
            }
            if (!TarHeaders.checksumMatches(block)) {
                throw fail(after(), at, at == 0 && !TarHeaders.hasUstarMagic(block)
                        ? "not a tar archive (the first block is not a tar header)"
                        : "corrupt: header checksum mismatch");
            }
            byte type = block[TarHeaders.TYPE];
            String headerName = headerName();
            long size;
            try {
                size = TarHeaders.number(block, TarHeaders.SIZE, TarHeaders.SIZE_LENGTH);
            } catch (NumberFormatException e) {
                throw fail(headerName, at, "corrupt: size field: " + e.getMessage());
            }
            long dataOffset = input.offset();
            if (type == TarHeaders.PAX_NEXT || type == TarHeaders.PAX_GLOBAL) {
                byte[] records = readSmall(headerName, at, size, "pax header");
                Map<String, String> target = type == TarHeaders.PAX_GLOBAL ? globalPax
                        : pax != null ? pax : new HashMap<>(globalPax);
                try {
                    TarHeaders.paxRecords(records, target);
                } catch (IllegalArgumentException e) {
                    throw fail(headerName, at, "corrupt pax header: " + e.getMessage());
                }
                if (type == TarHeaders.PAX_NEXT) {
                    pax = target;
                }
                continue;
            }
            if (type == TarHeaders.GNU_LONG_NAME || type == TarHeaders.GNU_LONG_LINK) {
                byte[] text = readSmall(headerName, at, size, "GNU long name");
                if (type == TarHeaders.GNU_LONG_NAME) {
                    int end = 0;
                    while (end < text.length && text[end] != 0) {
                        end++;
                    }
                    longName = new String(text, 0, end, StandardCharsets.UTF_8);
                }
                continue;
            }
            Map<String, String> effective = pax != null ? pax : globalPax;
            String name = effective.containsKey("path") ? effective.get("path")
                    : longName != null ? longName : headerName;
            if (effective.containsKey("size")) {
                try {
                    size = Long.parseLong(effective.get("size"));
                } catch (NumberFormatException e) {
                    throw fail(name, at, "corrupt pax header: size '" + MessageValues.shorten(effective.get("size"), 40)
                            + "' is not a number");
                }
            }
            if (size < 0) {
                throw fail(name, at, "corrupt: negative size " + size);
            }
            if (effective.containsKey("GNU.sparse.major") || effective.containsKey("GNU.sparse.map")
                    || type == 'S') {
                throw fail(name, at, "sparse members are not supported");
            }
            lastName = name;
            TarEntry entry = new TarEntry(name, size, headerOffset, dataOffset);
            if (type == TarHeaders.REGULAR || type == TarHeaders.REGULAR_OLD || type == TarHeaders.CONTIGUOUS) {
                current = entry;
                return entry;
            }
            // A directory, link, device or FIFO: no sample data; step over whatever data it declares.
            skip(name, at, size + TarHeaders.padding(size));
            pax = null;
            longName = null;
            headerOffset = input.offset();
        }
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
        if (entry.size() > MAX_MEMBER_BYTES) {
            throw fail(entry.name(), entry.headerOffset(), "the member is " + entry.size()
                    + " bytes; members of up to " + MAX_MEMBER_BYTES + " bytes can be read");
        }
        byte[] data = readGrowing(entry);
        current = null;
        skip(entry.name(), entry.headerOffset(), TarHeaders.padding(entry.size()));
        return data;
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
            int read = input.read(data, filled, data.length - filled);
            filled += read;
            if (filled < data.length) {
                throw fail(entry.name(), entry.headerOffset(), "truncated: the archive ends " + filled + " bytes into "
                        + "the member's " + size + " data bytes");
            }
            if (filled == size) {
                return data;
            }
            data = Arrays.copyOf(data, (int) Math.min(size, 2L * data.length));
        }
    }

    private void finishCurrent() throws IOException {
        if (current != null) {
            TarEntry entry = current;
            current = null;
            skip(entry.name(), entry.headerOffset(), entry.size() + TarHeaders.padding(entry.size()));
        }
    }

    private byte[] readSmall(String name, long at, long size, String what) throws IOException {
        if (size > (1 << 20)) {
            throw fail(name, at, "corrupt: a " + what + " of " + size + " bytes");
        }
        byte[] data = new byte[(int) size];
        if (input.read(data, 0, data.length) < data.length) {
            throw fail(name, at, "truncated: the archive ends inside a " + what);
        }
        skip(name, at, TarHeaders.padding(size));
        return data;
    }

    private void skip(String name, long at, long count) throws IOException {
        if (input.skip(count) < count) {
            throw fail(name, at, "truncated: the archive ends inside the member's data");
        }
    }

    private String headerName() {
        String name = TarHeaders.text(block, TarHeaders.NAME, TarHeaders.NAME_LENGTH);
        if (TarHeaders.isPosixUstar(block)) {
            String prefix = TarHeaders.text(block, TarHeaders.PREFIX, TarHeaders.PREFIX_LENGTH);
            if (!prefix.isEmpty()) {
                return prefix + "/" + name;
            }
        }
        return name;
    }

    private String after() {
        return lastName == null ? null : "after member " + lastName;
    }

    private ShardException fail(String member, long offset, String reason) {
        return new ShardException(shard, member, offset, reason, null);
    }

    @Override
    public void close() throws IOException {
        input.close();
    }
}
