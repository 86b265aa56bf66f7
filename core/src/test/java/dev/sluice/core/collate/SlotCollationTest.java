package dev.sluice.core.collate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.DType;
import dev.sluice.api.SlotTransform;
import dev.sluice.api.Tensor;
import dev.sluice.core.dataset.LabeledSample;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class SlotCollationTest {

    /** A pending int64 vector of {@code length} copies of {@code value}. */
    private static LabeledSample<SlotTransform.Pending> sample(int length, long value, long... labels) {
        SlotTransform.Pending pending = new SlotTransform.Pending() {
            @Override
            public DType dtype() {
                return DType.INT64;
            }

            @Override
            public int[] shape() {
                return new int[] {length};
            }

            @Override
            public void writeTo(ByteBuffer destination, int byteOffset) {
                ByteBuffer slot = SlotTransform.slot(destination, byteOffset, byteSize());
                for (int i = 0; i < length; i++) {
                    slot.putLong(i * Long.BYTES, value);
                }
            }
        };
        return new LabeledSample<>(pending, labels);
    }

    @Test
    void aFullBatchIsWrittenInPlaceInOneBuffer() {
        RecordingAllocator allocator = new RecordingAllocator();
        SlotCollation slots = new SlotCollation(3, allocator);
        slots.add(0, sample(2, 7, 0));
        slots.add(1, sample(2, 8, 1));
        slots.add(2, sample(2, 9, 2));
        LabeledBatch batch = slots.finish();
        assertArrayEquals(new long[] {7, 7, 8, 8, 9, 9}, batch.images().toLongArray());
        assertArrayEquals(new int[] {3, 2}, batch.images().shape());
        assertEquals(Tensor.ofLongs(new int[] {3}, 0, 1, 2), batch.labels(), "one label each: int64 [N], as PyTorch");
        assertEquals(2, allocator.allocated.size(), "the inputs' buffer and the labels', nothing more");
        assertTrue(allocator.recycled.isEmpty());
    }

    @Test
    void aShortBatchMovesIntoABufferOfItsSizeAndGivesTheFirstBack() {
        RecordingAllocator allocator = new RecordingAllocator();
        SlotCollation slots = new SlotCollation(4, allocator);
        slots.add(2, sample(2, 5, 3));
        LabeledBatch batch = slots.finish();
        assertArrayEquals(new int[] {1, 2}, batch.images().shape());
        assertArrayEquals(new long[] {5, 5}, batch.images().toLongArray());
        assertEquals(4 * 2 * Long.BYTES, allocator.recycled.get(0).capacity(), "the batch-sized buffer came back");
    }

    @Test
    void aSampleOfAnotherShapeIsRefusedAsStackRefusesIt() {
        SlotCollation slots = new SlotCollation(3, new RecordingAllocator());
        slots.add(0, sample(2, 1, 0));
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> slots.add(1, sample(3, 1, 0)));
        assertEquals("stack expects each tensor to be equal size, but got [2] at entry 0 and [3] at entry 1 (in input)",
                refused.getMessage());
    }

    @Test
    void unequalLabelCountsFailTheBatchAndEveryBufferComesBack() {
        RecordingAllocator allocator = new RecordingAllocator();
        SlotCollation slots = new SlotCollation(3, allocator);
        slots.add(0, sample(2, 1, 0));
        slots.add(1, sample(2, 1, 0, 9));
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, slots::finish);
        assertEquals("labels of unequal length: 1 at entry 0 and 2 at entry 1", refused.getMessage());
        assertTrue(allocator.everythingCameBack());
    }

    @Test
    void anAbandonedBatchGivesItsBufferBackAndTakesNoMore() {
        RecordingAllocator allocator = new RecordingAllocator();
        SlotCollation slots = new SlotCollation(3, allocator);
        slots.add(0, sample(2, 1, 0));
        slots.abandon();
        assertTrue(allocator.everythingCameBack());
        assertThrows(IllegalStateException.class, () -> slots.add(1, sample(2, 1, 0)));
        assertThrows(IllegalStateException.class, slots::finish);
    }

    @Test
    void aTakenPositionTakesNoMoreAndAnEmptyBatchHasNoBatch() {
        SlotCollation slots = new SlotCollation(2, new RecordingAllocator());
        assertThrows(IllegalStateException.class, slots::finish);
        slots.add(1, sample(1, 1, 0));
        assertThrows(IllegalStateException.class, () -> slots.add(1, sample(1, 1, 0)));
        assertThrows(IndexOutOfBoundsException.class, () -> slots.add(2, sample(1, 1, 0)));
    }

    @Test
    void positionsLeftEmptyCloseUpInPositionOrder() {
        RecordingAllocator allocator = new RecordingAllocator();
        SlotCollation slots = new SlotCollation(5, allocator);
        slots.add(3, sample(1, 30, 3));
        slots.add(0, sample(1, 0, 0));
        slots.add(4, sample(1, 40, 4));
        LabeledBatch batch = slots.finish();
        assertArrayEquals(new long[] {0, 30, 40}, batch.images().toLongArray());
        assertEquals(Tensor.ofLongs(new int[] {3}, 0, 3, 4), batch.labels());
    }

    @Test
    void twoLabelsEachStayABatchByLabelCountMatrix() {
        SlotCollation slots = new SlotCollation(2, new RecordingAllocator());
        slots.add(0, sample(1, 0, 5, 6));
        slots.add(1, sample(1, 0, 7, 8));
        assertEquals(Tensor.ofLongs(new int[] {2, 2}, 5, 6, 7, 8), slots.finish().labels());
    }
}
