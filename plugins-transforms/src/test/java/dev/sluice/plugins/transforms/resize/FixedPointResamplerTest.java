package dev.sluice.plugins.transforms.resize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.sluice.api.Image;
import dev.sluice.plugins.transforms.Raster;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The fixed-point resampler, which computes horizontal rows only when an output row first needs them
 * (two at a time, in a ring of per-channel rows), gives every sample of the plain order of work: all
 * horizontal rows first, then each output row from them, with OpenCV's arithmetic. Any sizes, shrinking
 * and enlarging, 1 to 4 channels, linear and cubic, whole outputs and windows of them.
 */
class FixedPointResamplerTest {

    @Property(tries = 200)
    void ringOfRowsGivesWhatAllRowsFirstGives(@ForAll @IntRange(min = 1, max = 60) int width,
            @ForAll @IntRange(min = 1, max = 60) int height, @ForAll @IntRange(min = 1, max = 90) int outWidth,
            @ForAll @IntRange(min = 1, max = 90) int outHeight, @ForAll @IntRange(min = 1, max = 4) int channels,
            @ForAll boolean cubic, @ForAll @IntRange(min = 0, max = 1000) int seed) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] pixels = new byte[width * height * channels];
        random.nextBytes(pixels);
        Raster source = new Raster(pixels, width, height, channels);
        double inverseX = (double) outWidth / width;
        double inverseY = (double) outHeight / height;
        AxisTable columns = cubic ? AxisTables.openCvCubic(0, width, outWidth, inverseX, false)
                : AxisTables.openCvLinear(0, width, outWidth, inverseX, false, true, false);
        AxisTable rows = cubic ? AxisTables.openCvCubic(0, height, outHeight, inverseY, false)
                : AxisTables.openCvLinear(0, height, outHeight, inverseY, false, false, false);
        int x0 = random.nextInt(outWidth);
        int y0 = random.nextInt(outHeight);
        Window window = seed % 2 == 0 ? Window.whole(outWidth, outHeight)
                : new Window(x0, y0, x0 + 1 + random.nextInt(outWidth - x0), y0 + 1 + random.nextInt(outHeight - y0));
        ImageSink sink = new ImageSink(window.width(), window.height(), channels);
        new FixedPointResampler(columns, rows).resample(Image.wrap(width, height, channels, pixels), window, sink);
        assertArrayEquals(allRowsFirst(source, columns, rows, window), sink.raster().data);
    }

    /** OpenCV's order of work, one sample at a time: every needed horizontal row, then the vertical pass. */
    private static byte[] allRowsFirst(Raster source, AxisTable columns, AxisTable rows, Window window) {
        int channels = source.channels;
        int taps = columns.taps;
        int[][] horizontal = new int[source.height][window.width() * channels];
        for (int r = 0; r < source.height; r++) {
            for (int x = 0; x < window.width(); x++) {
                for (int c = 0; c < channels; c++) {
                    int sum = 0;
                    for (int k = 0; k < taps; k++) {
                        int at = (window.x0() + x) * taps + k;
                        sum += (source.data[(r * source.width + columns.index[at]) * channels + c] & 0xFF)
                                * columns.fixed[at];
                    }
                    horizontal[r][x * channels + c] = sum;
                }
            }
        }
        byte[] out = new byte[window.width() * window.height() * channels];
        for (int y = 0; y < window.height(); y++) {
            int t = (window.y0() + y) * taps;
            for (int i = 0; i < window.width() * channels; i++) {
                int v;
                if (taps == 2) {
                    v = ((((horizontal[rows.index[t]][i] >> 4) * rows.fixed[t]) >> 16)
                            + (((horizontal[rows.index[t + 1]][i] >> 4) * rows.fixed[t + 1]) >> 16) + 2) >> 2;
                } else {
                    float scale = 1f / (AxisTables.FIXED_ONE * AxisTables.FIXED_ONE);
                    float sum = horizontal[rows.index[t + 3]][i] * (rows.fixed[t + 3] * scale);
                    sum = horizontal[rows.index[t + 2]][i] * (rows.fixed[t + 2] * scale) + sum;
                    sum = horizontal[rows.index[t + 1]][i] * (rows.fixed[t + 1] * scale) + sum;
                    sum = horizontal[rows.index[t]][i] * (rows.fixed[t] * scale) + sum;
                    v = (int) Math.rint(sum);
                }
                out[y * window.width() * channels + i] = (byte) Math.max(0, Math.min(v, 255));
            }
        }
        return out;
    }
}
