package dev.sluice.api;

import dev.sluice.api.contract.TestImages;
import dev.sluice.api.contract.TransformContract;
import java.util.List;
import java.util.Map;

/** Runs the transform contract against the random test transform {@code test-random-flip}. */
class RandomFlipTransformTest extends TransformContract<Image, Image> {

    @Override
    protected String providerId() {
        return "test-random-flip";
    }

    @Override
    protected Options providerOptions() {
        return Options.of("transforms[1].test-random-flip", Map.of("p", 0.5));
    }

    @Override
    protected List<Image> sampleInputs() {
        return List.of(TestImages.photo(31, 17, 3), TestImages.photo(5, 9, 2));
    }

    @Override
    protected boolean isDeterministic() {
        return false;
    }
}
