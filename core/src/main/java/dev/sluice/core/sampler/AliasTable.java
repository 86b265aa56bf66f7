package dev.sluice.core.sampler;

import java.util.SplittableRandom;

/**
 * Draws index {@code i} with probability {@code weights[i] / sum(weights)} in constant time: Walker's
 * alias method, built as in Vose ("A linear algorithm for generating random numbers with a given
 * distribution", IEEE TSE 1991). Each column {@code i} keeps itself with probability
 * {@code probability[i]} and otherwise yields {@code alias[i]}. Immutable and thread-safe once built.
 */
final class AliasTable {
    private final double[] probability;
    private final int[] alias;

    /** {@code weights} must be finite and {@code >= 0}, at least one positive; they are not kept. */
    AliasTable(double[] weights) {
        int n = weights.length;
        double max = 0;
        for (double weight : weights) {
            max = Math.max(max, weight);
        }
        // Dividing by the largest weight first keeps the sum finite however large the weights are.
        double[] scaled = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            scaled[i] = weights[i] / max;
            sum += scaled[i];
        }
        double factor = n / sum;
        for (int i = 0; i < n; i++) {
            scaled[i] *= factor;
        }
        // One array holds both work lists: the under-full columns grow up from 0, the over-full ones
        // down from n; together they never hold more than n entries.
        int[] work = new int[n];
        int small = 0;
        int large = n;
        for (int i = 0; i < n; i++) {
            if (scaled[i] < 1) {
                work[small++] = i;
            } else {
                work[--large] = i;
            }
        }
        alias = new int[n];
        while (small > 0 && large < n) {
            int under = work[--small];
            int over = work[large++];
            alias[under] = over;
            scaled[over] = (scaled[over] + scaled[under]) - 1;
            if (scaled[over] < 1) {
                work[small++] = over;
            } else {
                work[--large] = over;
            }
        }
        // What is left is full up to rounding (a deficit of the order of n * 1e-16, never a whole
        // zero-weight column), so it keeps itself.
        while (large < n) {
            scaled[work[large++]] = 1;
        }
        while (small > 0) {
            scaled[work[--small]] = 1;
        }
        probability = scaled;
    }

    int draw(SplittableRandom random) {
        int column = random.nextInt(probability.length);
        return random.nextDouble() < probability[column] ? column : alias[column];
    }
}
