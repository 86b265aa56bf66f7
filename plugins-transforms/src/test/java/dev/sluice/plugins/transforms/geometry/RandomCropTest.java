package dev.sluice.plugins.transforms.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sluice.api.Image;
import dev.sluice.api.Region;
import dev.sluice.api.Options;
import dev.sluice.api.Transform;
import dev.sluice.api.contract.TransformContract;
import dev.sluice.plugins.transforms.Distributions;
import dev.sluice.plugins.transforms.Fixtures;
import dev.sluice.plugins.transforms.Raster;
import dev.sluice.plugins.transforms.Samples;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@code random_crop}: the contract, uniform positions, the output at the drawn position, and padding. */
class RandomCropTest extends TransformContract<Image, Image> {

    @Override
    protected String providerId() {
        return "random_crop";
    }

    @Override
    protected Options providerOptions() {
        return Options.of("transforms[0].random_crop", Map.of("size", 16, "padding", 2));
    }

    @Override
    protected List<Image> sampleInputs() {
        return Samples.allChannelCounts();
    }

    @Override
    protected boolean isDeterministic() {
        return false;
    }

    @Test
    void topAndLeftAreUniformOverEveryPosition() {
        RandomCrop crop = (RandomCrop) Samples.<Image, Image>create(new RandomCropProvider(), Map.of("size", List.of(20, 30)));
        long[] tops = new long[8];
        long[] lefts = new long[6];
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 12_000; i++) {
            Region position = crop.position(35, 27, random);
            tops[position.y()]++;
            lefts[position.x()]++;
        }
        double[] uniform8 = new double[8];
        java.util.Arrays.fill(uniform8, 1.0 / 8);
        double[] uniform6 = new double[6];
        java.util.Arrays.fill(uniform6, 1.0 / 6);
        Distributions.assertFrequencies(tops, uniform8, "top of a 20-row crop of 27 rows");
        Distributions.assertFrequencies(lefts, uniform6, "left of a 30-column crop of 35 columns");
    }

    @Test
    void outputIsTheCutAtTheDrawnPosition() {
        Transform<Image, Image> transform = Samples.create(new RandomCropProvider(), Map.of("size", List.of(20, 30)));
        RandomCrop crop = (RandomCrop) transform;
        Image grass = Fixtures.input("grass");
        for (long seed = 0; seed < 20; seed++) {
            Region position = crop.position(35, 27, new SplittableRandom(seed));
            Image expected = Crop.cut(Raster.of(grass), position).toImage();
            assertEquals(expected, transform.apply(grass, new SplittableRandom(seed)), "seed " + seed);
        }
    }

    @Test
    void padIfNeededPadsBothEndsByTheShortfallAsTorchvision() {
        Transform<Image, Image> transform = Samples.create(new RandomCropProvider(),
                Map.of("size", List.of(3, 5), "pad_if_needed", true, "fill", 9));
        // 2 columns, 5 wanted: padding [3, 0] gives 3 + 2 + 3 = 8 columns; rows 1 -> 1 + 2 + 2 = 5.
        Image out = transform.apply(Image.wrap(2, 1, 1, new byte[] {1, 2}), new SplittableRandom(4));
        assertEquals("Image[5x3x1]", out.toString());
    }

    @Test
    void aCropLargerThanTheImageIsRefusedWithTorchvisionsMessage() {
        Transform<Image, Image> transform = Samples.create(new RandomCropProvider(), Map.of("size", 40));
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> transform.apply(Fixtures.input("grass"), new SplittableRandom(0)));
        assertEquals("Required crop size (40, 40) is larger than input image size (27, 35)", refused.getMessage());
    }
}
