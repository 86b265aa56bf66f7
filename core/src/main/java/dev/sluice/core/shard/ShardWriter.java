package dev.sluice.core.shard;

import dev.sluice.api.spi.AtomicFiles;
import dev.sluice.api.spi.MessageValues;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IllegalFormatException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes samples into WebDataset-style tar shards: each sample is a key and its members
 * ({@code 000123.jpg}, {@code 000123.cls}), written one after the other, and a new shard begins
 * when the current one holds {@code maxSamples} samples or would grow past {@code maxBytes}. The
 * archives are POSIX ustar (pax records for names ustar cannot hold), with mode 0644, owner and
 * group 0 and one modification time, ending in two zero blocks and padded to 10240-byte records:
 * Python's {@code tarfile}, GNU tar and WebDataset read them, and so does {@link ShardDataset}.
 *
 * <p>A shard is written as {@code <name>.part} and renamed when it is complete, so a reader never
 * sees half a shard; an existing file is never overwritten. Works on any {@link java.nio.file}
 * file system.
 *
 * <pre>{@code
 * try (ShardWriter writer = ShardWriter.builder(Path.of("shards")).pattern("train-%04d.tar").maxSamples(1000).build()) {
 *     writer.write("000000", Map.of("jpg", jpegBytes, "cls", "3".getBytes(StandardCharsets.US_ASCII)));
 * }
 * }</pre>
 *
 * <p>Not thread-safe: one thread writes.
 */
public final class ShardWriter implements Closeable {
    /** The longest file name common file systems allow, in bytes; a pattern may not ask for more. */
    private static final int MAX_NAME_LENGTH = 255;
    /** A width or precision in a format specifier, such as the {@code 06} of {@code %06d}. */
    private static final Pattern FORMAT_WIDTH = Pattern.compile("%(?:\\d+\\$)?[-#+ 0,(]*(\\d+)?(?:\\.(\\d+))?[a-zA-Z]");
    private final Path directory;
    private final String pattern;
    private final long maxSamples;
    private final long maxBytes;
    private final long mtimeSeconds;
    private final int firstShard;
    private final List<Path> written = new ArrayList<>();
    private TarWriter current;
    private Path currentPart;
    private Path currentFinal;
    private long samplesInCurrent;
    private long samples;
    private boolean closed;

    private ShardWriter(Builder builder) {
        this.directory = builder.directory;
        this.pattern = builder.pattern;
        this.maxSamples = builder.maxSamples;
        this.maxBytes = builder.maxBytes;
        this.mtimeSeconds = builder.mtime.getEpochSecond();
        this.firstShard = builder.firstShard;
    }

    /**
     * A builder for shards in {@code directory} (created if missing), named {@code shard-%06d.tar},
     * 1000 samples each, with no byte limit, stamped with the current time.
     */
    public static Builder builder(Path directory) {
        return new Builder(Objects.requireNonNull(directory, "directory"));
    }

    /**
     * Writes one sample: each member becomes the file {@code key + "." + extension}, in the map's
     * iteration order (use a {@link java.util.LinkedHashMap} for a chosen order).
     *
     * @param key the sample's key: a relative path whose last segment has no dot (WebDataset groups
     *        members by the name before the first dot), such as {@code "000123"} or {@code "cats/000123"}
     * @param members extension (without the leading dot, such as {@code "jpg"} or {@code "seg.png"}) to
     *        bytes; at least one
     * @throws IllegalArgumentException if the key or an extension could not be read back as written
     * @throws IOException if a shard cannot be created or written, or already exists; the writer is
     *         then closed and the incomplete shard deleted
     * @throws IllegalStateException if the writer is closed
     */
    public void write(String key, Map<String, byte[]> members) throws IOException {
        if (closed) {
            throw new IllegalStateException("the ShardWriter is closed");
        }
        requireKey(key);
        if (members.isEmpty()) {
            throw new IllegalArgumentException("sample '" + key + "' has no members");
        }
        long bytes = 0;
        for (Map.Entry<String, byte[]> member : members.entrySet()) {
            String extension = member.getKey();
            if (extension.isEmpty() || extension.indexOf('/') >= 0 || extension.startsWith(".")) {
                throw new IllegalArgumentException("sample '" + key + "': extension '" + extension
                        + "' must be non-empty, without '/' or a leading dot");
            }
            bytes += 2 * TarWriter.BLOCK + member.getValue().length;
        }
        if (current != null && (samplesInCurrent >= maxSamples
                || (maxBytes > 0 && current.written() + bytes + 2 * TarWriter.BLOCK > maxBytes))) {
            finishShard();
        }
        try {
            if (current == null) {
                startShard();
            }
            for (Map.Entry<String, byte[]> member : members.entrySet()) {
                current.add(key + "." + member.getKey(), member.getValue());
            }
        } catch (IOException e) {
            IOException named = naming(currentPart, e);
            abandon(named);
            throw named;
        } catch (RuntimeException e) {
            abandon(e);
            throw e;
        }
        samplesInCurrent++;
        samples++;
    }

    private static void requireKey(String key) {
        int slash = key.lastIndexOf('/');
        String last = key.substring(slash + 1);
        if (last.isEmpty() || last.indexOf('.') >= 0 || key.startsWith("/") || key.indexOf(0) >= 0) {
            throw new IllegalArgumentException("key '" + key + "' must be a relative path whose last segment is "
                    + "not empty and has no '.': members are grouped by the name before the first dot");
        }
    }

    private void startShard() throws IOException {
        String name = String.format(pattern, firstShard + written.size());
        Path finalName = directory.resolve(name);
        Path partName = directory.resolve(name + ".part");
        // Without following links: a link planted at either name counts as taken, and is never written through.
        if (Files.exists(finalName, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileAlreadyExistsException(finalName.toString(), null,
                    "a shard of that name exists already; remove it or write elsewhere");
        }
        Files.createDirectories(directory);
        OutputStream part;
        try {
            part = AtomicFiles.createNew(partName);
        } catch (FileAlreadyExistsException e) {
            throw new FileAlreadyExistsException(partName.toString(), null, "a file or link of that name exists "
                    + "already (a shard being written, or left by an interrupted export); remove it or write elsewhere");
        }
        currentFinal = finalName;
        currentPart = partName;
        current = new TarWriter(new BufferedOutputStream(part, 1 << 16), mtimeSeconds);
        samplesInCurrent = 0;
    }

    private void finishShard() throws IOException {
        TarWriter finishing = current;
        current = null;
        try {
            finishing.close();
        } catch (IOException e) {
            throw naming(currentPart, e);
        }
        try {
            Files.move(currentPart, currentFinal, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(currentPart, currentFinal);
        }
        written.add(currentFinal);
    }

    /** {@code failure} naming the shard file it happened on ("No space left on device" alone does not), unless it does. */
    private static IOException naming(Path file, IOException failure) {
        if (file == null || (failure instanceof FileSystemException named && named.getFile() != null)) {
            return failure;
        }
        FileSystemException renamed = new FileSystemException(file.toString(), null, MessageValues.reason(failure));
        renamed.initCause(failure);
        return renamed;
    }

    /** After a failed write: the shard being written is half a shard, so it is deleted, never renamed. */
    private void abandon(Exception failure) {
        closed = true;
        if (current != null) {
            try {
                current.close();
                Files.deleteIfExists(currentPart);
            } catch (IOException e) {
                failure.addSuppressed(e);
            }
            current = null;
        }
    }

    /**
     * Gives up: deletes the shard in progress and every shard this writer completed, and closes the
     * writer, so that a failed export leaves nothing behind. Idempotent.
     *
     * @throws IOException if a file cannot be deleted; the others are still tried
     */
    public void abort() throws IOException {
        IOException failure = null;
        if (current != null) {
            try {
                current.close();
            } catch (IOException e) {
                failure = e;
            }
            current = null;
        }
        closed = true;
        List<Path> files = new ArrayList<>(written);
        if (currentPart != null) {
            files.add(currentPart);
        }
        for (Path file : files) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        written.clear();
        if (failure != null) {
            throw failure;
        }
    }

    /** The shards completed so far, in order; after {@link #close()}, all of them. */
    public List<Path> shards() {
        return List.copyOf(written);
    }

    /** The number of samples written so far. */
    public long samples() {
        return samples;
    }

    /**
     * Completes the last shard. Idempotent. A writer that was given no sample writes no shard.
     *
     * @throws IOException if the last shard cannot be completed
     */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        if (current != null) {
            finishShard();
        }
    }

    /** Configures a {@link ShardWriter}. Not thread-safe. */
    public static final class Builder {
        private final Path directory;
        private String pattern = "shard-%06d.tar";
        private long maxSamples = 1000;
        private long maxBytes;
        private Instant mtime = Instant.now();
        private int firstShard;

        private Builder(Path directory) {
            this.directory = directory;
        }

        /**
         * How shards are named: a {@link String#format} pattern given the shard number (from 0), such as
         * {@code "train-%04d.tar"}; default {@code "shard-%06d.tar"}.
         *
         * @throws IllegalArgumentException if the pattern does not take one integer or names a folder
         */
        public Builder pattern(String newPattern) {
            requireShortNames(newPattern);
            String first;
            String second;
            try {
                first = String.format(newPattern, 0);
                second = String.format(newPattern, 1);
            } catch (IllegalFormatException e) {
                throw new IllegalArgumentException("pattern '" + newPattern + "' must format one integer, such as "
                        + "'train-%04d.tar': " + e.getMessage(), e);
            }
            if (first.equals(second) || first.contains("/") || first.isEmpty()) {
                throw new IllegalArgumentException("pattern '" + newPattern + "' must give each shard its own file "
                        + "name in the directory, such as 'train-%04d.tar'");
            }
            this.pattern = newPattern;
            return this;
        }

        /**
         * Refuses a pattern whose names could not be file names, before {@link String#format} is asked
         * to pad a number to a width no file system allows ({@code %0999999999d} runs out of memory).
         */
        private static void requireShortNames(String pattern) {
            if (pattern.length() > MAX_NAME_LENGTH) {
                throw new IllegalArgumentException("pattern is " + pattern.length() + " characters long; a shard's name "
                        + "may have at most " + MAX_NAME_LENGTH);
            }
            Matcher widths = FORMAT_WIDTH.matcher(pattern);
            while (widths.find()) {
                for (int group = 1; group <= 2; group++) {
                    String width = widths.group(group);
                    if (width != null && (width.length() > 3 || Integer.parseInt(width) > MAX_NAME_LENGTH)) {
                        throw new IllegalArgumentException("pattern '" + pattern + "' asks for " + width
                                + " characters; a shard's name may have at most " + MAX_NAME_LENGTH);
                    }
                }
            }
        }

        /**
         * The most samples per shard, {@code >= 1}; default 1000.
         *
         * @throws IllegalArgumentException if {@code count < 1}
         */
        public Builder maxSamples(long count) {
            if (count < 1) {
                throw new IllegalArgumentException("maxSamples must be >= 1, was " + count);
            }
            this.maxSamples = count;
            return this;
        }

        /**
         * The most bytes per shard, or 0 for no limit (the default). A sample larger than the limit
         * gets a shard of its own.
         *
         * @throws IllegalArgumentException if {@code bytes < 0}
         */
        public Builder maxBytes(long bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("maxBytes must be >= 0, was " + bytes);
            }
            this.maxBytes = bytes;
            return this;
        }

        /**
         * The modification time stamped on every member; default the time the builder was made.
         *
         * @throws IllegalArgumentException if it is before 1970 or after what tar's 11 octal digits hold (2242)
         */
        public Builder mtime(Instant time) {
            long seconds = Objects.requireNonNull(time, "mtime").getEpochSecond();
            if (seconds < 0 || seconds > 077777777777L) {
                throw new IllegalArgumentException("mtime must be between 1970 and 2242, was " + time);
            }
            this.mtime = time;
            return this;
        }

        /**
         * The number of the first shard; default 0. Several writers can share one numbering, each
         * writing its own range (the parts of a Spark job).
         *
         * @throws IllegalArgumentException if {@code number < 0}
         */
        public Builder firstShard(int number) {
            if (number < 0) {
                throw new IllegalArgumentException("firstShard must be >= 0, was " + number);
            }
            this.firstShard = number;
            return this;
        }

        /** The writer; it creates its first shard when the first sample arrives. */
        public ShardWriter build() {
            return new ShardWriter(this);
        }
    }
}
