package dev.sluice.api;

import dev.sluice.api.spi.AtomicFiles;
import dev.sluice.api.spi.MessageValues;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Encodes an {@link Image} as PNG, JPEG or another format a backend supports, so that images, grids
 * and crops can be saved. Made by an {@link dev.sluice.api.spi.ImageEncoderProvider}; thread-safe.
 *
 * <pre>{@code
 * encoder.write(image, Path.of("out/sheet.png"), EncodeOptions.png());
 * }</pre>
 */
public interface ImageEncoder {

    /**
     * Encodes {@code image}.
     *
     * @throws EncodeException if the format is not supported or the codec fails, naming both
     */
    byte[] encode(Image image, EncodeOptions options) throws EncodeException;

    /**
     * Encodes {@code image} and writes it to {@code file}, creating missing parent folders. The file
     * is replaced in one step ({@link AtomicFiles#write(Path, byte[])}): a failure (a full disk)
     * leaves no partial file, and a link at its name is replaced, never written through.
     *
     * @throws EncodeException if encoding or writing fails, naming the file and the reason
     */
    default void write(Image image, Path file, EncodeOptions options) throws EncodeException {
        byte[] bytes = encode(image, options);
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            AtomicFiles.write(file, bytes);
        } catch (IOException e) {
            throw new EncodeException(MessageValues.shorten(file.toString()) + ": cannot write: "
                    + MessageValues.reason(e), e);
        }
    }
}
