package dev.sluice.api;

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
     * Encodes {@code image} and writes it to {@code file}, creating missing parent folders.
     *
     * @throws EncodeException if encoding or writing fails, naming the file
     */
    default void write(Image image, Path file, EncodeOptions options) throws EncodeException {
        byte[] bytes = encode(image, options);
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new EncodeException(file + ": cannot write: " + e, e);
        }
    }
}
