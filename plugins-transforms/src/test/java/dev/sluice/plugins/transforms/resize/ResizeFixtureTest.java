package dev.sluice.plugins.transforms.resize;

import dev.sluice.api.Image;
import dev.sluice.api.Transform;
import dev.sluice.api.spi.TransformProvider;
import dev.sluice.plugins.transforms.Fixtures;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code resize} and {@code scale} against {@code cv2.resize} (antialias off: every sample equal),
 * torchvision 0.14's antialiased tensor resize and PIL (antialias on: within one level) on real photographs.
 */
class ResizeFixtureTest {

    static List<Fixtures.Case> cases() {
        return Fixtures.cases("resize", "scale");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesTheReferenceLibrary(Fixtures.Case c) {
        TransformProvider provider = c.transform().equals("resize") ? new ResizeProvider() : new ScaleProvider();
        @SuppressWarnings("unchecked")
        Transform<Image, Image> transform = (Transform<Image, Image>) provider.create(c.optionsAt("transforms[0]." + c.transform()));
        Fixtures.assertAgrees(c, transform.apply(Fixtures.input(c.input()), new SplittableRandom(0)));
    }
}
