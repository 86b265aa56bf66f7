package dev.sluice.core.sampler;

import java.util.HashMap;
import java.util.Map;

/**
 * Per-sample weights that balance the classes: each sample weighs {@code 1 / (samples of its
 * class)}, so that every class is drawn equally often by a {@link WeightedRandomSampler} (the
 * recipe PyTorch's documentation gives for imbalanced data).
 *
 * <pre>{@code
 * Sampler balanced = new WeightedRandomSampler(ClassBalance.inverseFrequency(classes), classes.length, true, seed);
 * }</pre>
 */
public final class ClassBalance {
    private ClassBalance() {
    }

    /**
     * The weights of the samples whose classes are {@code classes}, in the same order.
     *
     * @throws IllegalArgumentException if {@code classes} is empty
     */
    public static double[] inverseFrequency(long[] classes) {
        if (classes.length == 0) {
            throw new IllegalArgumentException("no samples, so no classes to balance");
        }
        Map<Long, Integer> counts = new HashMap<>();
        for (long label : classes) {
            counts.merge(label, 1, Integer::sum);
        }
        double[] weights = new double[classes.length];
        for (int i = 0; i < classes.length; i++) {
            weights[i] = 1.0 / counts.get(classes[i]);
        }
        return weights;
    }
}
