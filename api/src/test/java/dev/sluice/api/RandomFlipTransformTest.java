package dev.sluice.api;

import dev.sluice.api.contract.ConfiguredTransformContract;
import dev.sluice.api.contract.TestImages;
import java.util.List;
import java.util.Map;

/** Runs the transform contract against the random test transform {@code test-random-flip}. */
class RandomFlipTransformTest extends ConfiguredTransformContract<Image, Image> {

    RandomFlipTransformTest() {
        super("test-random-flip", Options.of("transforms[1].test-random-flip", Map.of("p", 0.5)),
                () -> List.of(TestImages.photo(31, 17, 3), TestImages.photo(5, 9, 2)), RANDOM);
    }
}
