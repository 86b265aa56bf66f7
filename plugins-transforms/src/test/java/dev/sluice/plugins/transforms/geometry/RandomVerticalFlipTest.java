package dev.sluice.plugins.transforms.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sluice.api.Image;
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

/** {@code random_vertical_flip}: the contract and the frequency of the upside-down image. */
class RandomVerticalFlipTest extends TransformContract<Image, Image> {

    @Override
    protected String providerId() {
        return "random_vertical_flip";
    }

    @Override
    protected Options providerOptions() {
        return Options.of("transforms[2].random_vertical_flip", Map.of());
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
    void turnsUpsideDownHalfTheTimeByDefault() {
        Transform<Image, Image> flip = Samples.create(new RandomVerticalFlipProvider(), Map.of());
        Image dune = Fixtures.input("dune");
        Image upsideDown = RandomVerticalFlip.upsideDown(Raster.of(dune)).toImage();
        assertEquals(dune.get(3, 0, 1), upsideDown.get(3, dune.height() - 1, 1));
        long[] counts = new long[2];
        for (long seed = 0; seed < 2000; seed++) {
            counts[flip.apply(dune, new SplittableRandom(seed)).equals(upsideDown) ? 1 : 0]++;
        }
        Distributions.assertFrequencies(counts, new double[] {0.5, 0.5}, "vertical flips with p = 0.5");
    }
}
