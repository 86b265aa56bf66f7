package dev.sluice.plugins.transforms.augment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sluice.api.Image;
import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;
import dev.sluice.api.contract.ConfiguredTransformContract;
import dev.sluice.plugins.transforms.Distributions;
import dev.sluice.plugins.transforms.Fixtures;
import dev.sluice.plugins.transforms.Samples;
import dev.sluice.plugins.transforms.resize.Interpolation;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@code trivial_augment_wide}: the contract, one op drawn uniformly from the fourteen at a uniform
 * bin, signed ops negated half the time, the output equal to the drawn op, and the refusals of bad options.
 */
class TrivialAugmentWideTest extends ConfiguredTransformContract<Image, Image> {

    TrivialAugmentWideTest() {
        super("trivial_augment_wide", Options.of("transforms[0].trivial_augment_wide", Map.of("num_magnitude_bins", 31)),
                Samples::photos, RANDOM);
    }

    @Test
    void opsAndBinsAreUniformAndSignedOpsAreNegatedHalfTheTime() {
        TrivialAugmentWide transform = TrivialAugmentWide.of().numMagnitudeBins(13);
        OpSpace space = OpSpace.trivialAugmentWide(13);
        float[] rotations = space.of(AugmentOp.ROTATE).bins();
        long[] ops = new long[AugmentOp.values().length];
        long[] rotationBins = new long[13];
        long[] signs = new long[2];
        SplittableRandom random = new SplittableRandom(8);
        for (int i = 0; i < 40_000; i++) {
            Step step = transform.draw(random);
            ops[step.op().ordinal()]++;
            if (step.op() == AugmentOp.ROTATE) {
                int bin = Arrays.binarySearch(rotations, (float) Math.abs(step.magnitude()));
                rotationBins[bin]++;
                if (bin > 0) {
                    signs[step.magnitude() < 0 ? 0 : 1]++;
                }
            }
            if (space.of(step.op()).bins() == null) {
                assertEquals(0.0, step.magnitude());
            }
        }
        double[] uniform = new double[ops.length];
        for (int k = 0; k < space.size(); k++) {
            uniform[space.get(k).op().ordinal()] = 1.0 / space.size();
        }
        Distributions.assertFrequencies(ops, uniform, "trivial_augment_wide's ops");
        double[] bins = new double[13];
        Arrays.fill(bins, 1.0 / 13);
        Distributions.assertFrequencies(rotationBins, bins, "rotation bins");
        Distributions.assertFrequencies(signs, new double[] {0.5, 0.5}, "rotation signs");
    }

    @Test
    void outputIsTheDrawnOp() {
        TrivialAugmentWide transform = TrivialAugmentWide.of().interpolation(Interpolation.BILINEAR).fill(128);
        Image dune = Fixtures.input("dune");
        for (long seed = 0; seed < 20; seed++) {
            Step step = transform.draw(new SplittableRandom(seed));
            assertEquals(Step.run(dune, List.of(step), new Sampling(Interpolation.BILINEAR, new int[] {128})),
                    transform.apply(dune, new SplittableRandom(seed)), "seed " + seed);
        }
    }

    @Test
    void badOptionsAreRefusedNamingTheKey() {
        OptionsException bins = assertThrows(OptionsException.class,
                () -> Samples.create(new TrivialAugmentWideProvider(), Map.of("num_magnitude_bins", 1)));
        assertEquals("transforms[0].trivial_augment_wide.num_magnitude_bins: num_magnitude_bins must be >= 2, was 1",
                bins.getMessage());
        assertEquals("transforms[0].trivial_augment_wide.num_ops", assertThrows(OptionsException.class,
                () -> Samples.create(new TrivialAugmentWideProvider(), Map.of("num_ops", 1))).keyPath());
    }
}
