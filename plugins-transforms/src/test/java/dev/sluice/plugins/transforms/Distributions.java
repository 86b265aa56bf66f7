package dev.sluice.plugins.transforms;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Locale;

/**
 * Goodness-of-fit checks for sampled parameters, at the 1% level. The tests draw from fixed seeds, so
 * a check that passes once passes always; the thresholds make a wrong distribution fail.
 */
public final class Distributions {
    private Distributions() {
    }

    /** Kolmogorov-Smirnov: {@code samples} look uniform on [low, high]. */
    public static void assertUniform(double[] samples, double low, double high, String what) {
        double[] sorted = samples.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double d = 0;
        for (int i = 0; i < n; i++) {
            double cdf = Math.min(1, Math.max(0, (sorted[i] - low) / (high - low)));
            d = Math.max(d, Math.max(cdf - (double) i / n, (double) (i + 1) / n - cdf));
        }
        double critical = 1.63 / Math.sqrt(n);
        double statistic = d;
        assertTrue(d < critical, () -> String.format(Locale.ROOT, "%s: not uniform on [%s, %s]; KS D = %.4f >= %.4f",
                what, low, high, statistic, critical));
    }

    /** Pearson's chi-square: {@code counts} fit the probabilities {@code expected} (summing to 1). */
    public static void assertFrequencies(long[] counts, double[] expected, String what) {
        long n = Arrays.stream(counts).sum();
        double chi = 0;
        int cells = 0;
        for (int i = 0; i < counts.length; i++) {
            if (expected[i] == 0) {
                assertTrue(counts[i] == 0, what + ": outcome " + i + " has probability 0 but happened " + counts[i] + " times");
                continue;
            }
            double e = n * expected[i];
            chi += (counts[i] - e) * (counts[i] - e) / e;
            cells++;
        }
        // 99th percentile of chi-square with k - 1 degrees of freedom (Wilson-Hilferty).
        int k = cells - 1;
        double z = 2.326;
        double critical = k * Math.pow(1 - 2.0 / (9 * k) + z * Math.sqrt(2.0 / (9 * k)), 3);
        double statistic = chi;
        assertTrue(chi < critical, () -> String.format(Locale.ROOT, "%s: counts %s do not fit %s; chi-square %.2f >= %.2f",
                what, Arrays.toString(counts), Arrays.toString(expected), statistic, critical));
    }
}
