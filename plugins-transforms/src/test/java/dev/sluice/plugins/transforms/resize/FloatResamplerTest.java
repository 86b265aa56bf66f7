package dev.sluice.plugins.transforms.resize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.sluice.api.Image;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The float resampler, which copies the source a strip of rows at a time into column planes a band
 * of output columns at a time, computes blocks of columns and writes them back into a ring of rows,
 * gives every sample of the plain order of work: each horizontal row of the region, one sample at a
 * time, then each output row from them. Sources up to 1,100 rows (a strip holds 64 to 384, fewer the
 * wider the window, so up to a dozen strips here) and outputs up to 220 columns (up to four bands, the
 * last block short), shrinking and enlarging, 1 to 4 channels, PyTorch's antialiased bilinear and
 * bicubic (negative weights, so clamped) and OpenCV's area, a region inside a larger image, whole
 * outputs and windows of them.
 */
class FloatResamplerTest {

    @Property(tries = 120)
    void stripsBandsAndBlocksGiveWhatOneSampleAtATimeGives(@ForAll @IntRange(min = 1, max = 200) int width,
            @ForAll @IntRange(min = 1, max = 1100) int height, @ForAll @IntRange(min = 1, max = 220) int outWidth,
            @ForAll @IntRange(min = 1, max = 160) int outHeight, @ForAll @IntRange(min = 1, max = 4) int channels,
            @ForAll @IntRange(min = 0, max = 2) int kernel, @ForAll @IntRange(min = 0, max = 1000) int seed) {
        SplittableRandom random = new SplittableRandom(seed);
        // The region resized lies inside a larger image, at (left, top).
        int left = random.nextInt(4);
        int top = random.nextInt(4);
        int imageWidth = left + width + random.nextInt(4);
        int imageHeight = top + height + random.nextInt(4);
        byte[] pixels = new byte[imageWidth * imageHeight * channels];
        random.nextBytes(pixels);
        boolean area = kernel == 2 && width >= outWidth && height >= outHeight;
        AxisTable columns = area ? AxisTables.openCvArea(left, width, outWidth, (double) width / outWidth)
                : AxisTables.torchAntialiased(left, width, outWidth, kernel == 1);
        AxisTable rows = area ? AxisTables.openCvArea(top, height, outHeight, (double) height / outHeight)
                : AxisTables.torchAntialiased(top, height, outHeight, kernel == 1);
        int x0 = random.nextInt(outWidth);
        int y0 = random.nextInt(outHeight);
        Window window = seed % 2 == 0 ? Window.whole(outWidth, outHeight)
                : new Window(x0, y0, x0 + 1 + random.nextInt(outWidth - x0), y0 + 1 + random.nextInt(outHeight - y0));
        ImageSink sink = new ImageSink(window.width(), window.height(), channels);
        new FloatResampler(columns, rows, !area).resample(Image.wrap(imageWidth, imageHeight, channels, pixels),
                window, sink);
        assertArrayEquals(oneSampleAtATime(pixels, imageWidth, channels, columns, rows, window, !area),
                sink.raster().data);
    }

    @Property(tries = 10)
    void aTallImageIsResampledInSeveralStrips(@ForAll @IntRange(min = 800, max = 1100) int height,
            @ForAll @IntRange(min = 0, max = 1000) int seed) {
        // A band of rows the width of an eval crop's source (strips of about 110 rows), 800 to 1,100 rows
        // tall: the strip edges fall inside the taps of some output rows, which must then read rows of
        // two strips.
        SplittableRandom random = new SplittableRandom(seed);
        int width = 330;
        byte[] pixels = new byte[width * height * 3];
        random.nextBytes(pixels);
        AxisTable columns = AxisTables.torchAntialiased(0, width, 224, false);
        AxisTable rows = AxisTables.torchAntialiased(0, height, 97, false);
        Window window = Window.whole(224, 97);
        ImageSink sink = new ImageSink(224, 97, 3);
        new FloatResampler(columns, rows, true).resample(Image.wrap(width, height, 3, pixels), window, sink);
        assertArrayEquals(oneSampleAtATime(pixels, width, 3, columns, rows, window, true), sink.raster().data);
    }

    /**
     * PyTorch's order of work, one sample at a time: the horizontal pass over every source row the
     * window reads, then the vertical pass, each summing its taps in order (after the first tap with
     * a fused multiply-add when {@code fused}), rounded half to even and clamped.
     */
    private static byte[] oneSampleAtATime(byte[] pixels, int imageWidth, int channels, AxisTable columns,
            AxisTable rows, Window window, boolean fused) {
        int width = window.width();
        int firstRow = rows.firstSource(window.y0(), window.y1());
        int lastRow = rows.lastSource(window.y0(), window.y1());
        float[][] horizontal = new float[lastRow - firstRow + 1][width * channels];
        for (int r = firstRow; r <= lastRow; r++) {
            for (int x = 0; x < width; x++) {
                int o = window.x0() + x;
                for (int c = 0; c < channels; c++) {
                    float sum = 0f;
                    for (int k = 0; k < columns.count[o]; k++) {
                        int t = o * columns.taps + k;
                        float level = pixels[(r * imageWidth + columns.index[t]) * channels + c] & 0xFF;
                        sum = accumulate(sum, level, columns.weight[t], k, fused);
                    }
                    horizontal[r - firstRow][x * channels + c] = sum;
                }
            }
        }
        byte[] out = new byte[width * window.height() * channels];
        for (int y = 0; y < window.height(); y++) {
            int o = window.y0() + y;
            for (int i = 0; i < width * channels; i++) {
                float sum = 0f;
                for (int k = 0; k < rows.count[o]; k++) {
                    int t = o * rows.taps + k;
                    sum = accumulate(sum, horizontal[rows.index[t] - firstRow][i], rows.weight[t], k, fused);
                }
                out[y * width * channels + i] = (byte) Math.max(0, Math.min((int) Math.rint(sum), 255));
            }
        }
        return out;
    }

    private static float accumulate(float sum, float value, float weight, int tap, boolean fused) {
        if (tap == 0) {
            return value * weight;
        }
        return fused ? Math.fma(value, weight, sum) : sum + value * weight;
    }
}
