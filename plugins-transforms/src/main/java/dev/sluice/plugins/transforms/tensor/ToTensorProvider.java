package dev.sluice.plugins.transforms.tensor;

import dev.sluice.api.Image;
import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;
import dev.sluice.api.Tensor;
import dev.sluice.api.Transform;
import dev.sluice.api.spi.TransformProvider;
import java.util.Set;

/**
 * {@code to_tensor}: torchvision's {@code ToTensor}. An image of C channels (HWC, 8-bit) becomes a
 * float32 tensor of shape [C, H, W] holding {@code level / 255} in float32, so values are in
 * [0, 1] and equal to torchvision's bit for bit. No options.
 *
 * <pre>{@code
 * - to_tensor
 * }</pre>
 */
public final class ToTensorProvider implements TransformProvider {

    /** Constructs the provider; does nothing else. */
    public ToTensorProvider() {
    }

    /** {@code "to_tensor"}. */
    @Override
    public String id() {
        return "to_tensor";
    }

    /** 0: transforms are chosen by id, never by priority. */
    @Override
    public int priority() {
        return 0;
    }

    /**
     * A {@code Transform<Image, Tensor>}, safe for concurrent use, that never draws from its random
     * source; the tensor's memory is on the heap.
     *
     * @throws OptionsException naming the key path for any option: it has none
     */
    @Override
    public Transform<Image, Tensor> create(Options options) {
        options.requireOnly(Set.of());
        return new TensorConversions.ToTensor();
    }
}
