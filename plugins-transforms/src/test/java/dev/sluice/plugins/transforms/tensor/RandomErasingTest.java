package dev.sluice.plugins.transforms.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.Image;
import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;
import dev.sluice.api.Tensor;
import dev.sluice.api.Transform;
import dev.sluice.api.contract.ConfiguredTransformContract;
import dev.sluice.api.target.BoundingBoxes;
import dev.sluice.api.target.BoxFormat;
import dev.sluice.api.target.CanvasSize;
import dev.sluice.api.target.Targeted;
import dev.sluice.api.target.Targets;
import dev.sluice.plugins.transforms.Distributions;
import dev.sluice.plugins.transforms.FixtureCases;
import dev.sluice.plugins.transforms.Fixtures;
import dev.sluice.plugins.transforms.Samples;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@code random_erasing}: the contract, torchvision's erase of a given box, the drawn boxes'
 * distribution, the "random" value, and its refusals.
 */
class RandomErasingTest extends ConfiguredTransformContract<Tensor, Tensor> {

    RandomErasingTest() {
        super("random_erasing", Options.of("transforms[2].random_erasing", Map.of("p", 0.8, "value", "random")),
                RandomErasingTest::tensors, RANDOM);
    }

    private static List<Tensor> tensors() {
        List<Tensor> tensors = new ArrayList<>();
        for (Image image : Samples.photos()) {
            tensors.add(ToTensor.of().apply(image, new SplittableRandom(0)));
        }
        return tensors;
    }

    @FixtureCases("erase")
    void eraseOfAGivenBoxMatchesTorchvision(Fixtures.Case c) {
        Options o = c.optionsAt("case");
        RandomErasing erasing = RandomErasing.of().value(o.getDoubles("value", null));
        Tensor in = ToTensor.of().apply(Fixtures.input(c.input()), new SplittableRandom(0));
        int[] box = {o.getInt("top", 0), o.getInt("left", 0), o.getInt("height", 0), o.getInt("width", 0)};
        Fixtures.assertAgrees(c, erasing.erase(in, box, new SplittableRandom(0)));
    }

    @Test
    void drawnBoxesFollowTorchvisionsRule() {
        RandomErasing erasing = RandomErasing.of().scale(0.1, 0.3).ratio(0.5, 2.0);
        int height = 60;
        int width = 80;
        List<Double> areas = new ArrayList<>();
        long[] firstTop = new long[4];
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 20_000; i++) {
            int[] box = erasing.draw(random, height, width);
            assertNotNull(box, "ten tries cannot all fail at these scales");
            assertTrue(box[2] < height && box[3] < width && box[0] + box[2] <= height && box[1] + box[3] <= width);
            areas.add((double) box[2] * box[3] / (height * width));
            if (box[2] == 20 && box[3] == 30) {
                firstTop[Math.min(3, box[0] / 10)]++;
            }
        }
        double[] fractions = areas.stream().mapToDouble(Double::doubleValue).toArray();
        // Rounding h and w moves the area a little; the drawn area itself is uniform on [0.1, 0.3].
        double mean = java.util.Arrays.stream(fractions).average().orElseThrow();
        assertEquals(0.2, mean, 0.005, "mean erased fraction");
        // Given the size, top is uniform over 0..40 (41 values): 10/41 per bin of ten, 11/41 for the last.
        Distributions.assertFrequencies(firstTop, new double[] {10 / 41.0, 10 / 41.0, 10 / 41.0, 11 / 41.0},
                "top of 20x30 boxes");
    }

    @Test
    void probabilityDecidesWhetherAnythingIsErased() {
        Transform<Tensor, Tensor> erasing = Samples.create(new RandomErasingProvider(), Map.of("p", 0.3, "value", 7));
        Tensor in = tensors().get(0);
        long[] erased = new long[2];
        for (long seed = 0; seed < 4000; seed++) {
            erased[erasing.apply(in, new SplittableRandom(seed)) == in ? 0 : 1]++;
        }
        Distributions.assertFrequencies(erased, new double[] {0.7, 0.3}, "erased or not");
    }

    @Test
    void randomValueIsStandardNormalNoiseInTheBox() {
        RandomErasing erasing = RandomErasing.of().randomValue();
        Tensor in = Tensor.ofFloats(new int[] {1, 100, 100}, new float[10_000]);
        Tensor out = erasing.erase(in, new int[] {10, 20, 60, 50}, new SplittableRandom(5));
        float[] v = out.toFloatArray();
        double sum = 0;
        double squares = 0;
        int n = 0;
        for (int y = 0; y < 100; y++) {
            for (int x = 0; x < 100; x++) {
                boolean inside = y >= 10 && y < 70 && x >= 20 && x < 70;
                if (inside) {
                    sum += v[y * 100 + x];
                    squares += v[y * 100 + x] * v[y * 100 + x];
                    n++;
                } else {
                    assertEquals(0f, v[y * 100 + x], "outside the box at " + x + ", " + y);
                }
            }
        }
        assertEquals(0, sum / n, 0.05, "mean");
        assertEquals(1, squares / n, 0.05, "variance");
    }

    @Test
    void targetsPassThroughAsTorchvisionV2Does() {
        Tensor in = tensors().get(0);
        Targets targets = Targets.NONE.withBoxes(BoundingBoxes.of(BoxFormat.XYXY, new CanvasSize(27, 35),
                new float[] {1, 2, 10, 12}, new long[] {3}));
        RandomErasing erasing = RandomErasing.of().p(1);
        Targeted<Tensor> out = erasing.applyWithTargets(Targeted.of(in, targets), new SplittableRandom(4));
        assertSame(targets, out.targets());
        assertEquals(erasing.apply(in, new SplittableRandom(4)), out.value());
    }

    @Test
    void badOptionsAndInputsAreRefusedNamingTheKey() {
        assertEquals("transforms[0].random_erasing.value", assertThrows(OptionsException.class,
                () -> Samples.create(new RandomErasingProvider(), Map.of("value", "noise"))).keyPath());
        assertEquals("transforms[0].random_erasing.scale", assertThrows(OptionsException.class,
                () -> Samples.create(new RandomErasingProvider(), Map.of("scale", List.of(0.5, 1.5)))).keyPath());
        assertEquals("transforms[0].random_erasing.ratio", assertThrows(OptionsException.class,
                () -> Samples.create(new RandomErasingProvider(), Map.of("ratio", List.of(0, 1)))).keyPath());
        assertEquals("transforms[0].random_erasing.p", assertThrows(OptionsException.class,
                () -> Samples.create(new RandomErasingProvider(), Map.of("p", 2))).keyPath());
        Transform<Tensor, Tensor> twoValues = Samples.create(new RandomErasingProvider(), Map.of("value", List.of(1, 2)));
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class,
                () -> twoValues.apply(tensors().get(0), new SplittableRandom(0)));
        assertTrue(wrong.getMessage().startsWith("If value is a sequence, it should have either a single value or 3"),
                wrong.getMessage());
        IllegalArgumentException bytes = assertThrows(IllegalArgumentException.class,
                () -> RandomErasing.of().apply(Tensor.ofBytes(new int[] {1, 2, 2}, new byte[4]), new SplittableRandom(0)));
        assertTrue(bytes.getMessage().contains("float32 tensor image"), bytes.getMessage());
    }
}
