package dev.sluice.api;

import dev.sluice.api.spi.RegularFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Decodes encoded image bytes (JPEG, PNG, ...) into an {@link Image}. Made by an
 * {@link dev.sluice.api.spi.ImageDecoderProvider}; called by datasets from loader worker threads,
 * several at a time, so implementations are thread-safe.
 *
 * <p>Failures are never null, never a half-decoded image, never a crash: always a
 * {@link DecodeException} naming the source and the reason.
 *
 * <pre>{@code
 * Image image = decoder.decode(Path.of("cat.jpg"), DecodeOptions.DEFAULT);
 * }</pre>
 *
 * <p>A loader worker that knows when each image's life ends lends the decoder reusable memory
 * ({@link DecodeBuffers}) through the three-argument methods; a decoder that does not use it
 * decodes as without it.
 */
public interface ImageDecoder {

    /**
     * Decodes an image held in memory; messages name the source {@code "<bytes>"}.
     *
     * @param encoded the file's bytes, from position to limit; not modified
     * @param options what to produce
     * @throws DecodeException if the data is empty, truncated, corrupt, of an unsupported format, or
     *         larger than {@link DecodeOptions#maxPixels()}, or the region lies outside the image
     */
    Image decode(ByteBuffer encoded, DecodeOptions options) throws DecodeException;

    /**
     * Reads and decodes a file. Errors name the file. Only a regular file is read (following links):
     * a directory, a FIFO or a device is refused before it is opened.
     *
     * @throws DecodeException also when the file is missing, unreadable, or not a regular file
     */
    default Image decode(Path file, DecodeOptions options) throws DecodeException {
        ByteBuffer bytes;
        try {
            bytes = ByteBuffer.wrap(RegularFiles.readAllBytes(file));
        } catch (IOException e) {
            throw readFailure(file, e);
        }
        try {
            return decode(bytes, options);
        } catch (DecodeException e) {
            throw e.withSource(file.toString());
        }
    }

    /**
     * {@link #decode(ByteBuffer, DecodeOptions)} into memory the caller lends: the image returned may
     * be backed by {@code buffers} and is then valid only until the caller hands them to its next
     * decode ({@link DecodeBuffers} states the ownership rule). Called by a loader worker where each
     * image's life ends before its next decode (the sample written into its batch slot), with the
     * worker's own buffers; the decoded pixels are those of {@link #decode(ByteBuffer, DecodeOptions)},
     * whatever the buffers held before.
     *
     * <p>The default ignores the buffers and returns {@code decode(encoded, options)}. A decoder that
     * writes its result into {@link DecodeBuffers#pixelArray} or {@link DecodeBuffers#directPixels}
     * extends {@link BorrowingImageDecoder}, which makes the other forms of this method; one that
     * cannot overrides this method and {@link #decode(Path, DecodeOptions, DecodeBuffers)}.
     *
     * @param encoded the file's bytes, from position to limit; not modified, not kept
     * @param buffers lent for this call; never kept by the decoder after it returns
     * @throws DecodeException as {@link #decode(ByteBuffer, DecodeOptions)}
     */
    default Image decode(ByteBuffer encoded, DecodeOptions options, DecodeBuffers buffers) throws DecodeException {
        return decode(encoded, options);
    }

    /**
     * {@link #decode(Path, DecodeOptions)} with the file read into {@code buffers}' reused file memory
     * and the image decoded into memory they lend, under the rule of {@link #decode(ByteBuffer,
     * DecodeOptions, DecodeBuffers)}.
     *
     * <p>The default ignores the buffers and returns {@code decode(file, options)}, so that a decoder
     * that overrides the path method (a cache keyed by path, say) keeps its behaviour. A decoder that
     * uses the buffers gets {@link #decodeFile} here from {@link BorrowingImageDecoder}, or, when it
     * cannot extend that class, overrides this method as {@code return ImageDecoder.decodeFile(this,
     * file, options, buffers);}.
     *
     * @throws DecodeException as {@link #decode(Path, DecodeOptions)}
     */
    default Image decode(Path file, DecodeOptions options, DecodeBuffers buffers) throws DecodeException {
        return decode(file, options);
    }

    /**
     * Reads {@code file} with {@link DecodeBuffers#read} and decodes it with {@code decoder}'s
     * {@link #decode(ByteBuffer, DecodeOptions, DecodeBuffers)}, every failure naming the file as
     * {@link #decode(Path, DecodeOptions)} names it: the body of a decoder's
     * {@link #decode(Path, DecodeOptions, DecodeBuffers)} when it uses the buffers, as
     * {@link BorrowingImageDecoder}'s.
     *
     * @throws DecodeException also when the file is missing, unreadable, or not a regular file
     */
    static Image decodeFile(ImageDecoder decoder, Path file, DecodeOptions options, DecodeBuffers buffers)
            throws DecodeException {
        ByteBuffer bytes;
        try {
            bytes = buffers.read(file);
        } catch (IOException e) {
            throw readFailure(file, e);
        }
        try {
            return decoder.decode(bytes, options, buffers);
        } catch (DecodeException e) {
            throw e.withSource(file.toString());
        }
    }

    private static DecodeException readFailure(Path file, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new DecodeException(file.toString(), "no such file", e);
        }
        if (e instanceof FileSystemException system) {
            return new DecodeException(file.toString(), system.getReason() == null ? "cannot be read"
                    : system.getReason(), e);
        }
        return new DecodeException(file.toString(), "cannot be read: " + e.getMessage(), e);
    }
}
