package dev.sluice.plugins.transforms.colour;

import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;
import dev.sluice.plugins.transforms.PackTransformProvider;
import dev.sluice.plugins.transforms.SharedOptions;
import java.util.Set;

/** {@code random_grayscale} in configuration: builds the {@link RandomGrayscale} its options describe (one implementation). */
public final class RandomGrayscaleProvider extends PackTransformProvider {

    /** Constructs the provider; does nothing else. */
    public RandomGrayscaleProvider() {
        super("random_grayscale");
    }

    /**
     * The {@link RandomGrayscale} these options describe; its class javadoc says what it does and when it throws.
     *
     * @throws OptionsException naming the key path when an option is unknown or {@code p} is not in [0, 1]
     */
    @Override
    public RandomGrayscale create(Options options) {
        options.requireOnly(Set.of("p"));
        return RandomGrayscale.of(SharedOptions.probability(options, "p", 0.1));
    }
}
