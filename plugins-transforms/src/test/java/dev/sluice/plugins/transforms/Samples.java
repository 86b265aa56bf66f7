package dev.sluice.plugins.transforms;

import dev.sluice.api.Image;
import dev.sluice.api.Options;
import dev.sluice.api.Transform;
import dev.sluice.api.contract.TestImages;
import dev.sluice.api.spi.TransformProvider;
import java.util.List;
import java.util.Map;

/** Inputs and shortcuts shared by the transform tests: real photographs first, synthetic images for other channel counts. */
public final class Samples {
    private Samples() {
    }

    /** Real RGB and grey photographs of several sizes. */
    public static List<Image> photos() {
        return List.of(Fixtures.input("grass"), Fixtures.input("flower-grey"), Fixtures.input("dune"));
    }

    /** Real photographs plus synthetic images with alpha (2 and 4 channels). */
    public static List<Image> allChannelCounts() {
        return List.of(Fixtures.input("grass"), Fixtures.input("flower-grey"), Fixtures.input("dune"),
                TestImages.photo(23, 17, 2), TestImages.photo(31, 19, 4));
    }

    /** The transform {@code provider} makes from {@code options} (a map), under key path {@code transforms[0].<id>}. */
    @SuppressWarnings("unchecked")
    public static <I, O> Transform<I, O> create(TransformProvider provider, Map<String, ?> options) {
        return (Transform<I, O>) provider.create(Options.of("transforms[0]." + provider.id(), options));
    }
}
