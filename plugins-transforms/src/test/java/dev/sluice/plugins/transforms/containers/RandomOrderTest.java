package dev.sluice.plugins.transforms.containers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sluice.api.Image;
import dev.sluice.api.Options;
import dev.sluice.api.contract.TransformContract;
import dev.sluice.api.spi.TransformLookup;
import dev.sluice.plugins.transforms.Distributions;
import dev.sluice.plugins.transforms.Fixtures;
import dev.sluice.api.contract.DiscoveredTransforms;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@code random_order}: the contract, uniform permutations, and the steps run in the drawn order. */
class RandomOrderTest extends TransformContract<Object, Object> {
    @Override
    protected TransformLookup lookup() {
        return DiscoveredTransforms.onClassPath();
    }

    private static final List<Object> STEPS = List.of(Map.of("pad", Map.of("padding", List.of(2, 0))),
            Map.of("center_crop", Map.of("size", List.of(20, 20))), Map.of("grayscale", Map.of()));

    @Override
    protected String providerId() {
        return "random_order";
    }

    @Override
    protected Options providerOptions() {
        return Options.of("transforms[0].random_order", Map.of("transforms", STEPS));
    }

    @Override
    protected List<Object> sampleInputs() {
        return List.of(Fixtures.input("grass"));
    }

    @Override
    protected boolean isDeterministic() {
        return false;
    }

    @Test
    void everyOrderIsEquallyLikelyAndTheStepsRunInIt() {
        RandomOrder order = (RandomOrder) new RandomOrderProvider().create(
                Options.of("t.random_order", Map.of("transforms", STEPS)), DiscoveredTransforms.onClassPath());
        Map<String, Integer> index = new HashMap<>();
        long[] counts = new long[6];
        SplittableRandom random = new SplittableRandom(12);
        for (int i = 0; i < 6000; i++) {
            String drawn = Arrays.toString(order.order(random));
            index.putIfAbsent(drawn, index.size());
            counts[index.get(drawn)]++;
        }
        assertEquals(6, index.size());
        double[] uniform = new double[6];
        Arrays.fill(uniform, 1 / 6.0);
        Distributions.assertFrequencies(counts, uniform, "orders of three steps");
        Image grass = Fixtures.input("grass");
        for (long seed = 0; seed < 12; seed++) {
            int[] drawn = order.order(new SplittableRandom(seed));
            // Pad before crop widens by 4 first; crop before pad gives 24 columns.
            int padAt = indexOf(drawn, 0);
            int cropAt = indexOf(drawn, 1);
            Image out = (Image) order.apply(grass, new SplittableRandom(seed));
            assertEquals(padAt < cropAt ? 20 : 24, out.width(), "order " + Arrays.toString(drawn));
        }
    }

    private static int indexOf(int[] values, int wanted) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == wanted) {
                return i;
            }
        }
        return -1;
    }
}
