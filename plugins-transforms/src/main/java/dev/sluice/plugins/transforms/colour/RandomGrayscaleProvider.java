package dev.sluice.plugins.transforms.colour;

import dev.sluice.api.OptionsException;
import dev.sluice.plugins.transforms.DeclaredTransformProvider;
import dev.sluice.plugins.transforms.SharedOptions;
import java.util.Set;

/**
 * {@code random_grayscale} in configuration: builds the {@link RandomGrayscale} its options describe
 * (one implementation). {@link #create} throws {@link OptionsException} naming the key path when an
 * option is unknown or {@code p} is not in [0, 1].
 */
public final class RandomGrayscaleProvider extends DeclaredTransformProvider<RandomGrayscale> {

    /** Constructs the provider; does nothing else. */
    public RandomGrayscaleProvider() {
        super("random_grayscale", Set.of("p"),
                options -> RandomGrayscale.of(SharedOptions.probability(options, "p", 0.1)));
    }
}
