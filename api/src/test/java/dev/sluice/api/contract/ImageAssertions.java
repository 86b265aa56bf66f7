package dev.sluice.api.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.DType;
import dev.sluice.api.Image;
import java.util.Locale;
import java.util.Optional;

/** Comparisons of decoded images with what the contracts expect, failing with where and by how much. */
final class ImageAssertions {
    private ImageAssertions() {
    }

    static void assertSameShape(Image expected, Image actual, String what) {
        assertEquals(expected.toString(), actual.toString(), what + ": width x height x channels");
    }

    static void assertSamePixels(Image expected, Image actual, String what) {
        assertWithin(expected, actual, 0, what);
    }

    // Same shape and every sample within tolerance levels.
    static void assertWithin(Image expected, Image actual, int tolerance, String what) {
        assertSameShape(expected, actual, what);
        Optional<String> difference = Pixels.firstDifference(expected, actual, tolerance);
        assertTrue(difference.isEmpty(), () -> what + ": samples must be within " + tolerance
                + " of the expected ones; first beyond that at " + difference.orElseThrow()
                + "; largest difference " + Pixels.maxAbsoluteDifference(expected, actual));
    }

    // Same shape and the mean absolute difference over all samples at most bound.
    static void assertMeanDifferenceAtMost(Image expected, Image actual, double bound, String what) {
        assertSameShape(expected, actual, what);
        double mean = Pixels.meanAbsoluteDifference(expected, actual);
        assertTrue(mean <= bound, () -> String.format(Locale.ROOT,
                "%s: mean absolute difference %.3f is above the bound %.3f (largest difference %d)",
                what, mean, bound, Pixels.maxAbsoluteDifference(expected, actual)));
    }

    /**
     * Same shape, and in every channel the mean absolute difference and its 99th percentile within
     * {@code tolerance}; the message gives the measured figures of every channel.
     */
    static void assertWithin(Image expected, Image actual, Tolerance tolerance, String what) {
        assertSameShape(expected, actual, what);
        int channels = expected.channels();
        int[] x = Pixels.levels(expected);
        int[] y = Pixels.levels(actual);
        int levels = expected.dtype() == DType.UINT16 ? 1 << 16 : 256;
        long[][] histogram = new long[channels][levels];
        for (int i = 0; i < x.length; i++) {
            histogram[i % channels][Math.abs(x[i] - y[i])]++;
        }
        StringBuilder measured = new StringBuilder();
        boolean within = true;
        for (int c = 0; c < channels; c++) {
            long count = x.length / channels;
            long sum = 0;
            int p99 = -1;
            long seen = 0;
            for (int d = 0; d < levels; d++) {
                sum += d * histogram[c][d];
                seen += histogram[c][d];
                if (p99 < 0 && seen * 100 >= count * 99) {
                    p99 = d;
                }
            }
            double mean = (double) sum / count;
            within &= mean <= tolerance.meanPerChannel() && p99 <= tolerance.p99PerChannel();
            measured.append(String.format(Locale.ROOT, "%s channel %d: mean %.3f, p99 %d", c == 0 ? "" : ";", c, mean, p99));
        }
        assertTrue(within, () -> what + ": beyond " + tolerance + ":" + measured);
    }
}
