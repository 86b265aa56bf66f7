package dev.sluice.plugins.transforms.geometry;

import dev.sluice.api.OptionsException;
import dev.sluice.plugins.transforms.DeclaredTransformProvider;
import dev.sluice.plugins.transforms.SharedOptions;
import java.util.Set;

/**
 * {@code random_vertical_flip} in configuration: builds the {@link RandomVerticalFlip} its options
 * describe (one implementation). {@link #create} throws {@link OptionsException} naming the key path
 * when an option is unknown or {@code p} is not in [0, 1].
 */
public final class RandomVerticalFlipProvider extends DeclaredTransformProvider<RandomVerticalFlip> {

    /** Constructs the provider; does nothing else. */
    public RandomVerticalFlipProvider() {
        super("random_vertical_flip", Set.of("p"),
                options -> RandomVerticalFlip.of(SharedOptions.probability(options, "p", 0.5)));
    }
}
