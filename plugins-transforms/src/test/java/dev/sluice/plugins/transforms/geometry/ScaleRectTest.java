package dev.sluice.plugins.transforms.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;
import dev.sluice.api.Region;
import dev.sluice.api.Transform;
import dev.sluice.api.contract.ConfiguredTransformContract;
import dev.sluice.plugins.transforms.Samples;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@code scale_rect}: the contract and the seed's truncating arithmetic. */
class ScaleRectTest extends ConfiguredTransformContract<Region, Region> {

    ScaleRectTest() {
        super("scale_rect", Options.of("transforms[0].scale_rect", Map.of("orig_shape", List.of(375, 500), "dest_shape", List.of(256, 341))),
                () -> List.of(new Region(100, 50, 200, 120), new Region(0, 0, 500, 375)), DETERMINISTIC);
    }

    @Override
    protected Region snapshot(Region input) {
        return input;
    }

    @Test
    void coordinatesScaleAndTruncateAsTheSeedsInt() {
        Transform<Region, Region> scale = Samples.create(new ScaleRectProvider(),
                Map.of("orig_shape", List.of(375, 500), "dest_shape", List.of(256, 341)));
        // Python: int(100*341/500) = 68, int(50*256/375) = 34, int(200*341/500) = 136, int(120*256/375) = 81.
        assertEquals(new Region(68, 34, 136, 81), scale.apply(new Region(100, 50, 200, 120), new SplittableRandom(0)));
    }

    @Test
    void aBoxThatScalesToNothingIsAnError() {
        Transform<Region, Region> scale = Samples.create(new ScaleRectProvider(),
                Map.of("orig_shape", List.of(100, 100), "dest_shape", List.of(10, 10)));
        assertThrows(IllegalArgumentException.class, () -> scale.apply(new Region(0, 0, 5, 50), new SplittableRandom(0)));
    }

    @Test
    void shapesAreRequiredPairs() {
        assertEquals("transforms[0].scale_rect.dest_shape", assertThrows(OptionsException.class,
                () -> Samples.create(new ScaleRectProvider(), Map.of("orig_shape", List.of(1, 2)))).keyPath());
        assertEquals("transforms[0].scale_rect.orig_shape", assertThrows(OptionsException.class,
                () -> Samples.create(new ScaleRectProvider(), Map.of("orig_shape", 5, "dest_shape", List.of(1, 2)))).keyPath());
    }
}
