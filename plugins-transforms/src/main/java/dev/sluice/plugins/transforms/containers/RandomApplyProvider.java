package dev.sluice.plugins.transforms.containers;

import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;
import dev.sluice.api.Transform;
import dev.sluice.api.spi.ContainerTransformProvider;
import dev.sluice.api.spi.TransformLookup;
import dev.sluice.plugins.transforms.SharedOptions;
import java.util.Set;

/**
 * {@code random_apply}: torchvision's {@code RandomApply}: with probability {@code p} all of the
 * steps, in order, otherwise none. Each call draws one uniform number u first and skips the steps
 * when {@code p < u}, as torchvision does.
 *
 * <p>Options: {@code transforms} (required): a list as for {@code compose}; {@code p} (0.5).
 *
 * <pre>{@code
 * - random_apply:
 *     p: 0.8
 *     transforms:
 *       - color_jitter: {brightness: 0.4, contrast: 0.4, saturation: 0.4, hue: 0.1}
 * }</pre>
 */
public final class RandomApplyProvider implements ContainerTransformProvider {

    /** Constructs the provider; does nothing else. */
    public RandomApplyProvider() {
    }

    /** {@code "random_apply"}. */
    @Override
    public String id() {
        return "random_apply";
    }

    /** 0: transforms are chosen by id, never by priority. */
    @Override
    public int priority() {
        return 0;
    }

    /**
     * A {@code Transform<Object, Object>}, safe for concurrent use when every step is; it returns its
     * input unchanged when it skips.
     *
     * @throws OptionsException naming the key path when an option is unknown, {@code p} is not in [0, 1],
     *         or {@code transforms} is wrong as for {@code compose}
     */
    @Override
    public Transform<Object, Object> create(Options options, TransformLookup lookup) {
        options.requireOnly(Set.of("transforms", "p"));
        double p = SharedOptions.probability(options, "p", 0.5);
        return new ContainerTransforms.RandomApply(lookup.steps(options, "transforms"), p);
    }
}
