package dev.sluice.api.contract;

import dev.sluice.api.DType;
import dev.sluice.api.Image;
import dev.sluice.api.Region;
import java.util.Optional;

/** The contracts' own pixel operations: the expected results that decoders are compared with. */
final class Pixels {
    private Pixels() {
    }

    // The rectangle region of image, every sample copied; at the image's depth.
    static Image crop(Image image, Region region) {
        int channels = image.channels();
        int[] source = levels(image);
        int[] out = new int[region.width() * region.height() * channels];
        int rowSamples = region.width() * channels;
        for (int row = 0; row < region.height(); row++) {
            int from = ((region.y() + row) * image.width() + region.x()) * channels;
            System.arraycopy(source, from, out, row * rowSamples, rowSamples);
        }
        return fromLevels(image.dtype(), region.width(), region.height(), channels, out);
    }

    /**
     * {@code image} shrunk by {@code factor} to {@code ceil(width / factor) x ceil(height / factor)}:
     * each output sample is the mean of the samples of its {@code factor x factor} block, rounded half
     * up; the blocks of the last column and row hold only the pixels that exist. At the image's depth.
     */
    static Image blockAverage(Image image, int factor) {
        int width = ceilDiv(image.width(), factor);
        int height = ceilDiv(image.height(), factor);
        int channels = image.channels();
        int[] source = levels(image);
        int[] out = new int[width * height * channels];
        for (int oy = 0; oy < height; oy++) {
            int y1 = Math.min(image.height(), (oy + 1) * factor);
            for (int ox = 0; ox < width; ox++) {
                int x1 = Math.min(image.width(), (ox + 1) * factor);
                for (int c = 0; c < channels; c++) {
                    long sum = 0;
                    for (int y = oy * factor; y < y1; y++) {
                        for (int x = ox * factor; x < x1; x++) {
                            sum += source[(y * image.width() + x) * channels + c];
                        }
                    }
                    int count = (y1 - oy * factor) * (x1 - ox * factor);
                    out[(oy * width + ox) * channels + c] = (int) ((2 * sum + count) / (2 * count));
                }
            }
        }
        return fromLevels(image.dtype(), width, height, channels, out);
    }

    // An image of dtype (uint8 or uint16) holding levels, each within the dtype's range.
    static Image fromLevels(DType dtype, int width, int height, int channels, int[] levels) {
        if (dtype == DType.UINT16) {
            short[] samples = new short[levels.length];
            for (int i = 0; i < levels.length; i++) {
                samples[i] = (short) levels[i];
            }
            return Image.wrapUint16(width, height, channels, samples);
        }
        byte[] samples = new byte[levels.length];
        for (int i = 0; i < levels.length; i++) {
            samples[i] = (byte) levels[i];
        }
        return Image.wrap(width, height, channels, samples);
    }

    // A uint16 image's samples cut to their high byte (v >> 8), as an 8-bit image.
    static Image highBytes(Image image) {
        int[] levels = levels(image);
        for (int i = 0; i < levels.length; i++) {
            levels[i] >>= 8;
        }
        return fromLevels(DType.UINT8, image.width(), image.height(), image.channels(), levels);
    }

    static int ceilDiv(int value, int divisor) {
        return (value + divisor - 1) / divisor;
    }

    // The first keep channels of every pixel: drops alpha, or keeps only grey.
    static Image firstChannels(Image image, int keep) {
        byte[] source = image.toArray();
        int pixels = image.width() * image.height();
        byte[] out = new byte[pixels * keep];
        for (int p = 0; p < pixels; p++) {
            System.arraycopy(source, p * image.channels(), out, p * keep, keep);
        }
        return Image.wrap(image.width(), image.height(), keep, out);
    }

    // A grey image (1 or 2 channels) as RGB: the grey sample three times, alpha dropped.
    static Image greyToRgb(Image grey) {
        byte[] source = grey.toArray();
        int pixels = grey.width() * grey.height();
        byte[] out = new byte[pixels * 3];
        for (int p = 0; p < pixels; p++) {
            byte level = source[p * grey.channels()];
            out[p * 3] = level;
            out[p * 3 + 1] = level;
            out[p * 3 + 2] = level;
        }
        return Image.wrap(grey.width(), grey.height(), 3, out);
    }

    // The BT.601 luma of an RGB or RGBA image, alpha ignored, as TestImages.grey rounds it.
    static Image luma(Image rgb) {
        byte[] source = rgb.toArray();
        int pixels = rgb.width() * rgb.height();
        byte[] out = new byte[pixels];
        for (int p = 0; p < pixels; p++) {
            int at = p * rgb.channels();
            out[p] = (byte) TestImages.grey(source[at] & 0xFF, source[at + 1] & 0xFF, source[at + 2] & 0xFF);
        }
        return Image.wrap(rgb.width(), rgb.height(), 1, out);
    }

    /**
     * {@code image} as a viewer shows it when its EXIF orientation tag is {@code orientation}
     * (1 to 8): 2 mirrors left-right, 3 turns 180 degrees, 4 mirrors top-bottom, 5 transposes,
     * 6 turns 90 degrees clockwise, 7 transverses, 8 turns 90 degrees anticlockwise.
     */
    static Image orient(Image image, int orientation) {
        int w = image.width();
        int h = image.height();
        int channels = image.channels();
        boolean swapsSides = orientation >= 5;
        int outWidth = swapsSides ? h : w;
        int outHeight = swapsSides ? w : h;
        int[] source = levels(image);
        int[] out = new int[source.length];
        for (int y = 0; y < outHeight; y++) {
            for (int x = 0; x < outWidth; x++) {
                int sx;
                int sy;
                switch (orientation) {
                    case 1 -> { sx = x; sy = y; }
                    case 2 -> { sx = w - 1 - x; sy = y; }
                    case 3 -> { sx = w - 1 - x; sy = h - 1 - y; }
                    case 4 -> { sx = x; sy = h - 1 - y; }
                    case 5 -> { sx = y; sy = x; }
                    case 6 -> { sx = y; sy = h - 1 - x; }
                    case 7 -> { sx = w - 1 - y; sy = h - 1 - x; }
                    case 8 -> { sx = w - 1 - y; sy = x; }
                    default -> throw new IllegalArgumentException(
                            "EXIF orientation must be 1 to 8, was " + orientation);
                }
                System.arraycopy(source, (sy * w + sx) * channels, out, (y * outWidth + x) * channels, channels);
            }
        }
        return fromLevels(image.dtype(), outWidth, outHeight, channels, out);
    }

    // Every sample of an 8- or 16-bit image, unsigned, in HWC order.
    static int[] levels(Image image) {
        int[] out = new int[image.width() * image.height() * image.channels()];
        if (image.dtype() == DType.UINT16) {
            short[] samples = new short[out.length];
            image.copyTo(samples, 0);
            for (int i = 0; i < out.length; i++) {
                out[i] = samples[i] & 0xFFFF;
            }
        } else {
            byte[] samples = image.toArray();
            for (int i = 0; i < out.length; i++) {
                out[i] = samples[i] & 0xFF;
            }
        }
        return out;
    }

    // The mean over all samples of |a - b|; the images must have the same size and channels.
    static double meanAbsoluteDifference(Image a, Image b) {
        int[] x = levels(a);
        int[] y = levels(b);
        long sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += Math.abs(x[i] - y[i]);
        }
        return (double) sum / x.length;
    }

    // The largest |a - b| over all samples; the images must have the same size and channels.
    static int maxAbsoluteDifference(Image a, Image b) {
        int[] x = levels(a);
        int[] y = levels(b);
        int max = 0;
        for (int i = 0; i < x.length; i++) {
            max = Math.max(max, Math.abs(x[i] - y[i]));
        }
        return max;
    }

    /**
     * Where two images of the same size first differ by more than {@code tolerance}, as
     * {@code "(x, y, channel): expected 12, was 14"}.
     */
    static Optional<String> firstDifference(Image expected, Image actual, int tolerance) {
        int[] want = levels(expected);
        int[] got = levels(actual);
        int channels = expected.channels();
        for (int i = 0; i < want.length; i++) {
            int wanted = want[i];
            int found = got[i];
            if (Math.abs(wanted - found) > tolerance) {
                int pixel = i / channels;
                int column = pixel % expected.width();
                int row = pixel / expected.width();
                return Optional.of("(" + column + ", " + row + ", " + i % channels + "): expected " + wanted
                        + ", was " + found);
            }
        }
        return Optional.empty();
    }
}
