package dev.sluice.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

class TensorAllocatorTest {

    @Test
    void heapGivesFreshZeroedLittleEndianBuffersOfTheExactSize() {
        TensorAllocator heap = TensorAllocator.heap();
        ByteBuffer first = heap.allocate(12);
        assertEquals(12, first.capacity());
        assertEquals(0, first.position());
        assertEquals(12, first.limit());
        assertEquals(ByteOrder.LITTLE_ENDIAN, first.order());
        assertFalse(first.isDirect());
        assertEquals(0, first.getInt(8));
        assertNotSame(first, heap.allocate(12));
    }

    @Test
    void heapRefusesANegativeSize() {
        assertEquals("bytes must be >= 0, was -1",
                assertThrows(IllegalArgumentException.class, () -> TensorAllocator.heap().allocate(-1)).getMessage());
    }
}
