package dev.sluice.plugins.transforms.colour;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sluice.plugins.transforms.Fixtures;
import dev.sluice.plugins.transforms.Raster;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The corners of torchvision 0.14's colour functions that the photo fixtures (AugmentFixtureTest)
 * may not reach: float32 rounding in autocontrast, degenerate histograms, extreme bit counts, tiny images.
 * The expected values are torchvision 0.14's on the same arrays.
 */
class AdjustmentsTest {

    private static Raster grey(int... levels) {
        byte[] data = new byte[levels.length];
        for (int i = 0; i < levels.length; i++) {
            data[i] = (byte) levels[i];
        }
        return new Raster(data, levels.length, 1, 1);
    }

    private static int[] levels(Raster raster) {
        int[] out = new int[raster.data.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = raster.data[i] & 0xFF;
        }
        return out;
    }

    @Test
    void autoContrastScalesThroughTheReciprocalAsPyTorchDoes() {
        // 255 / 252 in one float32 division gives 254.99998 at 252, truncated to 254; PyTorch computes
        // (1 / 252) * 255 and gets 255 (seen on a real 64 x 64 TIFF of the check corpus).
        assertArrayEquals(new int[] {0, 1, 255}, levels(Adjustments.autoContrast(grey(0, 1, 252))));
        assertArrayEquals(new int[] {7, 7}, levels(Adjustments.autoContrast(grey(7, 7))), "a flat channel is kept");
    }

    @Test
    void equalizeLeavesAChannelWithTooFewOtherPixelsAlone() {
        // 200 pixels at 40 and 300 at 90, the highest: step = 200 / 255 = 0, unchanged (PIL's rule).
        int[] two = new int[500];
        Arrays.fill(two, 0, 200, 40);
        Arrays.fill(two, 200, 500, 90);
        assertArrayEquals(two, levels(Adjustments.equalize(grey(two))));
        // 255 pixels below the highest level give step 1: each level maps to the count below it.
        int[] ramp = new int[256];
        for (int i = 0; i < 256; i++) {
            ramp[i] = i;
        }
        assertArrayEquals(ramp, levels(Adjustments.equalize(grey(ramp))));
    }

    @Test
    void posterizeKeepsTheTopBitsAndRefusesOtherCounts() {
        assertArrayEquals(new int[] {0, 0}, levels(Adjustments.posterize(grey(255, 128), 0)));
        assertArrayEquals(new int[] {255, 128}, levels(Adjustments.posterize(grey(255, 128), 8)));
        assertArrayEquals(new int[] {224, 96}, levels(Adjustments.posterize(grey(255, 127), 3)));
        assertEquals("The number of bits should be between 0 and 8, was 9",
                assertThrows(IllegalArgumentException.class, () -> Adjustments.posterize(grey(1), 9)).getMessage());
    }

    @Test
    void sharpnessLeavesImagesOfTwoRowsOrColumnsAsTheyAreAndKeepsBorders() {
        Raster narrow = new Raster(new byte[] {1, 2, 3, 4, 5, 6}, 2, 3, 1);
        assertSame(narrow, Adjustments.sharpness(narrow, 1.9));
        Raster flower = Raster.of(Fixtures.input("flower"));
        Raster same = Adjustments.sharpness(flower, 1.0);
        assertArrayEquals(flower.data, same.data, "factor 1 is the identity");
    }
}
