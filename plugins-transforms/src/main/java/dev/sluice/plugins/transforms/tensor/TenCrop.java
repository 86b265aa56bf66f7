package dev.sluice.plugins.transforms.tensor;

import dev.sluice.api.Tensor;
import dev.sluice.api.target.Targeted;
import dev.sluice.plugins.transforms.Size;
import dev.sluice.plugins.transforms.TensorTransform;
import java.util.random.RandomGenerator;

/**
 * {@code ten_crop}: torchvision's {@code TenCrop} on a tensor image: the five crops of
 * {@link FiveCrop}, then the same five of the image flipped left-right (top-bottom with
 * {@code vertical_flip}), stacked on a new first dimension: {@code [C, H, W]} becomes
 * {@code [10, C, h, w]}, and a batch {@code [N, 10, C, h, w]}. Put it after {@code to_tensor}.
 *
 * <p>Parameters (torchvision name = YAML key, Java, default):
 * <ul>
 *   <li>{@code size} ({@link #of(int)}, {@link #of(Size)}; required): a side for a square, or {@code [h, w]};</li>
 *   <li>{@code vertical_flip} ({@link #verticalFlip(boolean)}; false): flip top-bottom instead of left-right.</li>
 * </ul>
 *
 * <pre>{@code
 * - ten_crop: {size: 224, vertical_flip: true}     # YAML
 * TenCrop.of(224).verticalFlip(true)               // Java
 * }</pre>
 *
 * <p>Targets: as {@link FiveCrop}. Immutable, safe for concurrent use, never draws from its random
 * source. It throws {@link IllegalArgumentException} when the crop is larger than the image or the
 * tensor has fewer than two dimensions.
 */
public final class TenCrop implements TensorTransform {
    private final Size size;
    private final boolean vertical;

    private TenCrop(Size size, boolean vertical) {
        this.size = size;
        this.vertical = vertical;
    }

    /** Square crops of side {@code size}; as {@link Size#square(int)} it must be positive. */
    public static TenCrop of(int size) {
        return new TenCrop(Size.square(size), false);
    }

    /** Crops of {@code size}. */
    public static TenCrop of(Size size) {
        return new TenCrop(java.util.Objects.requireNonNull(size, "size"), false);
    }

    /** These crops, the second five of the image flipped top-bottom when {@code vertical}. */
    public TenCrop verticalFlip(boolean vertical) {
        return new TenCrop(size, vertical);
    }

    @Override
    public Tensor apply(Tensor tensor, RandomGenerator random) {
        return MultiCrop.crops(tensor, size, true, vertical, "ten_crop");
    }

    @Override
    public Targeted<Tensor> applyWithTargets(Targeted<? extends Tensor> input, RandomGenerator random) {
        return MultiCrop.withTargets(input, size, true, vertical, "ten_crop");
    }

    /** True: key points pass; boxes and masks are refused with a clear error on the first sample. */
    @Override
    public boolean carriesTargets() {
        return true;
    }

    @Override
    public String toString() {
        return "ten_crop(size=[" + size.height() + ", " + size.width() + "], vertical_flip=" + vertical + ")";
    }
}
