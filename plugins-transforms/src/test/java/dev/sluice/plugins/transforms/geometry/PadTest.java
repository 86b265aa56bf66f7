package dev.sluice.plugins.transforms.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sluice.api.Image;
import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;
import dev.sluice.api.Transform;
import dev.sluice.api.contract.ConfiguredTransformContract;
import dev.sluice.plugins.transforms.Samples;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@code pad}: the contract, the four modes on one row, and the refusals. */
class PadTest extends ConfiguredTransformContract<Image, Image> {

    PadTest() {
        super("pad", Options.of("transforms[0].pad", Map.of("padding", List.of(2, 1, 3, 4), "padding_mode", "reflect")),
                Samples::allChannelCounts, DETERMINISTIC);
    }

    private static List<Integer> padRow(String mode, int fill) {
        Transform<Image, Image> pad = Samples.create(new PadProvider(),
                Map.of("padding", List.of(2, 0), "padding_mode", mode, "fill", fill));
        Image out = pad.apply(Image.wrap(3, 1, 1, new byte[] {10, 20, 30}), new SplittableRandom(0));
        Integer[] row = new Integer[out.width()];
        for (int x = 0; x < row.length; x++) {
            row[x] = out.get(x, 0, 0);
        }
        return List.of(row);
    }

    @Test
    void eachModeFillsTheMarginAsTorchvision() {
        assertEquals(List.of(9, 9, 10, 20, 30, 9, 9), padRow("constant", 9));
        assertEquals(List.of(10, 10, 10, 20, 30, 30, 30), padRow("edge", 0));
        assertEquals(List.of(30, 20, 10, 20, 30, 20, 10), padRow("reflect", 0));
        assertEquals(List.of(20, 10, 10, 20, 30, 30, 20), padRow("symmetric", 0));
    }

    @Test
    void reflectNeedsAMarginSmallerThanTheSide() {
        Transform<Image, Image> pad = Samples.create(new PadProvider(), Map.of("padding", 3, "padding_mode", "reflect"));
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> pad.apply(Image.wrap(3, 5, 1, new byte[15]), new SplittableRandom(0)));
        assertEquals("reflect padding of 3 needs an image width of at least 4, the image's width is 3", refused.getMessage());
    }

    @Test
    void aPerChannelFillMustMatchTheChannels() {
        Transform<Image, Image> pad = Samples.create(new PadProvider(), Map.of("padding", 1, "fill", List.of(1, 2, 3)));
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> pad.apply(Image.wrap(2, 2, 1, new byte[4]), new SplittableRandom(0)));
        assertEquals("the fill [1, 2, 3] has 3 levels, the image has 1 channels", refused.getMessage());
    }

    @Test
    void badOptionsAreRefusedNamingTheKey() {
        assertEquals("transforms[0].pad.padding", assertThrows(OptionsException.class,
                () -> Samples.create(new PadProvider(), Map.of())).keyPath());
        assertEquals("transforms[0].pad.padding", assertThrows(OptionsException.class,
                () -> Samples.create(new PadProvider(), Map.of("padding", List.of(1, 2, 3)))).keyPath());
        assertEquals("transforms[0].pad.padding_mode", assertThrows(OptionsException.class,
                () -> Samples.create(new PadProvider(), Map.of("padding", 1, "padding_mode", "wrap"))).keyPath());
        assertEquals("transforms[0].pad.fill", assertThrows(OptionsException.class,
                () -> Samples.create(new PadProvider(), Map.of("padding", 1, "fill", 256))).keyPath());
    }
}
