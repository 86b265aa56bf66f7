package dev.sluice.plugins.transforms.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sluice.api.DType;
import dev.sluice.api.Image;
import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;
import dev.sluice.api.Tensor;
import dev.sluice.api.Transform;
import dev.sluice.api.contract.ConfiguredTransformContract;
import dev.sluice.plugins.transforms.Fixtures;
import dev.sluice.plugins.transforms.Samples;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@code to_dtype}: the contract, unscaled and scaled conversions as torchvision's, and the refused casts. */
class ToDtypeTest extends ConfiguredTransformContract<Object, Tensor> {

    ToDtypeTest() {
        super("to_dtype", Options.of("transforms[1].to_dtype", Map.of("dtype", "uint8")),
                () -> List.of(Fixtures.input("grass"), Fixtures.input("flower-grey"), Tensor.ofFloats(new int[] {2, 2}, 0.2f, 1.7f, 255.9f, -3f)), DETERMINISTIC);
    }

    private static Tensor convert(Object input, String dtype, boolean scale) {
        Transform<Object, Tensor> t = Samples.create(new ToDtypeProvider(), Map.of("dtype", dtype, "scale", scale));
        return t.apply(input, new SplittableRandom(0));
    }

    @Test
    void anImageBecomesItsUnscaledUint8ChwTensor() {
        Tensor tensor = convert(Image.wrap(2, 1, 2, new byte[] {1, 2, 3, 4}), "uint8", false);
        assertArrayEquals(new int[] {2, 1, 2}, tensor.shape());
        assertArrayEquals(new byte[] {1, 3, 2, 4}, tensor.toByteArray());
    }

    @Test
    void scaledConversionsFollowTorchvision() {
        Tensor bytes = Tensor.ofBytes(new int[] {3}, (byte) 0, (byte) 128, (byte) 255);
        assertArrayEquals(new float[] {0f, 128f / 255f, 1f}, convert(bytes, "float32", true).toFloatArray());
        // float -> uint8: x * (255 + 1 - 0.001) truncated; 1.0 -> 255, 0.5 -> 127.
        Tensor floats = Tensor.ofFloats(new int[] {3}, 0f, 0.5f, 1f);
        assertArrayEquals(new byte[] {0, 127, (byte) 255}, convert(floats, "uint8", true).toByteArray());
        // uint8 -> int32: times 2^31 / 2^8.
        assertEquals(255L << 23, convert(bytes, "int32", true).getLong(2));
        assertEquals(128L, convert(Tensor.ofInts(new int[] {1}, 1 << 30), "uint8", true).getLong(0));
    }

    @Test
    void unscaledCastsTruncateAndSaturateFloatsAndWrapIntegers() {
        Tensor floats = Tensor.ofFloats(new int[] {4}, 1.9f, -1.9f, 300f, Float.NaN);
        assertArrayEquals(new byte[] {1, 0, (byte) 255, 0}, convert(floats, "uint8", false).toByteArray());
        assertArrayEquals(new long[] {1, -1, 300, 0}, convert(floats, "int64", false).toLongArray());
        assertEquals(44L, convert(Tensor.ofInts(new int[] {1}, 300), "uint8", false).getLong(0));
    }

    @Test
    void aTensorAlreadyOfTheDtypeIsReturnedAsItIs() {
        Tensor floats = Tensor.ofFloats(new int[] {1}, 2f);
        org.junit.jupiter.api.Assertions.assertSame(floats, convert(floats, "float32", true));
        assertEquals(DType.FLOAT64, convert(floats, "float64", false).dtype());
    }

    @Test
    void unsafeScaledCastsAndUnknownDtypesAreRefused() {
        assertEquals("The cast from float32 to int64 cannot be performed safely.", assertThrows(IllegalArgumentException.class,
                () -> convert(Tensor.ofFloats(new int[] {1}, 0.5f), "int64", true)).getMessage());
        OptionsException unknown = assertThrows(OptionsException.class,
                () -> Samples.create(new ToDtypeProvider(), Map.of("dtype", "float16")));
        assertEquals("transforms[0].to_dtype.dtype", unknown.keyPath());
        assertEquals(IllegalArgumentException.class, unknown.getCause().getClass());
        assertEquals("transforms[0].to_dtype.dtype", assertThrows(OptionsException.class,
                () -> Samples.create(new ToDtypeProvider(), Map.of())).keyPath());
    }
}
