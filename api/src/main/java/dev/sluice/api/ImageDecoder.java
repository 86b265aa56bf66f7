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
        byte[] bytes;
        try {
            bytes = RegularFiles.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new DecodeException(file.toString(), "no such file", e);
        } catch (FileSystemException e) {
            throw new DecodeException(file.toString(), e.getReason() == null ? "cannot be read" : e.getReason(), e);
        } catch (IOException e) {
            throw new DecodeException(file.toString(), "cannot be read: " + e.getMessage(), e);
        }
        try {
            return decode(ByteBuffer.wrap(bytes), options);
        } catch (DecodeException e) {
            throw e.withSource(file.toString());
        }
    }
}
