package dev.sluice.api;

/**
 * The data is an image of a kind that this decoder does not read, or does not read correctly (a
 * variant such as lossless or 12-bit JPEG, lossy WebP, unusual BMP bit fields): not damage, so
 * another decoder may read it. A decoder throws this rather than return pixels it knows to be
 * wrong; {@code decoder: auto} then hands the same data to the next decoder that reads the format,
 * and reports every refusal when none does.
 *
 * <pre>{@code
 * if (frame.precision() != 8) {
 *     throw new UnsupportedImageException(source, "12-bit JPEG is not read by this decoder");
 * }
 * }</pre>
 */
public class UnsupportedImageException extends DecodeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param source a file path or {@code "<bytes>"}
     * @param reason what kind of image it is and that this decoder does not read it
     */
    public UnsupportedImageException(String source, String reason) {
        super(source, reason);
    }

    @Override
    public UnsupportedImageException withSource(String newSource) {
        UnsupportedImageException renamed = new UnsupportedImageException(newSource, reason());
        renamed.setStackTrace(getStackTrace());
        return renamed;
    }
}
