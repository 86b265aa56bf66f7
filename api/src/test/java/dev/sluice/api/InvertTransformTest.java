package dev.sluice.api;

import dev.sluice.api.contract.ConfiguredTransformContract;
import dev.sluice.api.contract.TestImages;
import java.util.List;

/** Runs the transform contract against the deterministic test transform {@code test-invert}. */
class InvertTransformTest extends ConfiguredTransformContract<Image, Image> {

    InvertTransformTest() {
        super("test-invert", Options.empty(),
                () -> List.of(TestImages.photo(31, 17, 3), TestImages.photo(5, 9, 1), TestImages.photo(12, 12, 4)),
                DETERMINISTIC);
    }
}
