package dev.sluice.plugins.transforms.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sluice.api.Image;
import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;
import dev.sluice.api.Tensor;
import dev.sluice.api.Transform;
import dev.sluice.api.contract.ConfiguredTransformContract;
import dev.sluice.plugins.transforms.Fixtures;
import dev.sluice.plugins.transforms.Samples;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@code normalize}: the contract, float32 arithmetic over axis -3 (also of a batch), and its refusals. */
class NormalizeTest extends ConfiguredTransformContract<Tensor, Tensor> {

    NormalizeTest() {
        super("normalize", Options.of("transforms[3].normalize", Map.of("mean", List.of(0.485, 0.456, 0.406), "std", List.of(0.229, 0.224, 0.225))),
                NormalizeTest::tensors, DETERMINISTIC);
    }

    private static List<Tensor> tensors() {
        Transform<Image, Tensor> toTensor = Samples.create(new ToTensorProvider(), Map.of());
        List<Tensor> tensors = new ArrayList<>();
        tensors.add(toTensor.apply(Fixtures.input("grass"), new SplittableRandom(0)));
        tensors.add(toTensor.apply(Fixtures.input("dune"), new SplittableRandom(0)));
        return tensors;
    }

    @Test
    void eachChannelIsShiftedAndScaledInFloat32AlsoInABatch() {
        Tensor batch = Tensor.ofFloats(new int[] {2, 2, 1, 1}, 0.5f, 0.25f, 1f, 0f);
        Tensor out = Samples.<Tensor, Tensor>create(new NormalizeProvider(), Map.of("mean", List.of(0.5, 0.1), "std", List.of(0.2, 0.3)))
                .apply(batch, new SplittableRandom(0));
        float m0 = 0.5f;
        float m1 = 0.1f;
        float s0 = 0.2f;
        float s1 = 0.3f;
        assertArrayEquals(new float[] {(0.5f - m0) / s0, (0.25f - m1) / s1, (1f - m0) / s0, (0f - m1) / s1}, out.toFloatArray());
    }

    @Test
    void oneMeanAndStdApplyToEveryChannel() {
        Tensor out = Samples.<Tensor, Tensor>create(new NormalizeProvider(), Map.of("mean", 0.5, "std", 0.5))
                .apply(Tensor.ofFloats(new int[] {3, 1, 1}, 0f, 0.5f, 1f), new SplittableRandom(0));
        assertArrayEquals(new float[] {-1f, 0f, 1f}, out.toFloatArray());
    }

    @Test
    void aZeroStdIsRefusedWithTorchvisionsMessage() {
        OptionsException refused = assertThrows(OptionsException.class,
                () -> Samples.create(new NormalizeProvider(), Map.of("mean", 0, "std", List.of(1, 1e-50))));
        assertEquals("transforms[0].normalize.std: std evaluated to zero after conversion to float32, leading to division by zero.",
                refused.getMessage());
    }

    @Test
    void wrongTensorsAreRefusedSayingWhy() {
        Transform<Tensor, Tensor> normalize = Samples.create(new NormalizeProvider(), Map.of("mean", List.of(0, 0, 0), "std", List.of(1, 1, 1)));
        assertEquals("Input tensor should be a float tensor. Got uint8", assertThrows(IllegalArgumentException.class,
                () -> normalize.apply(Tensor.ofBytes(new int[] {3, 1, 1}, (byte) 1, (byte) 2, (byte) 3), new SplittableRandom(0))).getMessage());
        assertEquals("transforms[0].normalize.mean: has 3 values, but the tensor it normalizes has 1 channel; give 1 value",
                assertThrows(IllegalArgumentException.class,
                () -> normalize.apply(Tensor.ofFloats(new int[] {1, 1, 1}, 1f), new SplittableRandom(0))).getMessage());
        assertThrows(IllegalArgumentException.class, () -> normalize.apply(Tensor.ofFloats(new int[] {3}, 1f, 2f, 3f), new SplittableRandom(0)));
    }
}
