package dev.sluice.plugins.transforms.containers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sluice.api.Image;
import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;
import dev.sluice.api.spi.TransformLookup;
import dev.sluice.api.contract.TransformContract;
import dev.sluice.plugins.transforms.Distributions;
import dev.sluice.plugins.transforms.Fixtures;
import dev.sluice.api.contract.DiscoveredTransforms;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@code random_apply}: the contract and how often the steps run. */
class RandomApplyTest extends TransformContract<Object, Object> {
    @Override
    protected TransformLookup lookup() {
        return DiscoveredTransforms.onClassPath();
    }


    @Override
    protected String providerId() {
        return "random_apply";
    }

    @Override
    protected Options providerOptions() {
        return Options.of("transforms[0].random_apply", Map.of("p", 0.5, "transforms", List.of(Map.of("grayscale", Map.of()))));
    }

    @Override
    protected List<Object> sampleInputs() {
        return List.of(Fixtures.input("grass"), Fixtures.input("dune"));
    }

    @Override
    protected boolean isDeterministic() {
        return false;
    }

    @Test
    void runsAllTheStepsWithProbabilityP() {
        RandomApply apply = (RandomApply) new RandomApplyProvider().create(Options.of("t.random_apply",
                Map.of("p", 0.25, "transforms", List.of("grayscale", Map.of("pad", Map.of("padding", 1))))), DiscoveredTransforms.onClassPath());
        Image grass = Fixtures.input("grass");
        long[] counts = new long[2];
        for (long seed = 0; seed < 4000; seed++) {
            Object out = apply.apply(grass, new SplittableRandom(seed));
            if (out == grass) {
                counts[0]++;
            } else {
                assertEquals("Image[37x29x1]", out.toString());
                counts[1]++;
            }
        }
        Distributions.assertFrequencies(counts, new double[] {0.75, 0.25}, "applied with p = 0.25");
    }

    @Test
    void pZeroSkipsAlmostSurely() {
        RandomApply apply = (RandomApply) new RandomApplyProvider().create(Options.of("t.random_apply",
                Map.of("p", 0, "transforms", List.of("grayscale"))), DiscoveredTransforms.onClassPath());
        Image grass = Fixtures.input("grass");
        for (long seed = 0; seed < 100; seed++) {
            assertSame(grass, apply.apply(grass, new SplittableRandom(seed)));
        }
    }

    @Test
    void badProbabilityIsRefused() {
        assertEquals("t.random_apply.p", assertThrows(OptionsException.class, () -> new RandomApplyProvider().create(
                Options.of("t.random_apply", Map.of("p", -0.1, "transforms", List.of("grayscale"))), DiscoveredTransforms.onClassPath())).keyPath());
    }
}
