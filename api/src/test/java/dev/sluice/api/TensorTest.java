package dev.sluice.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.ReadOnlyBufferException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TensorTest {

    @Test
    void wrapRefusesNullArguments() {
        ByteBuffer data = ByteBuffer.allocate(4);
        assertThrows(NullPointerException.class, () -> Tensor.wrap(null, new int[] {1}, data));
        assertThrows(NullPointerException.class, () -> Tensor.wrap(DType.INT32, null, data));
        assertThrows(NullPointerException.class, () -> Tensor.wrap(DType.INT32, new int[] {1}, null));
    }

    @Test
    void wrapRefusesANegativeDimensionNamingIt() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> Tensor.wrap(DType.UINT8, new int[] {2, -3}, ByteBuffer.allocate(6)));
        assertEquals("shape[1] must be >= 0, was -3", refused.getMessage());
    }

    @Test
    void wrapRefusesAByteCountThatDoesNotMatchTheShape() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> Tensor.wrap(DType.FLOAT32, new int[] {2, 3}, ByteBuffer.allocate(20)));
        assertEquals("a float32 tensor of shape [2, 3] needs 24 bytes, the buffer has 20", refused.getMessage());
    }

    @Test
    void wrapTakesTheBytesFromPositionToLimitAsLittleEndian() {
        ByteBuffer buffer = ByteBuffer.allocate(16).order(ByteOrder.BIG_ENDIAN);
        buffer.position(4).limit(12);
        buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN).putInt(7).putInt(-9);
        Tensor tensor = Tensor.wrap(DType.INT32, new int[] {2}, buffer);
        assertEquals(7, tensor.getLong(0));
        assertEquals(-9, tensor.getLong(1));
        assertEquals(8, tensor.byteSize());
    }

    @Test
    void wrapKeepsItsOwnCopyOfTheShape() {
        int[] shape = {2, 3};
        Tensor tensor = Tensor.wrap(DType.UINT8, shape, ByteBuffer.allocate(6));
        shape[0] = 99;
        tensor.shape()[1] = 99;
        assertArrayEquals(new int[] {2, 3}, tensor.shape());
    }

    @Test
    void factoriesRefuseAValueCountThatDoesNotMatchTheShape() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> Tensor.ofFloats(new int[] {2, 2}, 1, 2, 3));
        assertEquals("shape [2, 2] holds 4 elements, 3 values were given", refused.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Tensor.ofLongs(new int[] {3}, 1, 2));
        assertThrows(IllegalArgumentException.class, () -> Tensor.ofBytes(new int[] {1}));
    }

    @Test
    void factoriesCopyTheirValues() {
        float[] values = {1.5f, -2f};
        Tensor tensor = Tensor.ofFloats(new int[] {2}, values);
        values[0] = 100;
        assertArrayEquals(new float[] {1.5f, -2f}, tensor.toFloatArray());
    }

    @Test
    void uint8ElementsReadUnsigned() {
        Tensor tensor = Tensor.ofBytes(new int[] {3}, (byte) 0, (byte) 200, (byte) 255);
        assertEquals(DType.UINT8, tensor.dtype());
        assertEquals(200, tensor.getLong(1));
        assertEquals(255.0, tensor.getAsDouble(2));
        assertArrayEquals(new byte[] {0, (byte) 200, (byte) 255}, tensor.toByteArray());
    }

    @Test
    void int32AndInt64ElementsReadAsLongsAndDoubles() {
        Tensor ints = Tensor.ofInts(new int[] {2}, Integer.MIN_VALUE, 5);
        assertEquals(Integer.MIN_VALUE, ints.getLong(0));
        assertEquals(5.0, ints.getAsDouble(1));
        assertArrayEquals(new byte[] {0, 0, 0, (byte) 0x80, 5, 0, 0, 0}, ints.toByteArray(), "little-endian bytes");

        Tensor longs = Tensor.ofLongs(new int[] {2, 3}, 1, 2, 3, 4, 5, Long.MAX_VALUE);
        assertEquals(Long.MAX_VALUE, longs.getLong(5));
        assertArrayEquals(new long[] {1, 2, 3, 4, 5, Long.MAX_VALUE}, longs.toLongArray());
        assertEquals(3, longs.dim(1));
        assertEquals(2, longs.rank());
        assertEquals(6, longs.numel());
        assertEquals(48, longs.byteSize());
    }

    @Test
    void floatElementsReadAsFloatsAndDoubles() {
        Tensor floats = Tensor.ofFloats(new int[] {1, 2}, 0.25f, -1e-3f);
        assertEquals(-1e-3f, floats.getFloat(1));
        assertEquals(0.25, floats.getAsDouble(0));
        Tensor doubles = Tensor.ofDoubles(new int[] {2}, Math.PI, -0.0);
        assertEquals(Math.PI, doubles.getAsDouble(0));
        assertEquals(DType.FLOAT64, doubles.dtype());
    }

    @Test
    void gettersOfAnotherDtypeAreRefused() {
        Tensor ints = Tensor.ofInts(new int[] {1}, 3);
        assertEquals("this tensor is int32, not float32",
                assertThrows(IllegalStateException.class, () -> ints.getFloat(0)).getMessage());
        assertThrows(IllegalStateException.class, ints::toFloatArray);
        assertThrows(IllegalStateException.class, ints::toLongArray);
        Tensor floats = Tensor.ofFloats(new int[] {1}, 3);
        assertEquals("getLong needs an integer tensor, this one is float32",
                assertThrows(IllegalStateException.class, () -> floats.getLong(0)).getMessage());
    }

    @Test
    void anIndexOutsideTheElementsIsRefusedNamingIt() {
        Tensor tensor = Tensor.ofLongs(new int[] {2, 3}, 1, 2, 3, 4, 5, 6);
        assertEquals("index 6 is outside [0, 6)",
                assertThrows(IndexOutOfBoundsException.class, () -> tensor.getAsDouble(6)).getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> tensor.getLong(-1));
        assertThrows(IndexOutOfBoundsException.class, () -> tensor.dim(2));
    }

    @Test
    void aScalarHasRankZeroAndOneElement() {
        Tensor scalar = Tensor.ofFloats(new int[0], 4f);
        assertEquals(0, scalar.rank());
        assertEquals(1, scalar.numel());
        assertEquals(4f, scalar.getFloat(0));
        assertEquals("tensor(4.0, shape=[], dtype=float32)", scalar.toString());
    }

    @Test
    void aZeroSizedDimensionHoldsNoElements() {
        Tensor empty = Tensor.wrap(DType.FLOAT32, new int[] {0, 3}, ByteBuffer.allocate(0));
        assertEquals(0, empty.numel());
        assertEquals(0, empty.byteSize());
        assertThrows(IndexOutOfBoundsException.class, () -> empty.getAsDouble(0));
    }

    @Test
    void dataIsAReadOnlyLittleEndianViewAtPositionZero() {
        Tensor tensor = Tensor.ofInts(new int[] {2}, 1, 2);
        ByteBuffer view = tensor.data();
        assertTrue(view.isReadOnly());
        assertEquals(ByteOrder.LITTLE_ENDIAN, view.order());
        assertEquals(0, view.position());
        assertThrows(ReadOnlyBufferException.class, () -> view.putInt(0, 42));
        view.getInt();
        assertEquals(0, tensor.data().position(), "each call is a new view");
        assertEquals(1, tensor.data().getInt());
    }

    @Test
    void directMemoryIsReportedAndDoesNotChangeEquality() {
        ByteBuffer direct = ByteBuffer.allocateDirect(8).order(ByteOrder.LITTLE_ENDIAN);
        direct.putFloat(1.5f).putFloat(2.5f).flip();
        Tensor pinned = Tensor.wrap(DType.FLOAT32, new int[] {2}, direct);
        Tensor heap = Tensor.ofFloats(new int[] {2}, 1.5f, 2.5f);
        assertTrue(pinned.isDirect());
        assertFalse(heap.isDirect());
        assertEquals(heap.toString(), pinned.toString(), "as equals, toString ignores where the memory lives");
        assertEquals(heap, pinned);
        assertEquals(heap.hashCode(), pinned.hashCode());
    }

    @Test
    void equalityNeedsTheSameDtypeShapeAndElements() {
        Tensor tensor = Tensor.ofInts(new int[] {2, 3}, 1, 2, 3, 4, 5, 6);
        assertEquals(tensor, Tensor.ofInts(new int[] {2, 3}, 1, 2, 3, 4, 5, 6));
        assertNotEquals(tensor, Tensor.ofInts(new int[] {3, 2}, 1, 2, 3, 4, 5, 6));
        assertNotEquals(tensor, Tensor.ofInts(new int[] {2, 3}, 1, 2, 3, 4, 5, 7));
        assertNotEquals(tensor, Tensor.wrap(DType.FLOAT32, new int[] {2, 3}, ByteBuffer.wrap(tensor.toByteArray())),
                "the same bytes as another dtype");
        assertNotEquals(tensor, "Tensor[int32 2x3]");
    }

    @Test
    void releaseToRecyclesTheVeryBufferTheAllocatorGave() {
        List<ByteBuffer> given = new ArrayList<>();
        List<ByteBuffer> recycled = new ArrayList<>();
        TensorAllocator pool = new TensorAllocator() {
            @Override
            public ByteBuffer allocate(int bytes) {
                ByteBuffer buffer = ByteBuffer.allocateDirect(bytes).order(ByteOrder.LITTLE_ENDIAN);
                given.add(buffer);
                return buffer;
            }

            @Override
            public void recycle(ByteBuffer buffer) {
                recycled.add(buffer);
            }
        };
        ByteBuffer out = pool.allocate(2 * 3 * Float.BYTES);
        for (int i = 0; i < 6; i++) {
            out.putFloat(i);
        }
        Tensor batch = Tensor.wrap(DType.FLOAT32, new int[] {2, 3}, out.flip());
        assertEquals(5f, batch.getFloat(5));
        batch.releaseTo(pool);
        assertEquals(1, recycled.size());
        assertSame(given.get(0), recycled.get(0));
    }

    @Test
    void aTensorOverPartOfABufferReleasesAViewTheAllocatorDidNotMake() {
        ByteBuffer whole = ByteBuffer.allocate(16);
        List<ByteBuffer> recycled = new ArrayList<>();
        TensorAllocator pool = new TensorAllocator() {
            @Override
            public ByteBuffer allocate(int bytes) {
                return whole;
            }

            @Override
            public void recycle(ByteBuffer buffer) {
                recycled.add(buffer);
            }
        };
        Tensor part = Tensor.wrap(DType.INT32, new int[] {2}, pool.allocate(16).limit(8));
        part.releaseTo(pool);
        assertNotSame(whole, recycled.get(0));
    }
}
