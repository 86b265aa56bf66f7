package dev.sluice.plugins.transforms.augment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sluice.api.Image;
import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;
import dev.sluice.api.contract.ConfiguredTransformContract;
import dev.sluice.plugins.transforms.Distributions;
import dev.sluice.plugins.transforms.Fixtures;
import dev.sluice.plugins.transforms.Samples;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@code rand_augment}: the contract, ops drawn uniformly from the fourteen, every op at bin
 * {@code magnitude}, signed ops negated half the time, the output equal to the drawn ops, and the
 * refusals of bad options.
 */
class RandAugmentTest extends ConfiguredTransformContract<Image, Image> {

    RandAugmentTest() {
        super("rand_augment", Options.of("transforms[0].rand_augment", Map.of("num_ops", 2, "magnitude", 9)),
                Samples::photos, RANDOM);
    }

    private static RandAugment create(Map<String, ?> options) {
        return (RandAugment) Samples.<Image, Image>create(new RandAugmentProvider(), options);
    }

    @Test
    void opsAreUniformAtTheMagnitudeBinAndSignedOpsAreNegatedHalfTheTime() {
        RandAugment transform = create(Map.of("num_ops", 3, "magnitude", 12, "num_magnitude_bins", 20));
        OpSpace space = OpSpace.autoAugment(true, 20, 97, 73);
        long[] ops = new long[AugmentOp.values().length];
        long[] signs = new long[2];
        SplittableRandom random = new SplittableRandom(21);
        for (int i = 0; i < 10_000; i++) {
            List<Step> steps = transform.draw(random, 97, 73);
            assertEquals(3, steps.size());
            for (Step step : steps) {
                ops[step.op().ordinal()]++;
                OpSpace.Entry entry = space.of(step.op());
                double expected = entry.bins() == null ? 0 : entry.bins()[12];
                assertEquals(expected, Math.abs(step.magnitude()), step.toString());
                if (entry.signed() && expected != 0) {
                    signs[step.magnitude() < 0 ? 0 : 1]++;
                }
            }
        }
        double[] uniform = new double[ops.length];
        for (int k = 0; k < space.size(); k++) {
            uniform[space.get(k).op().ordinal()] = 1.0 / space.size();
        }
        Distributions.assertFrequencies(ops, uniform, "rand_augment's ops (Invert never)");
        Distributions.assertFrequencies(signs, new double[] {0.5, 0.5}, "signs");
    }

    @Test
    void outputIsTheDrawnOpsInOrderAndNoOpsGivesTheInput() {
        RandAugment transform = RandAugment.of().numOps(3);
        Image flower = Fixtures.input("flower");
        for (long seed = 0; seed < 20; seed++) {
            List<Step> steps = transform.draw(new SplittableRandom(seed), flower.width(), flower.height());
            assertEquals(Step.run(flower, steps, new Sampling(dev.sluice.plugins.transforms.resize.Interpolation.NEAREST, null)),
                    transform.apply(flower, new SplittableRandom(seed)), "seed " + seed);
        }
        assertSame(flower, RandAugment.of().numOps(0).apply(flower, new SplittableRandom(0)));
    }

    @Test
    void badOptionsAreRefusedNamingTheKey() {
        OptionsException magnitude = assertThrows(OptionsException.class, () -> create(Map.of("magnitude", 31)));
        assertEquals("transforms[0].rand_augment.magnitude: magnitude must be a bin in [0, num_magnitude_bins - 1] = [0, 30], was 31",
                magnitude.getMessage());
        assertEquals("transforms[0].rand_augment.magnitude", assertThrows(OptionsException.class,
                () -> create(Map.of("magnitude", -1))).keyPath());
        assertEquals("transforms[0].rand_augment.num_magnitude_bins", assertThrows(OptionsException.class,
                () -> create(Map.of("num_magnitude_bins", 1))).keyPath());
        assertEquals("transforms[0].rand_augment.num_ops", assertThrows(OptionsException.class,
                () -> create(Map.of("num_ops", -2))).keyPath());
        assertEquals("transforms[0].rand_augment.num_ops", assertThrows(OptionsException.class,
                () -> create(Map.of("num_ops", 1.5))).keyPath());
        // A smaller table and a bin inside it, given together, are accepted.
        assertEquals("rand_augment(num_ops=2, magnitude=3, num_magnitude_bins=5, interpolation=bilinear, fill=[7])",
                create(Map.of("magnitude", 3, "num_magnitude_bins", 5, "interpolation", "bilinear", "fill", 7)).toString());
    }
}
