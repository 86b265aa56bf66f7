package dev.sluice.plugins.transforms.geometry;

import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;
import dev.sluice.plugins.transforms.PackTransformProvider;
import dev.sluice.plugins.transforms.SharedOptions;
import java.util.Set;

/** {@code random_vertical_flip} in configuration: builds the {@link RandomVerticalFlip} its options describe (one implementation). */
public final class RandomVerticalFlipProvider extends PackTransformProvider {

    /** Constructs the provider; does nothing else. */
    public RandomVerticalFlipProvider() {
        super("random_vertical_flip");
    }

    /**
     * The {@link RandomVerticalFlip} these options describe; its class javadoc says what it does and when it throws.
     *
     * @throws OptionsException naming the key path when an option is unknown or {@code p} is not in [0, 1]
     */
    @Override
    public RandomVerticalFlip create(Options options) {
        options.requireOnly(Set.of("p"));
        return RandomVerticalFlip.of(SharedOptions.probability(options, "p", 0.5));
    }
}
