package dev.sluice.plugins.transforms.geometry;

import dev.sluice.api.Image;
import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;
import dev.sluice.api.Transform;
import dev.sluice.api.spi.TransformProvider;
import dev.sluice.plugins.transforms.SharedOptions;
import java.util.Set;

/**
 * {@code random_horizontal_flip}: torchvision's {@code RandomHorizontalFlip}.
 *
 * <p>Option {@code p} (0.5): the probability of mirroring left to right. Each call draws one
 * uniform number from the random source and flips when it is below {@code p}.
 *
 * <pre>{@code
 * - random_horizontal_flip: {p: 0.5}
 * }</pre>
 */
public final class RandomHorizontalFlipProvider implements TransformProvider {

    /** Constructs the provider; does nothing else. */
    public RandomHorizontalFlipProvider() {
    }

    /** {@code "random_horizontal_flip"}. */
    @Override
    public String id() {
        return "random_horizontal_flip";
    }

    /** 0: transforms are chosen by id, never by priority. */
    @Override
    public int priority() {
        return 0;
    }

    /**
     * A {@code Transform<Image, Image>} for images of 1 to 4 channels, safe for concurrent use; it
     * returns its input unchanged when it does not flip.
     *
     * @throws OptionsException naming the key path when an option is unknown or {@code p} is not in [0, 1]
     */
    @Override
    public Transform<Image, Image> create(Options options) {
        options.requireOnly(Set.of("p"));
        return new RandomFlip(true, SharedOptions.probability(options, "p", 0.5));
    }
}
