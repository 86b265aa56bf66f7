package dev.sluice.core.collate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sluice.api.Collate;
import dev.sluice.api.DType;
import dev.sluice.api.Image;
import dev.sluice.api.Tensor;
import dev.sluice.api.TensorAllocator;
import dev.sluice.api.contract.CollateContract;
import dev.sluice.core.dataset.LabeledSample;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DefaultCollateTest extends CollateContract<Object, Object> {

    // Declared private on purpose: records in user code are often not public.
    private record Named(String name, int count) {
    }

    @Override
    protected Collate<Object, Object> createCollate() {
        return DefaultCollate.instance();
    }

    @Override
    protected List<List<Object>> sampleBatches() {
        return List.of(
                List.of(Tensor.ofFloats(new int[] {2, 3}, 1, 2, 3, 4, 5, 6)),
                List.of(Tensor.ofFloats(new int[] {2}, 1, 2), Tensor.ofFloats(new int[] {2}, 3, 4),
                        Tensor.ofFloats(new int[] {2}, 5, 6)),
                List.of(Image.wrap(2, 1, 3, new byte[] {1, 2, 3, 4, 5, 6}), Image.wrap(2, 1, 3, new byte[] {7, 8, 9, 10, 11, 12})),
                List.of(1, 2L, (short) 3, (byte) 4),
                List.of(0.5f, 1.5f),
                List.of(true, false, true),
                List.of(new int[] {1, 2}, new int[] {3, 4}),
                List.of(new double[] {0.25}, new double[] {0.5}),
                List.of(new byte[] {-1, 0, 1}, new byte[] {2, 3, 4}),
                List.of("a", "b"),
                List.of(pythonDict(1, 1.5, "x"), pythonDict(2, 2.5, "y")),
                List.of(List.of(1, "a"), List.of(2, "b")),
                List.of(new Named("a", 1), new Named("b", 2)),
                List.of(new LabeledSample<>(Tensor.ofFloats(new int[] {1}, 9), new long[] {1, 2}),
                        new LabeledSample<>(Tensor.ofFloats(new int[] {1}, 8), new long[] {3, 4})));
    }

    @Override
    protected List<List<Object>> invalidBatches() {
        List<Object> withNull = new ArrayList<>(List.of(1));
        withNull.add(null);
        return List.of(
                List.of(Tensor.ofFloats(new int[] {2}, 1, 2), Tensor.ofFloats(new int[] {3}, 1, 2, 3)),
                withNull,
                List.of(new Object()),
                List.of(1.5f, 2.5),
                List.of(new float[] {1}, new float[] {1, 2}),
                List.of(Map.of("a", 1), Map.of("b", 1)),
                List.of(List.of(1), List.of(1, 2)));
    }

    /** {'a': n, 'b': (f, s)} in PyTorch's verified example, keys in that order. */
    private static Map<String, Object> pythonDict(int a, double number, String text) {
        Map<String, Object> sample = new LinkedHashMap<>();
        sample.put("a", a);
        sample.put("b", List.of(number, text));
        return sample;
    }

    private static Object collate(Object... samples) {
        return DefaultCollate.instance().collate(Arrays.asList(samples), TensorAllocator.heap());
    }

    @Test
    void mapOfIntAndPairCollatesAsPyTorchDoes() {
        Map<?, ?> batch = assertInstanceOf(Map.class, collate(pythonDict(1, 1.5, "x"), pythonDict(2, 2.5, "y")));

        assertEquals(List.of("a", "b"), new ArrayList<>(batch.keySet()));
        assertEquals(Tensor.ofLongs(new int[] {2}, 1, 2), batch.get("a"));
        List<?> b = assertInstanceOf(List.class, batch.get("b"));
        assertEquals(Tensor.ofDoubles(new int[] {2}, 1.5, 2.5), b.get(0));
        assertEquals(List.of("x", "y"), b.get(1));
    }

    @Test
    void topLevelStringsComeBackAsTheyAre() {
        assertEquals(List.of("a", "b"), collate("a", new StringBuilder("b")));
    }

    @Test
    void recordBecomesAMapByComponentNameInDeclarationOrder() {
        Map<?, ?> batch = assertInstanceOf(Map.class, collate(new Named("a", 1), new Named("b", 2)));

        assertEquals(List.of("name", "count"), new ArrayList<>(batch.keySet()));
        assertEquals(List.of("a", "b"), batch.get("name"));
        assertEquals(Tensor.ofLongs(new int[] {2}, 1, 2), batch.get("count"));
    }

    @Test
    void labeledSamplesBecomeATypedBatchOfImagesAndLabels() {
        LabeledBatch batch = assertInstanceOf(LabeledBatch.class, collate(
                new LabeledSample<>(Tensor.ofFloats(new int[] {2}, 1, 2), new long[] {7}),
                new LabeledSample<>(Tensor.ofFloats(new int[] {2}, 3, 4), new long[] {8})));

        assertEquals(Tensor.ofFloats(new int[] {2, 2}, 1, 2, 3, 4), batch.images());
        assertEquals(Tensor.ofLongs(new int[] {2}, 7, 8), batch.labels(), "one label each: a vector, as PyTorch");
    }

    @Test
    void labeledSamplesInsideAMapAreCollatedAsLabeledCollateDoes() {
        Map<?, ?> batch = assertInstanceOf(Map.class, collate(
                Map.of("sample", new LabeledSample<>(Tensor.ofFloats(new int[] {1}, 1), new long[] {1, 2})),
                Map.of("sample", new LabeledSample<>(Tensor.ofFloats(new int[] {1}, 2), new long[] {3, 4}))));

        LabeledBatch inner = assertInstanceOf(LabeledBatch.class, batch.get("sample"));
        assertEquals(new LabeledCollate().collate(List.of(
                new LabeledSample<>(Tensor.ofFloats(new int[] {1}, 1), new long[] {1, 2}),
                new LabeledSample<>(Tensor.ofFloats(new int[] {1}, 2), new long[] {3, 4})), TensorAllocator.heap()), inner);
    }

    @Test
    void sixteenBitImagesStackIntoAUint16TensorAndMixedDepthsAreRefused() {
        Image first = Image.wrapUint16(2, 1, 1, new short[] {0, (short) 65535});
        Image second = Image.wrapUint16(2, 1, 1, new short[] {258, (short) 40000});
        assertEquals(Tensor.ofUint16(new int[] {2, 1, 2, 1}, (short) 0, (short) 65535, (short) 258, (short) 40000),
                collate(first, second));

        LabeledBatch batch = assertInstanceOf(LabeledBatch.class, collate(new LabeledSample<>(first, new long[] {1}),
                new LabeledSample<>(second, new long[] {2})));
        assertEquals(Tensor.ofUint16(new int[] {2, 1, 2, 1}, (short) 0, (short) 65535, (short) 258, (short) 40000),
                batch.images());

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> collate(first, Image.wrap(2, 1, 1, new byte[] {1, 2})));
        assertEquals("stack expects each image to be equal size, but got Image[2x1x1 uint16] at entry 0 and Image[2x1x1] "
                + "at entry 1", refused.getMessage());
    }

    @Test
    void doublesBecomeFloat64AndFloatsFloat32() {
        assertEquals(Tensor.ofDoubles(new int[] {2}, 0.1, 0.2), collate(0.1, 0.2));
        assertEquals(Tensor.ofFloats(new int[] {2}, 0.1f, 0.2f), collate(0.1f, 0.2f));
    }

    @Test
    void integersOfAnyWidthBecomeInt64() {
        assertEquals(Tensor.ofLongs(new int[] {4}, 1, Long.MAX_VALUE, -3, -128),
                collate(1, Long.MAX_VALUE, (short) -3, (byte) -128));
    }

    @Test
    void booleansBecomeUint8OneAndZero() {
        assertEquals(Tensor.ofBytes(new int[] {3}, (byte) 1, (byte) 0, (byte) 1), collate(true, false, true));
    }

    @Test
    void tensorsStackAlongANewFirstAxis() {
        Tensor batch = (Tensor) collate(Tensor.ofInts(new int[] {2, 2}, 1, 2, 3, 4), Tensor.ofInts(new int[] {2, 2}, 5, 6, 7, 8));

        assertEquals(DType.INT32, batch.dtype());
        assertArrayEquals(new int[] {2, 2, 2}, batch.shape());
        for (int i = 0; i < 8; i++) {
            assertEquals(i + 1, batch.getLong(i));
        }
    }

    @Test
    void scalarTensorsStackIntoAVector() {
        Tensor scalar = Tensor.ofDoubles(new int[0], 2.5);
        assertEquals(Tensor.ofDoubles(new int[] {2}, 2.5, 2.5), collate(scalar, scalar));
    }

    @Test
    void imagesStackIntoUint8BatchHeightWidthChannels() {
        Image first = Image.wrap(1, 2, 2, new byte[] {1, 2, 3, 4});
        Image second = Image.wrap(1, 2, 2, new byte[] {5, 6, 7, (byte) 200});

        Tensor batch = (Tensor) collate(first, second);

        assertEquals(DType.UINT8, batch.dtype());
        assertArrayEquals(new int[] {2, 2, 1, 2}, batch.shape());
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5, 6, 7, (byte) 200}, batch.toByteArray());
        assertEquals(200, batch.getLong(7));
    }

    @Test
    void primitiveArraysBecomeRowsOfTheirDtype() {
        assertEquals(Tensor.ofLongs(new int[] {2, 2}, 1, 2, -3, 4), collate(new int[] {1, 2}, new int[] {-3, 4}));
        assertEquals(Tensor.ofLongs(new int[] {2, 1}, 5, 6), collate(new long[] {5}, new long[] {6}));
        assertEquals(Tensor.ofFloats(new int[] {2, 2}, 1, 2, 3, 4), collate(new float[] {1, 2}, new float[] {3, 4}));
        assertEquals(Tensor.ofDoubles(new int[] {1, 3}, 1, 2, 3), collate(new double[] {1, 2, 3}));
        Tensor bytes = (Tensor) collate(new byte[] {-1, 0}, new byte[] {1, 2});
        assertEquals(DType.UINT8, bytes.dtype());
        assertEquals(255, bytes.getLong(0));
        assertArrayEquals(new int[] {2, 2}, bytes.shape());
    }

    @Test
    void emptyArraysGiveABatchOfEmptyRows() {
        Tensor batch = (Tensor) collate(new float[0], new float[0]);
        assertArrayEquals(new int[] {2, 0}, batch.shape());
    }

    @Test
    void listsAreTransposedIntoCollatedColumns() {
        assertEquals(List.of(Tensor.ofLongs(new int[] {2}, 1, 2), List.of("a", "b")),
                collate(List.of(1, "a"), List.of(2, "b")));
    }

    @Test
    void mapKeysFollowTheFirstSamplesOrder() {
        Map<String, Object> first = new LinkedHashMap<>();
        first.put("zeta", 1);
        first.put("alpha", 2);
        Map<String, Object> second = new HashMap<>(Map.of("alpha", 4, "zeta", 3));

        Map<?, ?> batch = assertInstanceOf(LinkedHashMap.class, collate(first, second));

        assertEquals(List.of("zeta", "alpha"), new ArrayList<>(batch.keySet()));
        assertEquals(Tensor.ofLongs(new int[] {2}, 1, 3), batch.get("zeta"));
    }

    @Test
    void nestedContainersCollateRecursively() {
        Map<String, Object> first = Map.of("pair", List.of(Map.of("v", new float[] {1, 2}), "p"));
        Map<String, Object> second = Map.of("pair", List.of(Map.of("v", new float[] {3, 4}), "q"));

        Map<?, ?> batch = assertInstanceOf(Map.class, collate(first, second));

        List<?> pair = assertInstanceOf(List.class, batch.get("pair"));
        assertEquals(Map.of("v", Tensor.ofFloats(new int[] {2, 2}, 1, 2, 3, 4)), pair.get(0));
        assertEquals(List.of("p", "q"), pair.get(1));
    }

    @Test
    void oneSampleGivesABatchOfOne() {
        assertEquals(Tensor.ofLongs(new int[] {1}, 42), collate(42));
    }
}
