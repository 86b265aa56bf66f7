package dev.sluice.plugins.transforms.containers;

import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;
import dev.sluice.api.spi.ContainerTransformProvider;
import dev.sluice.api.spi.TransformLookup;
import dev.sluice.plugins.transforms.PackTransformProvider;
import java.util.Set;

/**
 * {@code random_order}: the configuration's name for {@link RandomOrder}, whose javadoc lists the options
 * (torchvision's parameter names, in snake case) and their defaults. It parses the options and builds
 * the same object the Java form builds, so both give the same pixels.
 */
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
