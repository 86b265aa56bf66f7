package dev.sluice.api;

import dev.sluice.api.spi.MessageValues;
import dev.sluice.api.spi.RegularFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Memory that one thread lends, again and again, to the decoders it calls, so that decoding a stream
 * of images does not make a new pixel array and a new file buffer for every image: the decoded
 * samples go into memory the owner keeps warm in its cache and reuses for the next image. A loader
 * worker owns one and hands it to {@link ImageDecoder#decode(Path, DecodeOptions, DecodeBuffers)}
 * only where it knows when each image's life ends: when the sample is written into its batch slot.
 *
 * <p><b>Ownership.</b> The memory a decoder takes from these buffers during one decode call, and the
 * {@link Image} it returns over that memory, stay valid until the owner hands the same buffers to
 * the next decode call (or reads the next file with {@link #read}); then they are overwritten. So
 * the owner lends the buffers only for an image that it, and everything the image was given to,
 * has stopped using by then: no transform, collection, message or user may keep it. A decoder
 * takes memory here only for what it returns (or for steps on the way to it), never keeps a
 * reference to the buffers after its call returns, and must not hand out an image over memory it
 * took before the call.
 *
 * <p>Memory up to {@code keptBytes} per kind is kept and grows to the largest image seen; a larger
 * request gets memory of its own, not kept, so that one huge image does not pin hundreds of
 * megabytes to a worker for the rest of a run. The default buffers keep file bytes up to
 * {@link #DEFAULT_KEPT_FILE_BYTES}, more than pixels: a photograph's file is a tenth of its pixels or
 * less, and a file read into memory of its own is garbage of the file's size per read.
 *
 * <p>Not thread-safe: one owner thread at a time.
 *
 * <pre>{@code
 * DecodeBuffers buffers = new DecodeBuffers();            // one per worker thread
 * for (Path file : files) {
 *     Image image = decoder.decode(file, DecodeOptions.DEFAULT, buffers);
 *     writeIntoBatchSlot(image);                          // done with it before the next decode
 * }
 * }</pre>
 */
public final class DecodeBuffers {
    /**
     * The default of {@code keptBytes}: 4 MiB, a 1,180 x 1,180 RGB image. Kept arrays live in the old
     * generation for the whole run, so a large photograph's pixels get memory of their own, freed
     * with them, while a training set's typical image needs well under 4 MiB.
     */
    public static final int DEFAULT_KEPT_BYTES = 4 << 20;
    /**
     * The default buffers' most file bytes kept: 16 MiB, a camera JPEG of 50 megapixels or more. A
     * file over 1 MiB read into memory of its own is a "humongous" object to the JVM's G1 collector,
     * which piles such garbage up in the old generation between collections: an 8.9 MB photograph read
     * by two workers made up to 160 MB of it (BENCHMARKS.md, "Issue 14, eighth round").
     */
    public static final int DEFAULT_KEPT_FILE_BYTES = 16 << 20;
    private static final int MIN_BYTES = 64 << 10;
    /** Above this, kept memory grows to the size asked rounded up to a MiB, not to a power of two. */
    private static final int POWER_OF_TWO_BYTES = 4 << 20;
    private static final int MIB = 1 << 20;
    /** The largest file {@link #read} reads: the largest Java array. */
    private static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

    private final int keptBytes;
    private final int keptFileBytes;
    private byte[] heapPixels = new byte[0];
    private ByteBuffer directPixels;
    private byte[] fileBytes = new byte[0];

    /**
     * Buffers that keep up to {@link #DEFAULT_KEPT_BYTES} of pixels of each kind and up to
     * {@link #DEFAULT_KEPT_FILE_BYTES} of file bytes.
     */
    public DecodeBuffers() {
        this(DEFAULT_KEPT_BYTES, DEFAULT_KEPT_FILE_BYTES);
    }

    /**
     * @param keptBytes the most memory of each kind (heap pixels, direct pixels, file bytes) kept
     *        between calls, {@code >= 0}
     * @throws IllegalArgumentException if {@code keptBytes} is negative
     */
    public DecodeBuffers(int keptBytes) {
        this(keptBytes, keptBytes);
    }

    private DecodeBuffers(int keptBytes, int keptFileBytes) {
        if (keptBytes < 0) {
            throw new IllegalArgumentException("keptBytes must be >= 0, was " + keptBytes);
        }
        this.keptBytes = keptBytes;
        this.keptFileBytes = keptFileBytes;
    }

    /**
     * For decoders: a heap array of at least {@code bytes} bytes for decoded samples, its contents
     * left from earlier images. Wrap the part written as {@code Image.wrap(width, height, channels,
     * ByteBuffer.wrap(array, 0, bytes))}. The same array may come back from the next call within the
     * same decode, so take it once per image.
     *
     * @param bytes {@code >= 0}
     * @throws IllegalArgumentException if {@code bytes} is negative
     */
    public byte[] pixelArray(int bytes) {
        requireSize(bytes);
        if (bytes > keptBytes) {
            return new byte[bytes];
        }
        if (heapPixels.length < bytes) {
            heapPixels = new byte[grown(bytes, keptBytes)];
        }
        return heapPixels;
    }

    /**
     * For decoders that write from native code: a direct buffer of {@code bytes} bytes for decoded
     * samples (position 0, limit and capacity {@code bytes}, native byte order), its contents left
     * from earlier images; wrap it whole as an {@link Image}. Taken once per image, as
     * {@link #pixelArray}.
     *
     * @param bytes {@code >= 0}
     * @throws IllegalArgumentException if {@code bytes} is negative
     */
    public ByteBuffer directPixels(int bytes) {
        requireSize(bytes);
        if (bytes > keptBytes) {
            return ByteBuffer.allocateDirect(bytes).order(ByteOrder.nativeOrder());
        }
        if (directPixels == null || directPixels.capacity() < bytes) {
            directPixels = ByteBuffer.allocateDirect(grown(bytes, keptBytes));
        }
        return directPixels.duplicate().clear().limit(bytes).slice().order(ByteOrder.nativeOrder());
    }

    /**
     * Reads a regular file whole into these buffers' file memory, checked as
     * {@link RegularFiles#readAllBytes} checks it (a folder, FIFO, device or socket is refused before
     * it is opened; no file larger than a Java array). The memory is sized from the file's size on
     * disk, which is read, never from a header inside it; a file that grows while it is read is read
     * to its end. The result is a heap buffer over exactly the bytes read (position 0, limit the
     * length; decoders read it and do not write to it), valid until the next {@code read}.
     *
     * @throws java.nio.file.NoSuchFileException if it does not exist
     * @throws FileSystemException naming the file when it is not a regular file or is too large
     * @throws IOException if it cannot be read
     */
    public ByteBuffer read(Path file) throws IOException {
        long size = RegularFiles.requireRegular(file);
        requireReadable(file, size);
        byte[] into = fileArray((int) size + 1);
        int length = 0;
        try (InputStream in = Files.newInputStream(file)) {
            int read;
            while ((read = in.read(into, length, into.length - length)) >= 0) {
                length += read;
                if (length == into.length) {
                    requireReadable(file, (long) length + 1);
                    into = grownFileArray(into, length);
                }
            }
        }
        return ByteBuffer.wrap(into, 0, length).slice();
    }

    private static void requireReadable(Path file, long size) throws FileSystemException {
        if (size > MAX_ARRAY - 1) {
            throw new FileSystemException(MessageValues.shorten(file.toString()), null, "is " + size
                    + " bytes or more, more than the " + (MAX_ARRAY - 1) + " a file read whole may have");
        }
    }

    private byte[] fileArray(int bytes) {
        if (bytes > keptFileBytes) {
            return new byte[bytes];
        }
        if (fileBytes.length < bytes) {
            fileBytes = new byte[grown(bytes, keptFileBytes)];
        }
        return fileBytes;
    }

    /** A larger array holding {@code length} bytes of {@code full}, for a file that grew while read. */
    private byte[] grownFileArray(byte[] full, int length) {
        long wanted = Math.min(MAX_ARRAY, Math.max((long) length * 2, length + 1L));
        byte[] larger = fileArray((int) wanted);
        System.arraycopy(full, 0, larger, 0, length);
        return larger;
    }

    private static void requireSize(int bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes must be >= 0, was " + bytes);
        }
    }

    /**
     * The capacity to grow a kept buffer to: the next power of two, at least 64 KiB; above 4 MiB the
     * size rounded up to a whole MiB (an 8.9 MB file keeps 9 MiB, not 16); at most {@code limit}.
     */
    private static int grown(int needed, int limit) {
        long power = Math.max(MIN_BYTES, Long.highestOneBit(Math.max(1, needed - 1L)) << 1);
        long capacity = power <= POWER_OF_TWO_BYTES ? power : ((long) needed + MIB - 1) / MIB * MIB;
        return (int) Math.max(needed, Math.min(capacity, limit));
    }
}
