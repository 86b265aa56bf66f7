package dev.sluice.api;

import dev.sluice.api.contract.TestImages;
import dev.sluice.api.contract.TransformContract;
import java.util.List;

/** Runs the transform contract against the deterministic test transform {@code test-invert}. */
class InvertTransformTest extends TransformContract<Image, Image> {

    @Override
    protected String providerId() {
        return "test-invert";
    }

    @Override
    protected List<Image> sampleInputs() {
        return List.of(TestImages.photo(31, 17, 3), TestImages.photo(5, 9, 1), TestImages.photo(12, 12, 4));
    }

    @Override
    protected boolean isDeterministic() {
        return true;
    }
}
