package dev.sluice.plugins.transforms.containers;

import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;
import dev.sluice.api.spi.ContainerTransformProvider;
import dev.sluice.api.spi.TransformLookup;
import dev.sluice.plugins.transforms.PackTransformProvider;
import java.util.Set;

/** {@code random_order} in configuration: builds the {@link RandomOrder} its options describe (one implementation). */
public final class RandomOrderProvider extends PackTransformProvider implements ContainerTransformProvider {

    /** Constructs the provider; does nothing else. */
    public RandomOrderProvider() {
        super("random_order");
    }

    /**
     * The {@link RandomOrder} these options describe; its class javadoc says what it does and when it throws.
     *
     * @throws OptionsException naming the key path when an option is unknown or {@code transforms} is
     *         wrong as for {@code compose}
     */
    @Override
    public RandomOrder create(Options options, TransformLookup lookup) {
        options.requireOnly(Set.of("transforms"));
        return new RandomOrder(lookup.steps(options, "transforms"));
    }
}
