package dev.sluice.core.mix;

import dev.sluice.api.TensorAllocator;
import dev.sluice.core.collate.LabeledBatch;
import dev.sluice.core.loader.BatchTransform;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * One of several batch transforms per batch, picked with the given weights: torchvision's
 * {@code RandomChoice(transforms, p)}, as in the common recipe
 * {@code RandomChoice([MixUp(alpha=0.2), CutMix(alpha=1.0)])}. The weights need not sum to 1; they
 * are normalised as torchvision normalises them. The pick is the batch's first draw.
 *
 * <pre>{@code
 * BatchTransform<LabeledBatch> mix = new MixChoice(List.of(new MixUp(0.2, 1000), new CutMix(1.0, 1000)),
 *         new double[] {1, 1});
 * }</pre>
 */
public final class MixChoice implements BatchTransform<LabeledBatch> {
    private final List<BatchTransform<LabeledBatch>> choices;
    private final double[] weights;

    /**
     * @param choices the transforms, at least one
     * @param weights one per transform, each finite and {@code >= 0}, not all 0
     * @throws IllegalArgumentException if the counts differ (torchvision's wording) or a weight is refused
     */
    public MixChoice(List<? extends BatchTransform<LabeledBatch>> choices, double[] weights) {
        this.choices = List.copyOf(Objects.requireNonNull(choices, "choices"));
        if (this.choices.isEmpty()) {
            throw new IllegalArgumentException("random_choice: needs at least one transform");
        }
        if (weights.length != this.choices.size()) {
            throw new IllegalArgumentException("Length of p doesn't match the number of transforms: "
                    + weights.length + " != " + this.choices.size());
        }
        double total = 0;
        for (int i = 0; i < weights.length; i++) {
            if (!(weights[i] >= 0) || Double.isInfinite(weights[i])) {
                throw new IllegalArgumentException("random_choice: p[" + i + "] must be a finite weight >= 0, was "
                        + weights[i]);
            }
            total += weights[i];
        }
        if (total <= 0) {
            throw new IllegalArgumentException("random_choice: the weights p are all 0, so no transform can be picked");
        }
        this.weights = new double[weights.length];
        for (int i = 0; i < weights.length; i++) {
            this.weights[i] = weights[i] / total;
        }
    }

    /** Each transform with the same weight, as torchvision's {@code RandomChoice(transforms)} with {@code p=None}. */
    public static MixChoice uniform(List<? extends BatchTransform<LabeledBatch>> choices) {
        double[] weights = new double[choices.size()];
        Arrays.fill(weights, 1.0);
        return new MixChoice(choices, weights);
    }

    @Override
    public LabeledBatch apply(LabeledBatch batch, RandomGenerator random, TensorAllocator allocator) {
        return choices.get(pick(random.nextDouble())).apply(batch, random, allocator);
    }

    /** The transform {@code u}, uniform in {@code [0, 1)}, picks by the normalised weights. */
    int pick(double u) {
        double below = 0;
        int last = 0;
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] > 0) {
                below += weights[i];
                last = i;
                if (u < below) {
                    return i;
                }
            }
        }
        return last;
    }

    @Override
    public String describe() {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < choices.size(); i++) {
            parts.add(String.format(Locale.ROOT, "%s*%s", weights[i], choices.get(i).describe()));
        }
        return "random_choice(" + String.join(",", parts) + ")";
    }

    @Override
    public String toString() {
        return describe();
    }
}
