package dev.sluice.core.shard;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Groups the members of one shard into samples, as WebDataset does: a member's key is its name up
 * to the first dot of its last path segment (folders included), its extension the rest, lower
 * case; consecutive members with the same key form one sample. Members without a key (no dot, or a
 * last segment starting with a dot) are passed over. Two members of one sample with the same
 * extension are an error, as in WebDataset.
 *
 * <p>The reader looks one header ahead to see where a sample ends, so it always knows where the
 * next sample begins: {@link #offset()} and {@link #ordinal()} are the position a stream can be
 * reopened at.
 */
final class SampleReader implements Closeable {
    private static final byte[] NOT_LOADED = {};

    private final String shardName;
    private final int shard;
    private final TarReader tar;
    /** The first member of the next sample, header read, data not; null at the end. */
    private TarEntry ahead;
    /** A failure met looking ahead past a complete sample: thrown by the next call, not lost with that sample. */
    private Exception deferred;
    /** Where the look-ahead that failed began. */
    private long deferredAt;
    private long ordinal;

    /**
     * Opens {@code file} at its start and reads the first sample's first header.
     *
     * @param shardName the shard's name for messages
     * @param shard the shard's index in the dataset's list
     * @throws ShardException if the shard cannot be opened or its first headers are broken
     */
    SampleReader(Path file, String shardName, int shard) {
        this.shardName = shardName;
        this.shard = shard;
        this.tar = TarReader.open(file, shardName);
        try {
            this.ahead = nextKeyed();
        } catch (IOException e) {
            closeAfter(e);
            throw new ShardException(shardName, null, 0, "cannot be read: " + e, e);
        } catch (RuntimeException e) {
            closeAfter(e);
            throw e;
        }
    }

    private void closeAfter(Exception failure) {
        try {
            tar.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    /**
     * The next sample, or null at the end of the shard.
     *
     * @param load whether to read the members' bytes; when false they are stepped over (read and
     *        dropped, never held) and the sample's arrays are empty
     * @throws ShardException if the archive is truncated or corrupt, or a sample repeats an extension
     * @throws IOException if the file cannot be read
     */
    RawSample next(boolean load) throws IOException {
        if (deferred instanceof IOException e) {
            throw e;
        }
        if (deferred instanceof RuntimeException e) {
            throw e;
        }
        if (ahead == null) {
            return null;
        }
        TarEntry first = ahead;
        String key = key(first.name());
        Map<String, byte[]> members = new LinkedHashMap<>();
        TarEntry entry = first;
        while (entry != null && key.equals(key(entry.name()))) {
            String extension = extension(entry.name());
            if (members.containsKey(extension)) {
                throw new ShardException(shardName, entry.name(), entry.headerOffset(), "sample '" + key
                        + "' has two '" + extension + "' members", null);
            }
            members.put(extension, load ? tar.readData() : NOT_LOADED);
            long lookingFrom = tar.offset();
            try {
                entry = nextKeyed();
            } catch (IOException | RuntimeException e) {
                deferred = e;
                deferredAt = lookingFrom;
                entry = null;
            }
        }
        ahead = entry;
        return new RawSample(shard, first.headerOffset(), ordinal++, key, members);
    }

    /**
     * Where the next sample's headers begin: where {@link PositionRestore#readerAt} finds it again.
     *
     * @throws IllegalStateException once {@link #exhausted()}
     */
    long offset() {
        if (deferred != null) {
            return deferredAt;
        }
        if (ahead == null) {
            throw new IllegalStateException("the shard has no more samples");
        }
        return ahead.headerOffset();
    }

    /** Whether the last sample has been returned (known one header ahead, before {@link #next} says null). */
    boolean exhausted() {
        return ahead == null && deferred == null;
    }

    /** The number of the next sample within the shard. */
    long ordinal() {
        return ordinal;
    }

    private TarEntry nextKeyed() throws IOException {
        for (TarEntry entry = tar.next(); entry != null; entry = tar.next()) {
            if (key(entry.name()) != null) {
                return entry;
            }
        }
        return null;
    }

    /** The name up to the first dot of its last segment, or null when that segment has no dot or starts with one. */
    static String key(String name) {
        int slash = name.lastIndexOf('/');
        int dot = name.indexOf('.', slash + 1);
        return dot <= slash + 1 ? null : name.substring(0, dot);
    }

    /** The part of the last segment after its first dot, lower case. */
    static String extension(String name) {
        int dot = name.indexOf('.', name.lastIndexOf('/') + 1);
        return name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    @Override
    public void close() throws IOException {
        tar.close();
    }
}
