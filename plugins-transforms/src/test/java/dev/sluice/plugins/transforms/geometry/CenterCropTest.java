package dev.sluice.plugins.transforms.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sluice.api.Image;
import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;
import dev.sluice.api.contract.TransformContract;
import dev.sluice.plugins.transforms.Samples;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@code center_crop}: the contract, torchvision's half-to-even anchor and zero padding. */
class CenterCropTest extends TransformContract<Image, Image> {

    @Override
    protected String providerId() {
        return "center_crop";
    }

    @Override
    protected Options providerOptions() {
        return Options.of("transforms[1].center_crop", Map.of("size", List.of(20, 25)));
    }

    @Override
    protected List<Image> sampleInputs() {
        return Samples.allChannelCounts();
    }

    @Override
    protected boolean isDeterministic() {
        return true;
    }

    @Test
    void anchorRoundsHalfToEvenAsPythonRound() {
        // pytorch-semantics.md b.4: 7 -> 2 and 5 -> 2 both start at offset 2 (2.5 -> 2, 1.5 -> 2).
        assertEquals(2, CenterCrop.offset(7, 2));
        assertEquals(2, CenterCrop.offset(5, 2));
        assertEquals(0, CenterCrop.offset(3, 2));
        assertEquals(4, CenterCrop.offset(11, 2));
    }

    @Test
    void cropsTheMiddleOfARow() {
        byte[] row = {0, 1, 2, 3, 4, 5, 6};
        Image out = Samples.<Image, Image>create(new CenterCropProvider(), Map.of("size", List.of(1, 2)))
                .apply(Image.wrap(7, 1, 1, row), new SplittableRandom(0));
        assertEquals(2, out.get(0, 0, 0));
        assertEquals(3, out.get(1, 0, 0));
    }

    @Test
    void aCropLargerThanTheImagePadsWithZerosTheExtraPixelAfter() {
        Image out = Samples.<Image, Image>create(new CenterCropProvider(), Map.of("size", List.of(1, 5)))
                .apply(Image.wrap(2, 1, 1, new byte[] {7, 9}), new SplittableRandom(0));
        // pad left (5 - 2) // 2 = 1, right (5 - 2 + 1) // 2 = 2.
        assertEquals(List.of(0, 7, 9, 0, 0), List.of(out.get(0, 0, 0), out.get(1, 0, 0), out.get(2, 0, 0),
                out.get(3, 0, 0), out.get(4, 0, 0)));
    }

    @Test
    void sizeIsRequiredAndPositive() {
        assertEquals("transforms[0].center_crop.size", assertThrows(OptionsException.class,
                () -> Samples.create(new CenterCropProvider(), Map.of())).keyPath());
        assertEquals("transforms[0].center_crop.size", assertThrows(OptionsException.class,
                () -> Samples.create(new CenterCropProvider(), Map.of("size", -4))).keyPath());
    }
}
