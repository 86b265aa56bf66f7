package dev.sluice.plugins.transforms.geometry;

import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;
import dev.sluice.plugins.transforms.PackTransformProvider;
import dev.sluice.plugins.transforms.SharedOptions;
import java.util.Set;

/** {@code random_horizontal_flip} in configuration: builds the {@link RandomHorizontalFlip} its options describe (one implementation). */
public final class RandomHorizontalFlipProvider extends PackTransformProvider {

    /** Constructs the provider; does nothing else. */
    public RandomHorizontalFlipProvider() {
        super("random_horizontal_flip");
    }

    /**
     * The {@link RandomHorizontalFlip} these options describe; its class javadoc says what it does and when it throws.
     *
     * @throws OptionsException naming the key path when an option is unknown or {@code p} is not in [0, 1]
     */
    @Override
    public RandomHorizontalFlip create(Options options) {
        options.requireOnly(Set.of("p"));
        return RandomHorizontalFlip.of(SharedOptions.probability(options, "p", 0.5));
    }
}
