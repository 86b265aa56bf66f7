package dev.sluice.plugins.transforms.geometry;

import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;
import dev.sluice.api.spi.TransformProvider;
import dev.sluice.plugins.transforms.SharedOptions;
import java.util.Set;

/**
 * {@code random_vertical_flip}: the configuration's name for {@link RandomVerticalFlip}, whose javadoc lists the options
 * (torchvision's parameter names, in snake case) and their defaults. It parses the options and builds
 * the same object the Java form builds, so both give the same pixels.
 */
public final class RandomVerticalFlipProvider implements TransformProvider {

    /** Constructs the provider; does nothing else. */
    public RandomVerticalFlipProvider() {
    }

    /** {@code "random_vertical_flip"}. */
    @Override
    public String id() {
        return "random_vertical_flip";
    }

    /** 0: transforms are chosen by id, never by priority. */
    @Override
    public int priority() {
        return 0;
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
