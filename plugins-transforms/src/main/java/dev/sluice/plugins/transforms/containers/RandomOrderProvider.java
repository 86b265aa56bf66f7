package dev.sluice.plugins.transforms.containers;

import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;
import dev.sluice.api.Transform;
import dev.sluice.api.spi.ContainerTransformProvider;
import dev.sluice.api.spi.TransformLookup;
import java.util.Set;

/**
 * {@code random_order}: torchvision's {@code RandomOrder}: every step, in a uniformly random order
 * drawn first on each call (Fisher-Yates, one draw per step but the first).
 *
 * <p>Option {@code transforms} (required): a list as for {@code compose}.
 *
 * <pre>{@code
 * - random_order:
 *     transforms: [random_horizontal_flip, {random_rotation: {degrees: 10}}]
 * }</pre>
 */
public final class RandomOrderProvider implements ContainerTransformProvider {

    /** Constructs the provider; does nothing else. */
    public RandomOrderProvider() {
    }

    /** {@code "random_order"}. */
    @Override
    public String id() {
        return "random_order";
    }

    /** 0: transforms are chosen by id, never by priority. */
    @Override
    public int priority() {
        return 0;
    }

    /**
     * A {@code Transform<Object, Object>}, safe for concurrent use when every step is.
     *
     * @throws OptionsException naming the key path when an option is unknown or {@code transforms} is
     *         wrong as for {@code compose}
     */
    @Override
    public Transform<Object, Object> create(Options options, TransformLookup lookup) {
        options.requireOnly(Set.of("transforms"));
        return new ContainerTransforms.RandomOrder(lookup.steps(options, "transforms"));
    }
}
