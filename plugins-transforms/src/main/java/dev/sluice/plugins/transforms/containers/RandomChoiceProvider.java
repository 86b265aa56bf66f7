package dev.sluice.plugins.transforms.containers;

import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;
import dev.sluice.api.spi.ConfiguredTransform;
import dev.sluice.api.spi.ContainerTransformProvider;
import dev.sluice.api.spi.TransformLookup;
import dev.sluice.plugins.transforms.PackTransformProvider;
import dev.sluice.plugins.transforms.SharedOptions;
import java.util.List;
import java.util.Set;

/** {@code random_choice} in configuration: builds the {@link RandomChoice} its options describe (one implementation). */
public final class RandomChoiceProvider extends PackTransformProvider implements ContainerTransformProvider {

    /** Constructs the provider; does nothing else. */
    public RandomChoiceProvider() {
        super("random_choice");
    }

    /**
     * The {@link RandomChoice} these options describe; its class javadoc says what it does and when it throws.
     *
     * @throws OptionsException naming the key path when an option is unknown, the weights do not match
     *         the steps or are negative or all zero, or {@code transforms} is wrong as for {@code compose}
     */
    @Override
    public RandomChoice create(Options options, TransformLookup lookup) {
        options.requireOnly(Set.of("transforms", "p"));
        List<ConfiguredTransform> steps = lookup.steps(options, "transforms");
        double[] weights = options.getDoubles("p", null);
        return SharedOptions.checkedAt(options, "p", () -> new RandomChoice(steps, weights));
    }
}
