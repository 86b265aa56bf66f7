package dev.sluice.core.collate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sluice.api.DType;
import dev.sluice.api.Image;
import dev.sluice.api.Tensor;
import dev.sluice.api.TensorAllocator;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class StackingPropertyTest {

    @Property
    void stackedTensorsReadBackAsTheInputs(@ForAll("tensorBatches") List<Tensor> tensors) {
        Tensor batch = (Tensor) DefaultCollate.instance().collate(tensors, TensorAllocator.heap());

        int[] sampleShape = tensors.get(0).shape();
        int[] expectedShape = new int[sampleShape.length + 1];
        expectedShape[0] = tensors.size();
        System.arraycopy(sampleShape, 0, expectedShape, 1, sampleShape.length);
        assertArrayEquals(expectedShape, batch.shape());
        assertEquals(tensors.get(0).dtype(), batch.dtype());
        byte[] all = batch.toByteArray();
        int each = (int) tensors.get(0).byteSize();
        for (int i = 0; i < tensors.size(); i++) {
            assertArrayEquals(tensors.get(i).toByteArray(), Arrays.copyOfRange(all, i * each, (i + 1) * each), "sample " + i);
        }
    }

    @Property
    void stackedFloatRowsReadBackAsTheInputs(@ForAll("floatRows") List<float[]> rows) {
        Tensor batch = (Tensor) DefaultCollate.instance().collate(rows, TensorAllocator.heap());

        float[] all = batch.toFloatArray();
        int width = rows.get(0).length;
        assertArrayEquals(new int[] {rows.size(), width}, batch.shape());
        for (int i = 0; i < rows.size(); i++) {
            assertArrayEquals(rows.get(i), Arrays.copyOfRange(all, i * width, (i + 1) * width), "sample " + i);
        }
    }

    @Property
    void stackedIntRowsReadBackWidenedToLongs(@ForAll("intRows") List<int[]> rows) {
        Tensor batch = (Tensor) DefaultCollate.instance().collate(rows, TensorAllocator.heap());

        long[] all = batch.toLongArray();
        int width = rows.get(0).length;
        for (int i = 0; i < rows.size(); i++) {
            for (int k = 0; k < width; k++) {
                assertEquals(rows.get(i)[k], all[i * width + k], "sample " + i + ", element " + k);
            }
        }
    }

    @Property
    void stackedImagesReadBackAsTheInputs(@ForAll("imageBatches") List<Image> images) {
        Tensor batch = (Tensor) DefaultCollate.instance().collate(images, TensorAllocator.heap());

        Image first = images.get(0);
        assertArrayEquals(new int[] {images.size(), first.height(), first.width(), first.channels()}, batch.shape());
        byte[] all = batch.toByteArray();
        for (int i = 0; i < images.size(); i++) {
            assertArrayEquals(images.get(i).toArray(),
                    Arrays.copyOfRange(all, i * first.byteSize(), (i + 1) * first.byteSize()), "sample " + i);
        }
    }

    @Provide
    Arbitrary<List<Tensor>> tensorBatches() {
        Arbitrary<DType> dtypes = Arbitraries.of(DType.class);
        Arbitrary<int[]> shapes = Arbitraries.integers().between(0, 4).array(int[].class).ofMaxSize(3);
        Arbitrary<Integer> counts = Arbitraries.integers().between(1, 6);
        return Combinators.combine(dtypes, shapes, counts).flatAs((dtype, shape, count) -> {
            int bytes = dtype.byteSize();
            for (int dim : shape) {
                bytes *= dim;
            }
            return Arbitraries.bytes().array(byte[].class).ofSize(bytes).list().ofSize(count).map(contents -> {
                List<Tensor> tensors = new ArrayList<>();
                for (byte[] content : contents) {
                    tensors.add(Tensor.wrap(dtype, shape, ByteBuffer.wrap(content)));
                }
                return tensors;
            });
        });
    }

    @Provide
    Arbitrary<List<float[]>> floatRows() {
        return Combinators.combine(Arbitraries.integers().between(0, 8), Arbitraries.integers().between(1, 6))
                .flatAs((width, count) -> Arbitraries.floats().array(float[].class).ofSize(width).list().ofSize(count));
    }

    @Provide
    Arbitrary<List<int[]>> intRows() {
        return Combinators.combine(Arbitraries.integers().between(0, 8), Arbitraries.integers().between(1, 6))
                .flatAs((width, count) -> Arbitraries.integers().array(int[].class).ofSize(width).list().ofSize(count));
    }

    @Provide
    Arbitrary<List<Image>> imageBatches() {
        Arbitrary<Integer> sides = Arbitraries.integers().between(1, 5);
        return Combinators.combine(sides, sides, Arbitraries.integers().between(1, 4), Arbitraries.integers().between(1, 5))
                .flatAs((width, height, channels, count) -> Arbitraries.bytes().array(byte[].class)
                        .ofSize(width * height * channels).list().ofSize(count).map(contents -> {
                            List<Image> images = new ArrayList<>();
                            for (byte[] content : contents) {
                                images.add(Image.wrap(width, height, channels, content));
                            }
                            return images;
                        }));
    }
}
