package dev.sluice.plugins.transforms.augment;

import java.util.random.RandomGenerator;

/**
 * Draws from a symmetric Dirichlet distribution, as normalised Gamma(alpha, 1) draws (the way
 * PyTorch's {@code _sample_dirichlet} does it, though not with its random stream). The Gamma draws use
 * Marsaglia and Tsang's method, with {@code U^(1/alpha)} boosting for {@code alpha < 1}, kept as
 * logarithms so that a small alpha, whose draws underflow a double, still gives weights that sum to 1.
 */
final class Dirichlet {
    private Dirichlet() {
    }

    /** {@code count} weights summing to 1, from Dirichlet(alpha, ..., alpha), as float32 like torch's. */
    static float[] draw(RandomGenerator random, double alpha, int count) {
        double[] logs = new double[count];
        double largest = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < count; i++) {
            logs[i] = logGamma(random, alpha);
            largest = Math.max(largest, logs[i]);
        }
        double sum = 0;
        for (int i = 0; i < count; i++) {
            sum += Math.exp(logs[i] - largest);
        }
        float[] out = new float[count];
        for (int i = 0; i < count; i++) {
            out[i] = (float) (Math.exp(logs[i] - largest) / sum);
        }
        return out;
    }

    /** The logarithm of one Gamma(alpha, 1) draw, {@code alpha > 0}. */
    static double logGamma(RandomGenerator random, double alpha) {
        if (alpha < 1) {
            double u = random.nextDouble();
            return logGamma(random, alpha + 1) + Math.log(u) / alpha;
        }
        double d = alpha - 1.0 / 3.0;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = random.nextGaussian();
            double v = 1 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = random.nextDouble();
            if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) {
                return Math.log(d * v);
            }
        }
    }
}
