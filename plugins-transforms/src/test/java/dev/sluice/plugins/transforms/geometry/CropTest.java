package dev.sluice.plugins.transforms.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sluice.api.Image;
import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;
import dev.sluice.api.Transform;
import dev.sluice.api.contract.ConfiguredTransformContract;
import dev.sluice.plugins.transforms.Fixtures;
import dev.sluice.plugins.transforms.Samples;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@code crop}: the contract, and the refusal of a rectangle the seed's slicing would silently shorten. */
class CropTest extends ConfiguredTransformContract<Image, Image> {

    CropTest() {
        super("crop", Options.of("transforms[0].crop", Map.of("rect", List.of(2, 3, 10, 8))),
                Samples::allChannelCounts, DETERMINISTIC);
    }

    @Test
    void aRectangleOutsideTheImageIsAnErrorNamingBoth() {
        Transform<Image, Image> crop = Samples.create(new CropProvider(), Map.of("rect", List.of(30, 20, 10, 10)));
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> crop.apply(Fixtures.input("grass"), new SplittableRandom(0)));
        assertEquals("crop rectangle [30, 20, 10, 10] is not inside the 35x27 image", refused.getMessage());
    }

    @Test
    void malformedRectanglesAreRefusedNamingTheKey() {
        for (Object rect : List.of(List.of(1, 2, 3), List.of(0, 0, 0, 4), List.of(-1, 0, 3, 4))) {
            assertEquals("transforms[0].crop.rect", assertThrows(OptionsException.class,
                    () -> Samples.create(new CropProvider(), Map.of("rect", rect))).keyPath(), rect.toString());
        }
    }
}
