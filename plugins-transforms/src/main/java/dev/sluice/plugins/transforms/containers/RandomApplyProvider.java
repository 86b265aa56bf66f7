package dev.sluice.plugins.transforms.containers;

import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;
import dev.sluice.api.spi.ContainerTransformProvider;
import dev.sluice.api.spi.TransformLookup;
import dev.sluice.plugins.transforms.PackTransformProvider;
import dev.sluice.plugins.transforms.SharedOptions;
import java.util.Set;

/** {@code random_apply} in configuration: builds the {@link RandomApply} its options describe (one implementation). */
public final class RandomApplyProvider extends PackTransformProvider implements ContainerTransformProvider {

    /** Constructs the provider; does nothing else. */
    public RandomApplyProvider() {
        super("random_apply");
    }

    /**
     * The {@link RandomApply} these options describe; its class javadoc says what it does and when it throws.
     *
     * @throws OptionsException naming the key path when an option is unknown, {@code p} is not in [0, 1],
     *         or {@code transforms} is wrong as for {@code compose}
     */
    @Override
    public RandomApply create(Options options, TransformLookup lookup) {
        options.requireOnly(Set.of("transforms", "p"));
        double p = SharedOptions.probability(options, "p", 0.5);
        return new RandomApply(lookup.steps(options, "transforms"), p);
    }
}
