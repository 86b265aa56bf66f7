package dev.sluice.core.mix;

import dev.sluice.api.Tensor;
import dev.sluice.api.TensorAllocator;
import dev.sluice.core.collate.LabeledBatch;
import dev.sluice.core.loader.BatchTransform;
import java.util.Arrays;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * What MixUp and CutMix share: their parameters and checks, the labels made soft, and the choice
 * of whether a batch is mixed at all. A batch left unmixed (probability {@code 1 - p}) still gets
 * one-hot labels, so that every batch of a loader has labels of the same shape and type.
 */
abstract sealed class BatchMix implements BatchTransform<LabeledBatch> permits MixUp, CutMix {
    private final String id;
    private final double alpha;
    private final int numClasses;
    private final double p;

    BatchMix(String id, double alpha, int numClasses, double p) {
        this.id = id;
        this.alpha = Lambda.requireAlpha(id, alpha);
        if (numClasses < 1) {
            throw new IllegalArgumentException(id + ": num_classes must be >= 1, was " + numClasses);
        }
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException(id + ": p must be a probability in [0, 1], was " + p);
        }
        this.numClasses = numClasses;
        this.p = p;
    }

    /**
     * Mixes the batch with probability {@code p}. The draws, in order: whether to mix ({@code p < 1}
     * only), lambda ~ Beta(alpha, alpha), then what the subclass draws.
     *
     * @throws IllegalArgumentException if the images are not {@code [N, C, H, W]} with N matching
     *         the labels, or the labels are neither class indices in {@code [0, num_classes)} nor
     *         probabilities {@code [N, num_classes]}, or as the subclass refuses the images
     */
    @Override
    public final LabeledBatch apply(LabeledBatch batch, RandomGenerator random, TensorAllocator allocator) {
        Tensor images = batch.images();
        if (images.rank() != 4) {
            throw new IllegalArgumentException(id + ": expected a batch of images [N, C, H, W] (4 dimensions, as "
                    + "to_tensor makes them), got " + images.rank() + " dimensions " + shape(images));
        }
        if (images.dim(0) != batch.labels().dim(0)) {
            throw new IllegalArgumentException(id + ": the batch has " + images.dim(0) + " images and "
                    + batch.labels().dim(0) + " labels");
        }
        if (batch.targets().isPresent()) {
            // Rebuilding the batch from images and soft labels would drop them silently.
            throw new IllegalArgumentException(id + ": the batch carries boxes, masks or key points, which " + id
                    + " does not mix (torchvision v2 refuses them too); leave it out of a detection or segmentation "
                    + "configuration");
        }
        requireMixable(images);
        float[] labels = SoftLabels.of(id, batch.labels(), numClasses);
        int n = images.dim(0);
        if (p < 1 && !(random.nextDouble() < p)) {
            Tensor soft = SoftLabels.tensor(labels, n, numClasses, allocator);
            batch.labels().releaseTo(allocator);
            return new LabeledBatch(images, soft);
        }
        return mix(batch, labels, Lambda.draw(random, alpha), random, allocator);
    }

    /** Refuses images this mix cannot mix, naming why. */
    abstract void requireMixable(Tensor images);

    /**
     * The mixed batch, with lambda drawn; the subclass draws the rest from {@code random}, makes the
     * new tensors from {@code allocator} and releases the input's.
     *
     * @param labels the batch's labels as soft rows {@code [N, num_classes]}
     */
    abstract LabeledBatch mix(LabeledBatch batch, float[] labels, double lambda, RandomGenerator random,
            TensorAllocator allocator);

    /** The soft labels mixed with weight {@code lambda} on each sample's own, as a tensor. */
    final Tensor mixedLabels(float[] labels, int n, double lambda, TensorAllocator allocator) {
        return SoftLabels.tensor(SoftLabels.mixed(labels, n, numClasses, lambda), n, numClasses, allocator);
    }

    /** The number of classes of the soft labels. */
    public final int numClasses() {
        return numClasses;
    }

    /** The Beta distribution's concentration, both of its parameters. */
    public final double alpha() {
        return alpha;
    }

    /** The probability that a batch is mixed. */
    public final double p() {
        return p;
    }

    @Override
    public final String describe() {
        return String.format(Locale.ROOT, "%s(alpha=%s,p=%s,num_classes=%d)", id, alpha, p, numClasses);
    }

    @Override
    public final String toString() {
        return describe();
    }

    static String shape(Tensor tensor) {
        return Arrays.toString(tensor.shape());
    }
}
