package dev.sluice.plugins.transforms.containers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.sluice.api.DType;
import dev.sluice.api.Image;
import dev.sluice.api.Options;
import dev.sluice.api.SlotTransform;
import dev.sluice.api.Tensor;
import dev.sluice.api.Transform;
import dev.sluice.api.contract.TestImages;
import dev.sluice.plugins.transforms.Fixtures;
import dev.sluice.api.contract.DiscoveredTransforms;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The fused pass against the same steps run one after the other: equal bit for bit, drawing the same
 * random numbers, for every kind of run compose fuses, and written into a slot of a larger buffer.
 */
class FusedPipelineTest {
    private static final Map<String, Object> NORMALIZE = Map.of("normalize",
            Map.of("mean", List.of(0.485, 0.456, 0.406), "std", List.of(0.229, 0.224, 0.225)));

    /** The steps through compose (fused) and each through its own compose of one (not fused), applied with one seed. */
    private static void assertFusedEqualsStepByStep(List<Object> steps, Image image, long seed) {
        Compose fused = compose(steps);
        assertEquals(1, fused.steps().size(), "fused into one step: " + steps);
        assertInstanceOf(FusedPipeline.class, fused.steps().get(0).transform());
        SplittableRandom separate = new SplittableRandom(seed);
        Object value = image;
        for (Object step : steps) {
            value = compose(List.of(step)).apply(value, separate);
        }
        Tensor expected = (Tensor) value;
        SplittableRandom together = new SplittableRandom(seed);
        Tensor actual = (Tensor) fused.apply(image, together);
        assertEquals(expected, actual, steps + " on " + image + " with seed " + seed);
        assertEquals(separate.nextLong(), together.nextLong(), "both drew the same numbers");
    }

    private static Compose compose(List<?> steps) {
        return new Compose(DiscoveredTransforms.onClassPath().steps(Options.of("t.compose", Map.of("transforms", steps)), "transforms"));
    }

    @Test
    void evaluationPipelinesEqualTheirSteps() {
        List<List<Object>> pipelines = new ArrayList<>();
        for (String mode : List.of("nearest", "bilinear", "bicubic", "area")) {
            for (boolean antialias : new boolean[] {true, false}) {
                Map<String, Object> resize = Map.of("resize", Map.of("size", 40, "interpolation", mode, "antialias", antialias));
                pipelines.add(List.of(resize, Map.of("center_crop", Map.of("size", List.of(30, 36))), "to_tensor", NORMALIZE));
                pipelines.add(List.of(resize, "to_tensor"));
            }
        }
        pipelines.add(List.of(Map.of("center_crop", Map.of("size", 20)), "to_tensor", NORMALIZE));
        pipelines.add(List.of(Map.of("resize", Map.of("height", 30)), Map.of("center_crop", Map.of("size", 64)), "to_tensor"));
        pipelines.add(List.of("to_tensor", NORMALIZE));
        pipelines.add(List.of(Map.of("resize", Map.of("size", List.of(27, 35))), "random_horizontal_flip", "to_tensor", NORMALIZE));
        for (List<Object> steps : pipelines) {
            for (Image image : List.of(Fixtures.input("ladybird"), Fixtures.input("grass"), Fixtures.input("dune"))) {
                // All three are RGB, as the three-channel normalize needs.
                assertFusedEqualsStepByStep(steps, image, 7);
            }
        }
    }

    @Test
    void trainingPipelinesEqualTheirStepsForEverySeed() {
        for (boolean antialias : new boolean[] {true, false}) {
            Map<String, Object> crop = Map.of("random_resized_crop", Map.of("size", 24, "antialias", antialias));
            Map<String, Object> flip = Map.of("random_horizontal_flip", Map.of("p", 0.5));
            List<Object> colour = List.of(crop, flip, "to_tensor", NORMALIZE);
            List<Object> grey = List.of(crop, flip, "to_tensor", Map.of("normalize", Map.of("mean", 0.45, "std", 0.22)));
            for (long seed = 0; seed < 30; seed++) {
                assertFusedEqualsStepByStep(colour, Fixtures.input("ladybird"), seed);
                assertFusedEqualsStepByStep(grey, Fixtures.input("flower-grey"), seed);
            }
        }
    }

    @Test
    void writesIntoASlotOfABatchAndNothingElse() {
        FusedPipeline fused = (FusedPipeline) compose(List.of(Map.of("resize", Map.of("size", 32)),
                Map.of("center_crop", Map.of("size", 24)), "to_tensor", NORMALIZE)).steps().get(0).transform();
        Image ladybird = Fixtures.input("ladybird");
        SlotTransform.Pending pending = fused.prepare(ladybird, new SplittableRandom(0));
        assertArrayEquals(new int[] {3, 24, 24}, pending.shape());
        int slot = 3 * 24 * 24;
        ByteBuffer bytes = ByteBuffer.allocateDirect(4 * slot * 3).order(ByteOrder.BIG_ENDIAN);
        FloatBuffer batch = bytes.duplicate().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
        for (int i = 0; i < batch.capacity(); i++) {
            batch.put(i, -7f);
        }
        bytes.position(5).limit(17);
        pending.writeTo(bytes, slot * Float.BYTES);
        assertEquals(5, bytes.position(), "the destination's position is left alone");
        assertEquals(17, bytes.limit(), "the destination's limit is left alone");
        float[] written = new float[slot];
        batch.get(slot, written);
        assertArrayEquals(fused.apply(ladybird, new SplittableRandom(0)).toFloatArray(), written);
        for (int i = 0; i < slot; i++) {
            assertEquals(-7f, batch.get(i), "before the slot");
            assertEquals(-7f, batch.get(2 * slot + i), "after the slot");
        }
    }

    /** Any sizes, any kernel: the fused resize + centre crop + to_tensor + normalize equals the steps. */
    @Property(tries = 60)
    void fusedEqualsStepsForAnySizes(@ForAll @IntRange(min = 1, max = 70) int width,
            @ForAll @IntRange(min = 1, max = 70) int height, @ForAll @IntRange(min = 1, max = 50) int size,
            @ForAll @IntRange(min = 1, max = 60) int crop, @ForAll @IntRange(min = 0, max = 7) int kernel,
            @ForAll @IntRange(min = 1, max = 4) int channels) {
        String mode = List.of("nearest", "bilinear", "bicubic", "area").get(kernel % 4);
        List<Object> steps = List.of(Map.of("resize", Map.of("size", size, "interpolation", mode, "antialias", kernel >= 4)),
                Map.of("center_crop", Map.of("size", crop)), "to_tensor", Map.of("normalize", Map.of("mean", 0.5, "std", 0.25)));
        assertFusedEqualsStepByStep(steps, TestImages.photo(width, height, channels), 0);
    }

    @Test
    void theTensorIsFloat32Chw() {
        Transform<Object, Object> fused = compose(List.of(Map.of("center_crop", Map.of("size", List.of(5, 7))), "to_tensor"));
        Tensor out = (Tensor) fused.apply(Fixtures.input("flower-grey"), new SplittableRandom(0));
        assertEquals(DType.FLOAT32, out.dtype());
        assertArrayEquals(new int[] {1, 5, 7}, out.shape());
    }
}
