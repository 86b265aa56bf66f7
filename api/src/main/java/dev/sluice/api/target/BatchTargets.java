package dev.sluice.api.target;

import dev.sluice.api.DType;
import dev.sluice.api.Tensor;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@link Targets} of a batch's {@code N} samples, collated for a model: what varies in length
 * per sample (boxes with their labels and instance masks, key points) is concatenated flat with
 * each row's batch index, and what has one fixed shape per sample (the class-index mask) is stacked
 * along a new first axis, as images are. All samples of a batch share one canvas, the size of the
 * batch's images (a batch of unequal canvases is refused when it is collated, as unequal images are).
 *
 * <p>Which parts are present follows the samples: boxes when at least one sample carries boxes (a
 * sample without them adds no rows, and a batch whose samples carry only empty boxes has boxes with
 * {@code T = 0}); the class-index mask when every sample carries one; key points when at least one
 * sample carries them.
 *
 * <pre>{@code
 * for (LabeledBatch batch : loader) {
 *     BatchTargets targets = batch.targets().orElseThrow();
 *     BatchBoxes boxes = targets.boxes().orElseThrow();     // [T, 4] XYXY, [T] batch index, [T] label
 *     Optional<Tensor> masks = targets.masks();              // uint8 [N, H, W] class indices
 * }
 * }</pre>
 *
 * @param size the number of samples, {@code N >= 1}
 * @param canvas the size of every sample's image, which all coordinates are in
 * @param boxes every sample's boxes, flat
 * @param masks the class-index masks stacked, {@code [N, H, W]}: uint8, or int32 when a sample's mask
 *        needs it (every sample's values widened then)
 * @param keyPoints every sample's key points, flat
 */
public record BatchTargets(int size, CanvasSize canvas, Optional<BatchBoxes> boxes, Optional<Tensor> masks,
        Optional<BatchKeyPoints> keyPoints) {

    /**
     * @throws IllegalArgumentException if {@code size < 1}, a mask tensor is not {@code [N, H, W]} on
     *         the canvas (class-index masks) or {@code [T, H, W]} (instance masks), or a batch index is
     *         outside {@code [0, N)}
     * @throws NullPointerException if an argument is null
     */
    public BatchTargets {
        if (size < 1) {
            throw new IllegalArgumentException("a batch has at least one sample, size was " + size);
        }
        Objects.requireNonNull(canvas, "canvas");
        Objects.requireNonNull(boxes, "boxes");
        Objects.requireNonNull(masks, "masks");
        Objects.requireNonNull(keyPoints, "keyPoints");
        if (masks.isPresent()) {
            Tensor stacked = masks.get();
            if (stacked.dtype() != DType.UINT8 && stacked.dtype() != DType.INT32) {
                throw new IllegalArgumentException("class-index masks must be uint8 or int32, were " + stacked.dtype());
            }
            requireLayers("class-index masks", stacked, size, canvas);
        }
        boxes.ifPresent(b -> {
            b.instanceMasks().ifPresent(layers -> requireLayers("instance masks", layers, b.count(), canvas));
            requireIndices("box", b.batchIndices(), size);
        });
        keyPoints.ifPresent(p -> requireIndices("key point", p.batchIndices(), size));
    }

    private static void requireLayers(String what, Tensor layers, int count, CanvasSize canvas) {
        int[] expected = {count, canvas.height(), canvas.width()};
        if (!Arrays.equals(layers.shape(), expected)) {
            throw new IllegalArgumentException(what + " must be " + Arrays.toString(expected) + " on a " + canvas
                    + " canvas, were " + Arrays.toString(layers.shape()));
        }
    }

    private static void requireIndices(String what, Tensor indices, int size) {
        long previous = 0;
        for (int t = 0; t < indices.dim(0); t++) {
            long index = indices.getLong(t);
            if (index < previous || index >= size) {
                throw new IllegalArgumentException(what + " " + t + " has batch index " + index + "; batch indices run"
                        + " from 0 to " + (size - 1) + " without going back");
            }
            previous = index;
        }
    }
}
