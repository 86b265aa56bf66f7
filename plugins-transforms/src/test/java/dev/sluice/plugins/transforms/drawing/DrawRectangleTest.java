package dev.sluice.plugins.transforms.drawing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sluice.api.Image;
import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;
import dev.sluice.api.Transform;
import dev.sluice.api.contract.TestImages;
import dev.sluice.api.contract.ConfiguredTransformContract;
import dev.sluice.plugins.transforms.Samples;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@code draw_rectangle}: the contract, the seed's red at thickness 2, colours per channel count. */
class DrawRectangleTest extends ConfiguredTransformContract<Image, Image> {

    DrawRectangleTest() {
        super("draw_rectangle", Options.of("transforms[0].draw_rectangle", Map.of("rect", List.of(3, 4, 10, 8))),
                Samples::allChannelCounts, DETERMINISTIC);
    }

    @Test
    void defaultIsRedTwoPixelsEitherSideWithTheOuterCornerLeftOut() {
        Transform<Image, Image> draw = Samples.create(new DrawRectangleProvider(), Map.of("rect", List.of(4, 4, 6, 6)));
        Image out = draw.apply(Image.wrap(16, 16, 3, new byte[16 * 16 * 3]), new SplittableRandom(0));
        assertEquals(List.of(255, 0, 0), List.of(out.get(4, 3, 0), out.get(4, 3, 1), out.get(4, 3, 2)));
        assertEquals(255, out.get(3, 4, 0), "the band reaches one pixel outside the corner");
        assertEquals(0, out.get(3, 3, 0), "the outer corner pixel is not drawn");
        assertEquals(255, out.get(10, 10, 0), "the far corner (x + w, y + h) is included");
        assertEquals(0, out.get(7, 7, 0), "the inside is left alone");
        assertEquals(255, out.get(11, 7, 0));
        assertEquals(0, out.get(12, 7, 0));
    }

    @Test
    void greyImagesTakeTheFirstLevelAndAlphaStaysOpaque() {
        Transform<Image, Image> draw = Samples.create(new DrawRectangleProvider(),
                Map.of("rect", List.of(1, 1, 3, 3), "color", List.of(90, 10, 20), "thickness", 1));
        assertEquals(90, draw.apply(TestImages.photo(8, 8, 1), new SplittableRandom(0)).get(1, 1, 0));
        Image rgba = draw.apply(TestImages.photo(8, 8, 4), new SplittableRandom(0));
        assertEquals(List.of(90, 10, 20, 255), List.of(rgba.get(4, 2, 0), rgba.get(4, 2, 1), rgba.get(4, 2, 2), rgba.get(4, 2, 3)));
    }

    @Test
    void badOptionsAreRefusedNamingTheKey() {
        assertEquals("transforms[0].draw_rectangle.rect", assertThrows(OptionsException.class,
                () -> Samples.create(new DrawRectangleProvider(), Map.of())).keyPath());
        assertEquals("transforms[0].draw_rectangle.thickness", assertThrows(OptionsException.class,
                () -> Samples.create(new DrawRectangleProvider(), Map.of("rect", List.of(0, 0, 1, 1), "thickness", 0))).keyPath());
        assertEquals("transforms[0].draw_rectangle.color", assertThrows(OptionsException.class,
                () -> Samples.create(new DrawRectangleProvider(), Map.of("rect", List.of(0, 0, 1, 1), "color", List.of(300)))).keyPath());
    }
}
