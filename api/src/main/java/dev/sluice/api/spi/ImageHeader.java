package dev.sluice.api.spi;

import dev.sluice.api.DecodeException;
import dev.sluice.api.DecodeOptions;
import dev.sluice.api.Region;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.Set;

/**
 * What an encoded image's header says, read without decoding a pixel: the container format, the
 * stored size and the EXIF orientation. A decoder calls {@link #read} and {@link #check} first, so
 * that an image over the pixel limit (a decompression bomb) or a region outside the image is refused
 * before any pixel buffer exists, and so that every backend reads the orientation the same way.
 *
 * <pre>{@code
 * ImageHeader header = ImageHeader.read(encoded);   // "jpeg", 4000 x 3000, orientation 6
 * header.check(options);                            // throws over the limit or for a bad region
 * }</pre>
 *
 * <p>Formats recognised, by their first bytes (never by a file name): {@code jpeg}, {@code png},
 * {@code gif}, {@code bmp}, {@code tiff} (classic, not BigTIFF) and {@code webp}. The orientation
 * comes from a JPEG's APP1 Exif segment, a PNG's {@code eXIf} chunk, a WebP's {@code EXIF} chunk
 * or a TIFF's first directory, as {@code cv2.imread} and PIL's {@code exif_transpose} read it; GIF
 * and BMP have none. Thread-safe: a value, and static methods without state.
 *
 * @param format the container: one of {@link #FORMATS}
 * @param width stored columns, {@code > 0}, before any orientation
 * @param height stored rows, {@code > 0}, before any orientation
 * @param orientation the EXIF orientation, 1 to 8 (1 when absent or out of range): 2 mirrors
 *        left-right, 3 turns 180 degrees, 4 mirrors top-bottom, 5 transposes, 6 turns 90 degrees
 *        clockwise, 7 transverses, 8 turns 90 degrees anticlockwise
 */
public record ImageHeader(String format, int width, int height, int orientation) {

    /** The format names {@link #read} recognises. */
    public static final Set<String> FORMATS = Set.of("jpeg", "png", "gif", "bmp", "tiff", "webp");

    /** What every decode failure attributed to in-memory data names as its source. */
    static final String BYTES = "<bytes>";

    /** @throws IllegalArgumentException naming the component and its value when one is out of range */
    public ImageHeader {
        if (!FORMATS.contains(format)) {
            throw new IllegalArgumentException("format must be one of " + FORMATS + ", was " + format);
        }
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("width and height must be > 0, were " + width + "x" + height);
        }
        if (orientation < 1 || orientation > 8) {
            throw new IllegalArgumentException("orientation must be 1 to 8, was " + orientation);
        }
    }

    /**
     * Reads the header of the encoded image between {@code encoded}'s position and limit, moving
     * neither. For JPEG it also walks the marker structure to the end-of-image marker, because
     * libjpeg only warns about data that ends early and fills the missing rows with grey: a decoder
     * built on it would return half an image as a success; and a JPEG's coded data must be long
     * enough for the frame it declares (a bit per 8x8 block when Huffman-coded). The cost is one pass
     * over the bytes, with no allocation proportional to the image.
     *
     * @throws DecodeException with source {@code "<bytes>"} when the data is empty, in no format of
     *         {@link #FORMATS}, declares a zero size, ends inside its header, or (JPEG) has no frame
     *         header before its first scan, ends before its end-of-image marker, or is too short for
     *         its frame
     */
    public static ImageHeader read(ByteBuffer encoded) throws DecodeException {
        return read(encoded, true);
    }

    private static ImageHeader read(ByteBuffer encoded, boolean bounded) throws DecodeException {
        ByteBuffer data = encoded.slice();
        if (!data.hasRemaining()) {
            throw new DecodeException(BYTES, "empty input (0 bytes), not an image");
        }
        if (JpegHeaders.matches(data)) {
            return JpegHeaders.read(data, bounded);
        }
        if (PngHeaders.matches(data)) {
            return PngHeaders.read(data);
        }
        if (TiffHeaders.matches(data)) {
            return TiffHeaders.read(data);
        }
        ImageHeader other = ContainerHeaders.read(data);
        if (other != null) {
            return other;
        }
        // Never quote the data: the "image" may be a link to a secret file; its bytes stay out of every message.
        throw new DecodeException(BYTES, "unknown image format: not a header of any of "
                + String.join(", ", FORMATS.stream().sorted().toList()));
    }

    /**
     * The format of the encoded image between {@code encoded}'s position and limit, from its first
     * bytes alone (the signature of each format of {@link #FORMATS}), moving neither; nothing else
     * is checked, so a format here does not mean the data decodes. Costs a few byte reads: core
     * calls it on every file under {@code decoder: auto} to choose the decoder.
     *
     * @return one of {@link #FORMATS}, or empty when the data starts with none of their signatures
     */
    public static Optional<String> formatOf(ByteBuffer encoded) {
        ByteBuffer data = encoded.slice();
        if (JpegHeaders.matches(data)) {
            return Optional.of("jpeg");
        }
        if (PngHeaders.matches(data)) {
            return Optional.of("png");
        }
        if (TiffHeaders.matches(data)) {
            return Optional.of("tiff");
        }
        return Optional.ofNullable(ContainerHeaders.formatOf(data));
    }

    /**
     * {@link #read} the header, {@link #check} the options against it, and when the options are
     * {@linkplain DecodeOptions#strict() strict}, refuse what libjpeg would decode with only a warning:
     * for a sequential Huffman-coded JPEG (baseline or extended, the common kind), the coded data of
     * every scan is walked to its last block, and must end there. A decoder calls this first, before
     * it allocates anything for the pixels. Progressive, arithmetic-coded and lossless JPEGs, and the
     * other formats, are checked as {@link #read} checks them; a decoder whose codec reports its
     * warnings should treat them as errors under strict options.
     *
     * @throws DecodeException with source {@code "<bytes>"}, as {@link #read} and {@link #check}, or
     *         naming the scan, the byte and what libjpeg would have warned about
     */
    public static ImageHeader read(ByteBuffer encoded, DecodeOptions options) throws DecodeException {
        ImageHeader header = read(encoded, false);
        header.check(options);
        if (header.format.equals("jpeg")) {
            JpegHeaders.requirePlausibleSize(encoded.slice());
            if (options.strict()) {
                JpegScans.verify(encoded.slice());
            }
        }
        return header;
    }

    /** Whether the image is shown turned by a quarter (orientations 5 to 8 swap width and height). */
    public boolean swapsSides() {
        return orientation >= 5;
    }

    /** Columns as shown: {@link #height} when {@code applyOrientation} and the orientation swaps sides. */
    public int shownWidth(boolean applyOrientation) {
        return applyOrientation && swapsSides() ? height : width;
    }

    /** Rows as shown: {@link #width} when {@code applyOrientation} and the orientation swaps sides. */
    public int shownHeight(boolean applyOrientation) {
        return applyOrientation && swapsSides() ? width : height;
    }

    /**
     * Checks the options against the header before decoding: {@code width * height} must not exceed
     * {@link DecodeOptions#maxPixels()} (the full stored size counts, whatever the reduction), and the
     * region, given in the coordinates of the full-size image as shown (after orientation, when the
     * options apply it), must lie wholly inside it.
     *
     * @throws DecodeException with source {@code "<bytes>"}, naming the size and the limit, or the
     *         region and the size it must fit in
     */
    public void check(DecodeOptions options) throws DecodeException {
        long pixels = (long) width * height;
        if (pixels > options.maxPixels()) {
            throw new DecodeException(BYTES, "the " + format + " image is " + width + "x" + height + " = " + pixels
                    + " pixels, more than the limit of " + options.maxPixels()
                    + " pixels (DecodeOptions.maxPixels); refused before decoding");
        }
        Region region = options.region();
        int shownWidth = shownWidth(options.applyExifOrientation());
        int shownHeight = shownHeight(options.applyExifOrientation());
        if (region != null && !region.fitsIn(shownWidth, shownHeight)) {
            throw new DecodeException(BYTES, "region " + region + " lies outside the " + shownWidth + "x"
                    + shownHeight + " image" + (shownWidth != width ? " (as shown, after its EXIF orientation)" : ""));
        }
    }
}
