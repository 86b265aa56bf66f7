package dev.sluice.api;

/**
 * What an {@link ImageDecoder} is asked to produce. Every backend honours every option the same way.
 *
 * <pre>{@code
 * DecodeOptions options = DecodeOptions.DEFAULT.withMode(ColorMode.GRAY).withReduce(2);
 * // decode each image at the smallest scale the pipeline still gets its full input from
 * DecodeOptions auto = DecodeOptions.DEFAULT.withAutoReduce(pipeline.reduceLimit(ReduceLimit.NONE));
 * }</pre>
 *
 * <p>A region turns the automatic reduction off because the caller then asks for particular pixels
 * at a particular scale (the region is given in full-size coordinates and scaled with
 * {@code reduce}), which a factor chosen per image would change.
 *
 * @param mode the channels wanted, and with them the depth: {@link ColorMode#UNCHANGED} keeps the
 *        16-bit samples of PNG and TIFF files (reduced and cut at 16 bits), the other modes narrow
 *        them to 8 bits
 * @param reduce 1, 2, 4 or 8: decode at that fraction of the stored size, as OpenCV's
 *        {@code IMREAD_REDUCED_*} (in the DCT domain where the codec can)
 * @param region a rectangle in original-image coordinates to cut out (scaled with {@code reduce}),
 *        or null for the whole image
 * @param applyExifOrientation whether to turn the image as its EXIF orientation says (true by
 *        default, as {@code cv2.imread})
 * @param maxPixels the largest {@code width * height} the decoder may allocate for, checked from the
 *        header before any pixel buffer exists
 * @param autoReduce the reduction chosen per image from its header: when {@code reduce} is 1 and
 *        there is no region, the image is decoded at the factor this limit gives for its size as
 *        shown (see {@link dev.sluice.api.spi.Reductions#factor}), through the same path as a fixed
 *        {@code reduce}; a fixed {@code reduce} above 1 or a region wins, and the limit is then not
 *        consulted. {@link ReduceLimit#NONE} (the default) always decodes full size; never null
 * @param strict whether data that libjpeg only warns about is an error (true, the default): a JPEG
 *        whose coded data ends before its last block or runs on past it, has a bad Huffman code or
 *        a missing restart marker, which libjpeg decodes with grey or garbage blocks and a warning
 *        on stderr. False accepts such files as libjpeg, OpenCV and PIL do, for datasets known to hold
 *        some (for example photos cut short by a camera); the data must still be a JPEG to its
 *        end-of-image marker, and its size plausible for the frame it declares
 */
public record DecodeOptions(ColorMode mode, int reduce, Region region, boolean applyExifOrientation, long maxPixels,
        ReduceLimit autoReduce, boolean strict) {

    /**
     * PIL's decompression-bomb limit: twice {@code Image.MAX_IMAGE_PIXELS}
     * ({@code 2 * (1024 * 1024 * 1024 / 4 / 3)} = 178,956,970 pixels), the size at which PIL refuses
     * to decode.
     */
    public static final long DEFAULT_MAX_PIXELS = 2L * (1024L * 1024 * 1024 / 4 / 3);

    /** RGB, full size, the whole image, EXIF orientation applied, PIL's pixel limit, no automatic reduction, strict. */
    public static final DecodeOptions DEFAULT =
            new DecodeOptions(ColorMode.RGB, 1, null, true, DEFAULT_MAX_PIXELS, ReduceLimit.NONE, true);

    /** @throws IllegalArgumentException naming the option and its value when one is out of range */
    public DecodeOptions {
        if (mode == null) {
            throw new IllegalArgumentException("mode must not be null");
        }
        if (reduce != 1 && reduce != 2 && reduce != 4 && reduce != 8) {
            throw new IllegalArgumentException("reduce must be 1, 2, 4 or 8, was " + reduce);
        }
        if (maxPixels <= 0) {
            throw new IllegalArgumentException("maxPixels must be > 0, was " + maxPixels);
        }
        if (autoReduce == null) {
            throw new IllegalArgumentException("autoReduce must not be null; ReduceLimit.NONE turns it off");
        }
    }

    /**
     * Strict options.
     *
     * @throws IllegalArgumentException as the canonical constructor
     */
    public DecodeOptions(ColorMode mode, int reduce, Region region, boolean applyExifOrientation, long maxPixels,
            ReduceLimit autoReduce) {
        this(mode, reduce, region, applyExifOrientation, maxPixels, autoReduce, true);
    }

    /**
     * Strict options without automatic reduction ({@link ReduceLimit#NONE}).
     *
     * @throws IllegalArgumentException as the canonical constructor
     */
    public DecodeOptions(ColorMode mode, int reduce, Region region, boolean applyExifOrientation, long maxPixels) {
        this(mode, reduce, region, applyExifOrientation, maxPixels, ReduceLimit.NONE, true);
    }

    /** These options with another colour mode. */
    public DecodeOptions withMode(ColorMode newMode) {
        return new DecodeOptions(newMode, reduce, region, applyExifOrientation, maxPixels, autoReduce, strict);
    }

    /** These options with another reduction factor (1, 2, 4 or 8). */
    public DecodeOptions withReduce(int newReduce) {
        return new DecodeOptions(mode, newReduce, region, applyExifOrientation, maxPixels, autoReduce, strict);
    }

    /** These options with a region of interest in original-image coordinates, or null for the whole image. */
    public DecodeOptions withRegion(Region newRegion) {
        return new DecodeOptions(mode, reduce, newRegion, applyExifOrientation, maxPixels, autoReduce, strict);
    }

    /** These options with EXIF orientation applied or ignored. */
    public DecodeOptions withExifOrientation(boolean apply) {
        return new DecodeOptions(mode, reduce, region, apply, maxPixels, autoReduce, strict);
    }

    /** These options with another pixel limit. */
    public DecodeOptions withMaxPixels(long newMaxPixels) {
        return new DecodeOptions(mode, reduce, region, applyExifOrientation, newMaxPixels, autoReduce, strict);
    }

    /**
     * These options with another automatic reduction: each image is decoded at the factor
     * {@code limit} allows for its size, when {@link #reduce()} is 1 and there is no region.
     *
     * @param limit {@link ReduceLimit#NONE} to decode full size; not null
     * @throws IllegalArgumentException if {@code limit} is null
     */
    public DecodeOptions withAutoReduce(ReduceLimit limit) {
        return new DecodeOptions(mode, reduce, region, applyExifOrientation, maxPixels, limit, strict);
    }

    /** These options, strict or lenient about data that libjpeg only warns about (see {@link #strict()}). */
    public DecodeOptions withStrict(boolean newStrict) {
        return new DecodeOptions(mode, reduce, region, applyExifOrientation, maxPixels, autoReduce, newStrict);
    }
}
