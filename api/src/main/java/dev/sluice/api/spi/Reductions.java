package dev.sluice.api.spi;

import dev.sluice.api.DecodeOptions;
import dev.sluice.api.ReduceLimit;
import dev.sluice.api.Region;
import java.util.Arrays;

/**
 * The reduced-scale decode of {@link DecodeOptions#reduce()} and {@link DecodeOptions#autoReduce()},
 * defined once so that every backend picks the same factor and gives the same sizes, the same
 * region and, where the codec cannot reduce by itself, the same pixels.
 *
 * <ul>
 *   <li>Sizes round up, as libjpeg's scaled decode and so OpenCV's {@code IMREAD_REDUCED_*} do for
 *       JPEG: a 101-pixel side reduced by 4 is 26 pixels.
 *   <li>Without a scaled decode in the codec, each output sample is the mean of its
 *       {@code factor x factor} block of the full-size image, anchored at the top-left corner; the
 *       blocks of the last column and row hold only the pixels that exist.
 *   <li>A region given in full-size coordinates covers, at reduced scale, every reduced pixel its
 *       rectangle touches: {@code [floor(x / f), ceil((x + w) / f))} across, likewise down. With
 *       corners on multiples of the factor that is exactly the region divided by it.
 * </ul>
 *
 * <pre>{@code
 * int factor = Reductions.factor(header, options);                            // 1, 2, 4 or 8
 * int w = Reductions.reducedLength(101, 4);                                   // 26
 * Region r = Reductions.reducedRegion(new Region(16, 8, 48, 32), 4, 26, 17);  // [4, 2, 12, 8]
 * }</pre>
 *
 * Thread-safe: static methods without state.
 */
public final class Reductions {
    private Reductions() {
    }

    /**
     * The factor to decode an image at, for a decoder that knows its header: {@link #factor(int,
     * int, DecodeOptions)} with the size as shown, which is the stored size with width and height
     * swapped when the options apply an EXIF orientation of 5 to 8.
     *
     * @throws IllegalStateException as {@link #factor(int, int, DecodeOptions)}
     */
    public static int factor(ImageHeader header, DecodeOptions options) {
        boolean oriented = options.applyExifOrientation();
        return factor(header.shownWidth(oriented), header.shownHeight(oriented), options);
    }

    /**
     * The factor to decode an image at: {@link DecodeOptions#reduce()} when it is above 1 or a
     * region is given; otherwise what {@link DecodeOptions#autoReduce()} allows for the image's size.
     * Every decoder calls this (or the {@link ImageHeader} form) and then reduces by the answer as
     * it reduces by a fixed {@code reduce}, so that every backend picks the same factor.
     *
     * @param shownWidth columns of the full-size image as the caller will see it (after the EXIF
     *        orientation when the options apply it), {@code > 0}
     * @param shownHeight rows, likewise, {@code > 0}
     * @return 1, 2, 4 or 8
     * @throws IllegalStateException when the limit answers anything but 1, 2, 4 or 8, naming the
     *         limit, the size and the answer
     */
    public static int factor(int shownWidth, int shownHeight, DecodeOptions options) {
        if (options.reduce() != 1 || options.region() != null) {
            return options.reduce();
        }
        ReduceLimit limit = options.autoReduce();
        int factor = limit.largestReduce(shownWidth, shownHeight);
        if (factor != 1 && factor != 2 && factor != 4 && factor != 8) {
            throw new IllegalStateException("the reduce limit " + limit + " answered " + factor + " for a " + shownWidth
                    + "x" + shownHeight + " image; it must answer 1, 2, 4 or 8");
        }
        return factor;
    }

    /**
     * {@code ceil(length / factor)}.
     *
     * @param length a side in pixels, {@code > 0}
     * @param factor 1, 2, 4 or 8
     * @throws IllegalArgumentException naming the argument when one is out of range
     */
    public static int reducedLength(int length, int factor) {
        requireFactor(factor);
        if (length <= 0) {
            throw new IllegalArgumentException("length must be > 0, was " + length);
        }
        return (int) (((long) length + factor - 1) / factor);
    }

    /**
     * The rectangle of the image reduced by {@code factor} that covers {@code region}, clipped to the
     * reduced image.
     *
     * @param region a rectangle in full-size coordinates, inside the full-size image
     * @param factor 1, 2, 4 or 8
     * @param reducedWidth columns of the reduced image, {@code > 0}
     * @param reducedHeight rows of the reduced image, {@code > 0}
     * @throws IllegalArgumentException if the factor is not 1, 2, 4 or 8, or the region does not
     *         start inside the reduced image
     */
    public static Region reducedRegion(Region region, int factor, int reducedWidth, int reducedHeight) {
        requireFactor(factor);
        int x0 = region.x() / factor;
        int y0 = region.y() / factor;
        if (x0 >= reducedWidth || y0 >= reducedHeight) {
            throw new IllegalArgumentException("region " + region + " reduced by " + factor + " starts outside the "
                    + reducedWidth + "x" + reducedHeight + " reduced image");
        }
        int x1 = (int) Math.min(reducedWidth, ((long) region.x() + region.width() + factor - 1) / factor);
        int y1 = (int) Math.min(reducedHeight, ((long) region.y() + region.height() + factor - 1) / factor);
        return new Region(x0, y0, x1 - x0, y1 - y0);
    }

    /**
     * An interleaved 8-bit image shrunk by {@code factor} to {@code reducedLength} on each side: each
     * output sample is the mean of the samples of its block, rounded half up.
     *
     * @param hwc {@code width * height * channels} samples, rows top to bottom; not modified
     * @param width columns, {@code > 0}
     * @param height rows, {@code > 0}
     * @param channels samples per pixel, 1 to 4
     * @param factor 1, 2, 4 or 8; 1 returns a copy
     * @return a new array of {@code reducedLength(width) * reducedLength(height) * channels} samples
     * @throws IllegalArgumentException if a size is out of range or the array length does not match
     */
    public static byte[] blockAverage(byte[] hwc, int width, int height, int channels, int factor) {
        int outWidth = reducedLength(width, factor);
        int outHeight = reducedLength(height, factor);
        if (channels < 1 || channels > 4 || (long) width * height * channels != hwc.length) {
            throw new IllegalArgumentException("a " + width + "x" + height + "x" + channels + " image needs "
                    + (long) width * height * channels + " samples, got " + hwc.length);
        }
        if (factor == 1) {
            return hwc.clone();
        }
        byte[] out = new byte[outWidth * outHeight * channels];
        int[] sums = new int[outWidth * channels];
        int fullBlocks = width / factor;
        int shift = Integer.numberOfTrailingZeros(factor * factor);
        for (int oy = 0; oy < outHeight; oy++) {
            Arrays.fill(sums, 0);
            int y0 = oy * factor;
            int y1 = Math.min(height, y0 + factor);
            for (int y = y0; y < y1; y++) {
                addRow(hwc, y * width * channels, width, channels, factor, fullBlocks, sums);
            }
            int rows = y1 - y0;
            int to = oy * outWidth * channels;
            int fullSamples = fullBlocks * channels;
            if (rows == factor) {
                // A whole block holds factor^2 pixels, a power of two: rounding half up is a shift.
                int half = 1 << (shift - 1);
                for (int i = 0; i < fullSamples; i++) {
                    out[to + i] = (byte) ((sums[i] + half) >> shift);
                }
            } else {
                divide(sums, 0, fullSamples, rows * factor, out, to);
            }
            divide(sums, fullSamples, outWidth * channels, rows * (width - fullBlocks * factor), out, to);
        }
        return out;
    }

    /**
     * {@link #blockAverage(byte[], int, int, int, int)} for 16-bit samples (each short read unsigned):
     * each output sample is the mean of its block's samples, rounded half up, as for 8 bits.
     *
     * @return a new array of {@code reducedLength(width) * reducedLength(height) * channels} samples
     * @throws IllegalArgumentException if a size is out of range or the array length does not match
     */
    public static short[] blockAverage(short[] hwc, int width, int height, int channels, int factor) {
        int outWidth = reducedLength(width, factor);
        int outHeight = reducedLength(height, factor);
        if (channels < 1 || channels > 4 || (long) width * height * channels != hwc.length) {
            throw new IllegalArgumentException("a " + width + "x" + height + "x" + channels + " image needs "
                    + (long) width * height * channels + " samples, got " + hwc.length);
        }
        short[] out = new short[outWidth * outHeight * channels];
        for (int oy = 0; oy < outHeight; oy++) {
            int y0 = oy * factor;
            int y1 = Math.min(height, y0 + factor);
            for (int ox = 0; ox < outWidth; ox++) {
                int x0 = ox * factor;
                int x1 = Math.min(width, x0 + factor);
                long count = (long) (y1 - y0) * (x1 - x0);
                for (int c = 0; c < channels; c++) {
                    long sum = 0;
                    for (int y = y0; y < y1; y++) {
                        for (int x = x0; x < x1; x++) {
                            sum += hwc[(y * width + x) * channels + c] & 0xFFFF;
                        }
                    }
                    out[(oy * outWidth + ox) * channels + c] = (short) ((2 * sum + count) / (2 * count));
                }
            }
        }
        return out;
    }

    /** Adds one row's samples into the sums of its blocks; the last, partial block takes what exists. */
    private static void addRow(byte[] hwc, int at, int width, int channels, int factor, int fullBlocks, int[] sums) {
        int s = 0;
        if (channels == 3) {
            for (int block = 0; block < fullBlocks; block++, s += 3) {
                int r = 0;
                int g = 0;
                int b = 0;
                for (int k = 0; k < factor; k++, at += 3) {
                    r += hwc[at] & 0xFF;
                    g += hwc[at + 1] & 0xFF;
                    b += hwc[at + 2] & 0xFF;
                }
                sums[s] += r;
                sums[s + 1] += g;
                sums[s + 2] += b;
            }
        } else if (channels == 1) {
            for (int block = 0; block < fullBlocks; block++, s++) {
                int v = 0;
                for (int k = 0; k < factor; k++) {
                    v += hwc[at++] & 0xFF;
                }
                sums[s] += v;
            }
        } else {
            for (int block = 0; block < fullBlocks; block++, s += channels) {
                for (int k = 0; k < factor; k++) {
                    for (int c = 0; c < channels; c++) {
                        sums[s + c] += hwc[at++] & 0xFF;
                    }
                }
            }
        }
        for (int x = fullBlocks * factor; x < width; x++) {
            for (int c = 0; c < channels; c++) {
                sums[s + c] += hwc[at++] & 0xFF;
            }
        }
    }

    /** {@code out[to + i] = round-half-up(sums[i] / count)} for i in [from, end). */
    private static void divide(int[] sums, int from, int end, int count, byte[] out, int to) {
        for (int i = from; i < end; i++) {
            out[to + i] = (byte) ((2 * sums[i] + count) / (2 * count));
        }
    }

    private static void requireFactor(int factor) {
        if (factor != 1 && factor != 2 && factor != 4 && factor != 8) {
            throw new IllegalArgumentException("factor must be 1, 2, 4 or 8, was " + factor);
        }
    }
}
