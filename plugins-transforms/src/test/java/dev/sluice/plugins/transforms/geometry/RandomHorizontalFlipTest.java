package dev.sluice.plugins.transforms.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sluice.api.Image;
import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;
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

/** {@code random_horizontal_flip}: the contract, the flip frequency, and the mirror it applies. */
class RandomHorizontalFlipTest extends TransformContract<Image, Image> {

    @Override
    protected String providerId() {
        return "random_horizontal_flip";
    }

    @Override
    protected Options providerOptions() {
        return Options.of("transforms[2].random_horizontal_flip", Map.of("p", 0.5));
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
    void flipsWithProbabilityPAndOtherwiseReturnsTheInput() {
        Transform<Image, Image> flip = Samples.create(new RandomHorizontalFlipProvider(), Map.of("p", 0.3));
        Image grass = Fixtures.input("grass");
        Image mirrored = RandomHorizontalFlip.mirror(Raster.of(grass)).toImage();
        long[] counts = new long[2];
        for (long seed = 0; seed < 4000; seed++) {
            Image out = flip.apply(grass, new SplittableRandom(seed));
            if (out == grass) {
                counts[0]++;
            } else {
                assertEquals(mirrored, out);
                counts[1]++;
            }
        }
        Distributions.assertFrequencies(counts, new double[] {0.7, 0.3}, "flips with p = 0.3");
    }

    @Test
    void mirroringTwiceGivesBackTheImage() {
        for (Image image : Samples.allChannelCounts()) {
            assertEquals(image, RandomHorizontalFlip.mirror(RandomHorizontalFlip.mirror(Raster.of(image))).toImage());
            assertEquals(image.get(0, 1, 0), RandomHorizontalFlip.mirror(Raster.of(image)).toImage().get(image.width() - 1, 1, 0));
        }
    }

    @Test
    void pZeroNeverFlips() {
        Transform<Image, Image> flip = Samples.create(new RandomHorizontalFlipProvider(), Map.of("p", 0));
        Image grass = Fixtures.input("grass");
        for (long seed = 0; seed < 100; seed++) {
            assertSame(grass, flip.apply(grass, new SplittableRandom(seed)));
        }
    }

    @Test
    void pOutsideZeroToOneIsRefused() {
        OptionsException refused = assertThrows(OptionsException.class,
                () -> Samples.create(new RandomHorizontalFlipProvider(), Map.of("p", 1.5)));
        assertEquals("transforms[0].random_horizontal_flip.p: must be a probability in [0, 1], was 1.5", refused.getMessage());
    }
}
