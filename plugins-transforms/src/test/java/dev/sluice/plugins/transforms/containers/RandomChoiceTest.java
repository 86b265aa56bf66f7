package dev.sluice.plugins.transforms.containers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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

/** {@code random_choice}: the contract, weighted and uniform choices, and the refusals. */
class RandomChoiceTest extends TransformContract<Object, Object> {
    @Override
    protected TransformLookup lookup() {
        return DiscoveredTransforms.onClassPath();
    }

    private static final List<Object> THREE = List.of(Map.of("center_crop", Map.of("size", 10)),
            Map.of("center_crop", Map.of("size", 12)), Map.of("center_crop", Map.of("size", 14)));

    @Override
    protected String providerId() {
        return "random_choice";
    }

    @Override
    protected Options providerOptions() {
        return Options.of("transforms[0].random_choice", Map.of("transforms", THREE));
    }

    @Override
    protected List<Object> sampleInputs() {
        return List.of(Fixtures.input("grass"));
    }

    @Override
    protected boolean isDeterministic() {
        return false;
    }

    private static RandomChoice create(Map<String, ?> options) {
        return (RandomChoice) new RandomChoiceProvider().create(Options.of("t.random_choice", options), DiscoveredTransforms.onClassPath());
    }

    @Test
    void choicesFollowTheWeights() {
        RandomChoice choice = create(Map.of("transforms", THREE, "p", List.of(1, 0, 3)));
        long[] counts = new long[3];
        SplittableRandom random = new SplittableRandom(4);
        for (int i = 0; i < 8000; i++) {
            counts[choice.choose(random)]++;
        }
        Distributions.assertFrequencies(counts, new double[] {0.25, 0, 0.75}, "weighted choice");
        RandomChoice uniform = create(Map.of("transforms", THREE));
        long[] even = new long[3];
        for (int i = 0; i < 6000; i++) {
            even[uniform.choose(random)]++;
        }
        Distributions.assertFrequencies(even, new double[] {1 / 3.0, 1 / 3.0, 1 / 3.0}, "uniform choice");
    }

    @Test
    void theOutputIsTheChosenStepsOutput() {
        RandomChoice choice = create(Map.of("transforms", THREE));
        for (long seed = 0; seed < 10; seed++) {
            int chosen = choice.choose(new SplittableRandom(seed));
            Object out = choice.apply(Fixtures.input("grass"), new SplittableRandom(seed));
            int side = 10 + 2 * chosen;
            assertEquals("Image[" + side + "x" + side + "x3]", out.toString());
        }
    }

    @Test
    void weightsMustMatchAndNotAllBeZero() {
        assertEquals("t.random_choice.p: Length of p doesn't match the number of transforms: 2 != 3",
                assertThrows(OptionsException.class, () -> create(Map.of("transforms", THREE, "p", List.of(1, 2)))).getMessage());
        assertEquals("t.random_choice.p", assertThrows(OptionsException.class,
                () -> create(Map.of("transforms", THREE, "p", List.of(0, 0, 0)))).keyPath());
        assertEquals("t.random_choice.p", assertThrows(OptionsException.class,
                () -> create(Map.of("transforms", THREE, "p", List.of(1, -1, 1)))).keyPath());
    }
}
