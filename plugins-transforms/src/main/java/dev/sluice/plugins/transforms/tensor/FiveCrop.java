package dev.sluice.plugins.transforms.tensor;

import dev.sluice.api.Tensor;
import dev.sluice.api.target.Targeted;
import dev.sluice.plugins.transforms.Size;
import dev.sluice.plugins.transforms.TensorTransform;
import java.util.random.RandomGenerator;

/**
 * {@code five_crop}: torchvision's {@code FiveCrop} on a tensor image: the four corner crops and the
 * centre crop of {@code size}, in torchvision's order (top-left, top-right, bottom-left, bottom-right,
 * centre), stacked on a new first dimension. A {@code [C, H, W]} tensor becomes {@code [5, C, h, w]};
 * {@code normalize} works on it as it is, and the default collate stacks samples to
 * {@code [N, 5, C, h, w]}, which torchvision users build with {@code torch.stack} in a {@code Lambda}
 * and average over with {@code output.view(N, 5, -1).mean(1)}. Put it after {@code to_tensor}.
 *
 * <p>Parameters (torchvision name = YAML key, Java, default):
 * <ul>
 *   <li>{@code size} ({@link #of(int)}, {@link #of(Size)}; required): a side for a square, or {@code [h, w]}.</li>
 * </ul>
 *
 * <pre>{@code
 * - to_tensor
 * - five_crop: {size: 224}     # YAML
 * FiveCrop.of(224)             // Java
 * }</pre>
 *
 * <p>Targets: key points pass through unchanged; boxes and masks are refused
 * ({@link dev.sluice.api.target.UnsupportedTargetsException}), as torchvision v2 does. Immutable, safe
 * for concurrent use, never draws from its random source. It throws {@link IllegalArgumentException}
 * when the crop is larger than the image or the tensor has fewer than two dimensions.
 */
public final class FiveCrop implements TensorTransform {
    private final Size size;

    private FiveCrop(Size size) {
        this.size = size;
    }

    /** Square crops of side {@code size}; as {@link Size#square(int)} it must be positive. */
    public static FiveCrop of(int size) {
        return new FiveCrop(Size.square(size));
    }

    /** Crops of {@code size}. */
    public static FiveCrop of(Size size) {
        return new FiveCrop(java.util.Objects.requireNonNull(size, "size"));
    }

    @Override
    public Tensor apply(Tensor tensor, RandomGenerator random) {
        return MultiCrop.crops(tensor, size, false, false, "five_crop");
    }

    @Override
    public Targeted<Tensor> applyWithTargets(Targeted<? extends Tensor> input, RandomGenerator random) {
        return MultiCrop.withTargets(input, size, false, false, "five_crop");
    }

    /** True: key points pass; boxes and masks are refused with a clear error on the first sample. */
    @Override
    public boolean carriesTargets() {
        return true;
    }

    @Override
    public String toString() {
        return "five_crop(size=[" + size.height() + ", " + size.width() + "])";
    }
}
