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
 * {@code aug_mix}: the contract; the mixing weights Dirichlet-distributed (checked through their Beta
 * marginals); chain depths, ops and bins uniform; the output the mixture of the drawn chains; and the
 * refusals of bad options.
 */
class AugMixTest extends ConfiguredTransformContract<Image, Image> {

    AugMixTest() {
        super("aug_mix", Options.of("transforms[0].aug_mix", Map.of("severity", 3, "mixture_width", 3)),
                Samples::photos, RANDOM);
    }

    private static AugMix create(Map<String, ?> options) {
        return (AugMix) Samples.<Image, Image>create(new AugMixProvider(), options);
    }

    @Test
    void weightsFollowTheDirichletDistributions() {
        int n = 6000;
        AugMix uniform = AugMix.of().mixtureWidth(4);
        double[] original = new double[n];
        double[] chain = new double[n];
        SplittableRandom random = new SplittableRandom(2);
        for (int i = 0; i < n; i++) {
            AugMix.Draw draw = uniform.draw(random, 35, 27);
            float sum = draw.original();
            for (float w : draw.weights()) {
                sum += w;
            }
            assertEquals(1.0, sum, 1e-5, "weights sum to 1");
            original[i] = draw.original();
            // w_0 / m1 is a Dirichlet(1, 1, 1, 1) component: Beta(1, 3), whose CDF is 1 - (1 - x)^3.
            chain[i] = 1 - Math.pow(1 - draw.weights()[0] / (1 - draw.original()), 3);
        }
        Distributions.assertUniform(original, 0, 1, "m0 ~ Beta(1, 1)");
        Distributions.assertUniform(chain, 0, 1, "a chain's share ~ Beta(1, 3)");
        AugMix half = AugMix.of().alpha(0.5);
        for (int i = 0; i < n; i++) {
            // Beta(0.5, 0.5) has the arcsine CDF 2/pi asin(sqrt(x)).
            original[i] = 2 / Math.PI * Math.asin(Math.sqrt(half.draw(random, 35, 27).original()));
        }
        Distributions.assertUniform(original, 0, 1, "m0 ~ Beta(0.5, 0.5)");
    }

    @Test
    void depthsOpsAndBinsAreUniform() {
        AugMix transform = AugMix.of().severity(4).allOps(false);
        OpSpace space = OpSpace.augMix(false, 35, 27);
        float[] rotations = space.of(AugmentOp.ROTATE).bins();
        long[] depths = new long[3];
        long[] ops = new long[AugmentOp.values().length];
        long[] rotationBins = new long[4];
        SplittableRandom random = new SplittableRandom(9);
        for (int i = 0; i < 8000; i++) {
            for (List<Step> chain : transform.draw(random, 35, 27).chains()) {
                depths[chain.size() - 1]++;
                for (Step step : chain) {
                    ops[step.op().ordinal()]++;
                    if (step.op() == AugmentOp.ROTATE) {
                        rotationBins[Arrays.binarySearch(rotations, (float) Math.abs(step.magnitude()))]++;
                    }
                }
            }
        }
        Distributions.assertFrequencies(depths, new double[] {1 / 3.0, 1 / 3.0, 1 / 3.0}, "chain depths");
        double[] uniform = new double[ops.length];
        for (int k = 0; k < space.size(); k++) {
            uniform[space.get(k).op().ordinal()] = 1.0 / space.size();
        }
        Distributions.assertFrequencies(ops, uniform, "aug_mix's ops without the colour ones");
        Distributions.assertFrequencies(rotationBins, new double[] {0.25, 0.25, 0.25, 0.25}, "bins below severity 4");
        for (List<Step> chain : AugMix.of().chainDepth(2).draw(random, 35, 27).chains()) {
            assertEquals(2, chain.size());
        }
    }

    @Test
    void outputIsTheMixtureOfTheDrawnChains() {
        AugMix transform = AugMix.of().interpolation(Interpolation.NEAREST).fill(9, 8, 7);
        Image dune = Fixtures.input("dune");
        for (long seed = 0; seed < 12; seed++) {
            AugMix.Draw draw = transform.draw(new SplittableRandom(seed), dune.width(), dune.height());
            assertEquals(AugMix.mix(dune, draw, new Sampling(Interpolation.NEAREST, new int[] {9, 8, 7})),
                    transform.apply(dune, new SplittableRandom(seed)), "seed " + seed);
        }
    }

    @Test
    void badOptionsAreRefusedNamingTheKey() {
        OptionsException severity = assertThrows(OptionsException.class, () -> create(Map.of("severity", 11)));
        assertEquals("transforms[0].aug_mix.severity: The severity must be between [1, 10], was 11", severity.getMessage());
        assertEquals("transforms[0].aug_mix.severity", assertThrows(OptionsException.class,
                () -> create(Map.of("severity", 0))).keyPath());
        assertEquals("transforms[0].aug_mix.mixture_width", assertThrows(OptionsException.class,
                () -> create(Map.of("mixture_width", 0))).keyPath());
        assertEquals("transforms[0].aug_mix.alpha", assertThrows(OptionsException.class,
                () -> create(Map.of("alpha", 0))).keyPath());
        assertEquals("transforms[0].aug_mix.all_ops", assertThrows(OptionsException.class,
                () -> create(Map.of("all_ops", "yes"))).keyPath());
        assertEquals("transforms[0].aug_mix.chain_depth", assertThrows(OptionsException.class,
                () -> create(Map.of("chain_depth", 1.5))).keyPath());
    }
}
