package dev.sluice.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** {@link Tensor#toString()}, against what NumPy and PyTorch print for the same arrays. */
class TensorTextTest {

    @Test
    void aSmallTensorShowsEveryValueNestedByAxis() {
        Tensor labels = Tensor.ofLongs(new int[] {2, 3}, 1, 2, 3, 4, 5, -6);
        assertEquals("tensor([[1, 2, 3], [4, 5, -6]], shape=[2, 3], dtype=int64)", labels.toString());
    }

    @Test
    void aVectorOfLabelsIsOneBracket() {
        assertEquals("tensor([3, 0, 1], shape=[3], dtype=int64)", Tensor.ofLongs(new int[] {3}, 3, 0, 1).toString());
    }

    @Test
    void uint8IsShownUnsigned() {
        Tensor pixels = Tensor.ofBytes(new int[] {1, 1, 3}, (byte) 255, (byte) 128, (byte) 0);
        assertEquals("tensor([[[255, 128, 0]]], shape=[1, 1, 3], dtype=uint8)", pixels.toString());
    }

    @Test
    void floatsHaveAtMostFourDecimalsWithTrailingZerosDropped() {
        // torch.tensor([0.485, -2.117904, 3.0, 0.5]) prints 0.4850, -2.1179, 3.0000, 0.5000.
        Tensor values = Tensor.ofFloats(new int[] {4}, 0.485f, -2.117904f, 3f, 0.5f);
        assertEquals("tensor([0.485, -2.1179, 3.0, 0.5], shape=[4], dtype=float32)", values.toString());
    }

    @Test
    void tinyHugeAndSpecialValuesAreWrittenAsNumPyWritesThem() {
        Tensor values = Tensor.ofDoubles(new int[] {6}, 1.5e-7, -2.5e9, Double.NaN, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY, -0.0);
        assertEquals("tensor([1.5e-07, -2.5e+09, nan, inf, -inf, 0.0], shape=[6], dtype=float64)", values.toString());
    }

    @Test
    void aScalarAndAnEmptyTensorHaveNoNesting() {
        assertEquals("tensor(7, shape=[], dtype=int32)", Tensor.ofInts(new int[0], 7).toString());
        Tensor empty = Tensor.wrap(DType.FLOAT32, new int[] {0, 3}, ByteBuffer.allocate(0));
        assertEquals("tensor([], shape=[0, 3], dtype=float32)", empty.toString());
    }

    @Test
    void exactlyAThousandElementsAreAllShown() {
        Tensor thousand = Tensor.ofInts(new int[] {1000}, IntStream.range(0, 1000).toArray());
        String text = thousand.toString();
        assertEquals(false, text.contains("..."), text);
        assertEquals(true, text.startsWith("tensor([0, 1, 2, 3, ") && text.endsWith(", 998, 999], shape=[1000], dtype=int32)"),
                text);
    }

    @Test
    void aLargeVectorShowsItsFirstAndLastThreeValues() {
        Tensor large = Tensor.ofInts(new int[] {1001}, IntStream.range(0, 1001).toArray());
        assertEquals("tensor([0, 1, 2, ..., 998, 999, 1000], shape=[1001], dtype=int32)", large.toString());
    }

    @Test
    void aLargeBatchShowsTheFirstRowOfEachOuterAxisOnOneLine() {
        int[] shape = {4, 3, 20, 20};
        float[] values = new float[4 * 3 * 20 * 20];
        for (int i = 0; i < values.length; i++) {
            values[i] = i / 8f;
        }
        Tensor batch = Tensor.ofFloats(shape, values);
        assertEquals("tensor([[[[0.0, 0.125, 0.25, ..., 2.125, 2.25, 2.375], ...], ...], ...], shape=[4, 3, 20, 20],"
                + " dtype=float32)", batch.toString());
    }

    @Test
    void aShortLastAxisOfALargeTensorIsShownWhole() {
        Tensor tall = Tensor.ofLongs(new int[] {1001, 2}, IntStream.range(0, 2002).asLongStream().toArray());
        assertEquals("tensor([[0, 1], ...], shape=[1001, 2], dtype=int64)", tall.toString());
    }
}
