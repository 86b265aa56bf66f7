package dev.sluice.plugins.transforms.tensor;

import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;
import dev.sluice.api.Tensor;
import dev.sluice.api.Transform;
import dev.sluice.api.spi.TransformProvider;
import java.util.Set;

/**
 * {@code normalize}: torchvision's {@code Normalize}, {@code (x - mean[c]) / std[c]} for each channel
 * c of a float32 tensor of shape [..., C, H, W], computed in float32 as torchvision does.
 *
 * <p>Options: {@code mean} and {@code std} (required): one number for every channel, or one per
 * channel; no {@code std} may be 0 in float32. {@code inplace} is accepted for compatibility and has
 * no effect: Sluice's tensors are never modified, a new one is returned.
 *
 * <pre>{@code
 * - normalize: {mean: [0.485, 0.456, 0.406], std: [0.229, 0.224, 0.225]}
 * }</pre>
 */
public final class NormalizeProvider implements TransformProvider {

    /** Constructs the provider; does nothing else. */
    public NormalizeProvider() {
    }

    /** {@code "normalize"}. */
    @Override
    public String id() {
        return "normalize";
    }

    /** 0: transforms are chosen by id, never by priority. */
    @Override
    public int priority() {
        return 0;
    }

    /**
     * A {@code Transform<Tensor, Tensor>}, safe for concurrent use, that never draws from its random
     * source. It throws {@link IllegalArgumentException} for a tensor that is not float32, has fewer
     * than 3 dimensions, or whose channel count differs from the number of means or stds given.
     *
     * @throws OptionsException naming the key path when an option is unknown, {@code mean} or
     *         {@code std} is missing, or a std is 0
     */
    @Override
    public Transform<Tensor, Tensor> create(Options options) {
        options.requireOnly(Set.of("mean", "std", "inplace"));
        options.getBoolean("inplace", false);
        double[] mean = required(options, "mean");
        double[] std = required(options, "std");
        for (double s : std) {
            if ((float) s == 0f) {
                throw new OptionsException(options.keyPath("std"), "std evaluated to zero after conversion to float32, "
                        + "leading to division by zero.");
            }
        }
        return new TensorConversions.Normalize(mean, std);
    }

    private static double[] required(Options options, String key) {
        double[] values = options.getDoubles(key, null);
        if (values == null || values.length == 0) {
            throw new OptionsException(options.keyPath(key), "required option is missing");
        }
        return values;
    }
}
