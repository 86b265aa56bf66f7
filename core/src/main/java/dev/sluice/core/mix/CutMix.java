package dev.sluice.core.mix;

import dev.sluice.api.Tensor;
import dev.sluice.api.TensorAllocator;
import dev.sluice.core.collate.LabeledBatch;
import java.nio.ByteBuffer;
import java.util.random.RandomGenerator;

/**
 * CutMix (Yun et al., "CutMix: Regularization Strategy to Train Strong Classifiers with Localizable
 * Features"), as torchvision v2's {@code CutMix}: one lambda ~ Beta(alpha, alpha) per batch, then a
 * centre {@code (rx, ry)} drawn uniformly over the pixels; the box of half-size
 * {@code trunc(0.5 sqrt(1 - lambda) W)} by {@code trunc(0.5 sqrt(1 - lambda) H)} around it, clipped
 * to the image, is pasted into every sample from the one before it in the batch (sample 0 from the
 * last). The labels are mixed by the area actually kept: {@code lambda' = 1 - box area / (W H)}.
 * Images are {@code [N, C, H, W]} of any dtype.
 *
 * <p>As torchvision's reference recipe, a batch is mixed with probability {@code p} (torchvision's
 * {@code CutMix} itself always mixes: {@code p = 1}); an unmixed batch gets its labels one-hot.
 */
public final class CutMix extends BatchMix {

    /**
     * @param alpha both parameters of the Beta distribution lambda is drawn from, {@code > 0}
     * @param numClasses the classes of the soft labels; class indices must be below it
     * @param p the probability that a batch is mixed, in {@code [0, 1]}
     * @throws IllegalArgumentException naming the parameter out of range
     */
    public CutMix(double alpha, int numClasses, double p) {
        super("cutmix", alpha, numClasses, p);
    }

    /** CutMix of every batch ({@code p = 1}), as torchvision's. */
    public CutMix(double alpha, int numClasses) {
        this(alpha, numClasses, 1.0);
    }

    @Override
    void requireMixable(Tensor images) {
        if (images.dim(2) < 1 || images.dim(3) < 1) {
            throw new IllegalArgumentException("cutmix: the images " + shape(images) + " have no pixels");
        }
    }

    /** Draws the box centre, x then y, as torchvision does. */
    @Override
    LabeledBatch mix(LabeledBatch batch, float[] labels, double lambda, RandomGenerator random,
            TensorAllocator allocator) {
        int rx = random.nextInt(batch.images().dim(3));
        int ry = random.nextInt(batch.images().dim(2));
        return cut(batch, labels, lambda, rx, ry, allocator);
    }

    /** The box {@code [x1, y1, x2, y2)} torchvision cuts for {@code lambda} around {@code (rx, ry)} in a W x H image. */
    static int[] box(double lambda, int rx, int ry, int width, int height) {
        double r = 0.5 * Math.sqrt(1.0 - lambda);
        int halfWidth = (int) (r * width);
        int halfHeight = (int) (r * height);
        return new int[] {Math.max(rx - halfWidth, 0), Math.max(ry - halfHeight, 0), Math.min(rx + halfWidth, width),
            Math.min(ry + halfHeight, height)};
    }

    /** The batch with the box for {@code lambda} around {@code (rx, ry)} pasted from the sample before. */
    LabeledBatch cut(LabeledBatch batch, float[] labels, double lambda, int rx, int ry, TensorAllocator allocator) {
        Tensor images = batch.images();
        int n = images.dim(0);
        int channels = images.dim(1);
        int height = images.dim(2);
        int width = images.dim(3);
        int[] box = box(lambda, rx, ry, width, height);
        int element = images.dtype().byteSize();
        int plane = Math.multiplyExact(Math.multiplyExact(height, width), element);
        int sample = Math.multiplyExact(plane, channels);
        ByteBuffer in = images.data();
        ByteBuffer out = allocator.allocate(Math.toIntExact(images.byteSize()));
        out.put(0, in, 0, in.limit());
        int span = (box[2] - box[0]) * element;
        for (int i = 0; i < n; i++) {
            int before = ((i + n - 1) % n) * sample;
            for (int c = 0; c < channels; c++) {
                for (int y = box[1]; y < box[3]; y++) {
                    int offset = c * plane + (y * width + box[0]) * element;
                    out.put(i * sample + offset, in, before + offset, span);
                }
            }
        }
        double kept = 1.0 - (double) (box[2] - box[0]) * (box[3] - box[1]) / ((double) width * height);
        Tensor result = Tensor.wrap(images.dtype(), images.shape(), out);
        Tensor soft = mixedLabels(labels, n, kept, allocator);
        images.releaseTo(allocator);
        batch.labels().releaseTo(allocator);
        return new LabeledBatch(result, soft);
    }
}
