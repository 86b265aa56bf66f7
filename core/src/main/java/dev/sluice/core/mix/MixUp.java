package dev.sluice.core.mix;

import dev.sluice.api.DType;
import dev.sluice.api.Tensor;
import dev.sluice.api.TensorAllocator;
import dev.sluice.core.collate.LabeledBatch;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.util.random.RandomGenerator;

/**
 * MixUp (Zhang et al., "mixup: Beyond Empirical Risk Minimization"), as torchvision v2's
 * {@code MixUp}: one lambda ~ Beta(alpha, alpha) per batch, and every sample mixed with the one
 * before it in the batch (sample 0 with the last): {@code x' = lambda x + (1 - lambda) x_before},
 * and the same for the labels made soft. Images must be float32 {@code [N, C, H, W]} (after
 * {@code to_tensor}): uint8 cannot hold a mixture, and torchvision refuses it too.
 *
 * <p>As torchvision's reference recipe, a batch is mixed with probability {@code p} (torchvision's
 * {@code MixUp} itself always mixes: {@code p = 1}); an unmixed batch gets its labels one-hot.
 *
 * <pre>{@code
 * DataLoader<LabeledSample<Tensor>, LabeledBatch> loader = DataLoader.builder(dataset).batchSize(64)
 *         .shuffle(true).batchTransform(new MixUp(0.2, 1000)).build();
 * }</pre>
 */
public final class MixUp extends BatchMix {

    /**
     * @param alpha both parameters of the Beta distribution lambda is drawn from, {@code > 0}
     * @param numClasses the classes of the soft labels; class indices must be below it
     * @param p the probability that a batch is mixed, in {@code [0, 1]}
     * @throws IllegalArgumentException naming the parameter out of range
     */
    public MixUp(double alpha, int numClasses, double p) {
        super("mixup", alpha, numClasses, p);
    }

    /** MixUp of every batch ({@code p = 1}), as torchvision's. */
    public MixUp(double alpha, int numClasses) {
        this(alpha, numClasses, 1.0);
    }

    @Override
    void requireMixable(Tensor images) {
        if (images.dtype() != DType.FLOAT32) {
            throw new IllegalArgumentException("mixup: the images are " + images.dtype() + " " + shape(images)
                    + "; MixUp blends pixels, which needs float32 images (add to_tensor to the transforms)");
        }
    }

    @Override
    LabeledBatch mix(LabeledBatch batch, float[] labels, double lambda, RandomGenerator random,
            TensorAllocator allocator) {
        return mix(batch, labels, lambda, allocator);
    }

    /** The batch mixed with weight {@code lambda} on each sample's own image and labels. */
    LabeledBatch mix(LabeledBatch batch, float[] labels, double lambda, TensorAllocator allocator) {
        Tensor images = batch.images();
        int n = images.dim(0);
        int row = Math.toIntExact(images.numel() / n);
        float kept = (float) lambda;
        float taken = (float) (1.0 - lambda);
        FloatBuffer in = images.data().asFloatBuffer();
        ByteBuffer buffer = allocator.allocate(Math.toIntExact(images.byteSize()));
        FloatBuffer out = buffer.asFloatBuffer();
        float[] before = new float[row];
        float[] own = new float[row];
        float[] mixed = new float[row];
        in.get((n - 1) * row, before);
        for (int i = 0; i < n; i++) {
            in.get(i * row, own);
            for (int k = 0; k < row; k++) {
                float fromBefore = before[k] * taken;
                float fromOwn = own[k] * kept;
                mixed[k] = fromBefore + fromOwn;
            }
            out.put(i * row, mixed);
            float[] swap = before;
            before = own;
            own = swap;
        }
        Tensor result = Tensor.wrap(DType.FLOAT32, images.shape(), buffer);
        Tensor soft = mixedLabels(labels, n, lambda, allocator);
        images.releaseTo(allocator);
        batch.labels().releaseTo(allocator);
        return new LabeledBatch(result, soft);
    }
}
