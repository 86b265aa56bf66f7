package dev.sluice.api;

import java.nio.file.Path;
import java.util.Locale;

/**
 * How an {@link ImageEncoder} writes an image.
 *
 * @param format the container, lower case: {@code "png"} or {@code "jpeg"} for every encoder, others where a plugin adds them
 * @param quality JPEG quality from 1 to 100 (ignored by lossless formats)
 */
public record EncodeOptions(String format, int quality) {

    /** The JPEG quality OpenCV's {@code imwrite} uses by default. */
    public static final int DEFAULT_JPEG_QUALITY = 95;

    /** @throws IllegalArgumentException naming the option and its value when one is out of range */
    public EncodeOptions {
        if (format == null || format.isBlank()) {
            throw new IllegalArgumentException("format must not be blank");
        }
        format = format.toLowerCase(Locale.ROOT);
        if (quality < 1 || quality > 100) {
            throw new IllegalArgumentException("quality must be 1 to 100, was " + quality);
        }
    }

    /** Lossless PNG. */
    public static EncodeOptions png() {
        return new EncodeOptions("png", DEFAULT_JPEG_QUALITY);
    }

    /** JPEG at {@code quality} (1 to 100). */
    public static EncodeOptions jpeg(int quality) {
        return new EncodeOptions("jpeg", quality);
    }

    /**
     * The format a file name asks for: {@code .png} is PNG, {@code .jpg} and {@code .jpeg} are JPEG at
     * the default quality, and any other extension is taken as the format's name.
     *
     * @throws IllegalArgumentException if the name has no extension
     */
    public static EncodeOptions forFile(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        if (dot < 0 || dot == name.length() - 1) {
            throw new IllegalArgumentException(file + ": no file extension to choose an image format by");
        }
        String extension = name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return new EncodeOptions(extension.equals("jpg") ? "jpeg" : extension, DEFAULT_JPEG_QUALITY);
    }
}
