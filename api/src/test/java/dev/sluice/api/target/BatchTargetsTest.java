package dev.sluice.api.target;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sluice.api.Tensor;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The batch target types refuse tensors that do not have the layout they document. */
class BatchTargetsTest {
    private static final CanvasSize CANVAS = new CanvasSize(2, 3);

    private static BatchBoxes boxes(long... batchIndices) {
        int count = batchIndices.length;
        return new BatchBoxes(Tensor.ofFloats(new int[] {count, 4}, new float[count * 4]),
                Tensor.ofLongs(new int[] {count}, batchIndices), Tensor.ofLongs(new int[] {count}, new long[count]),
                Optional.empty());
    }

    @Test
    void boxesNeedFourFloatCoordinatesAndOneIndexAndLabelPerRow() {
        assertEquals(2, boxes(0, 1).count());
        IllegalArgumentException wide = assertThrows(IllegalArgumentException.class, () -> new BatchBoxes(
                Tensor.ofFloats(new int[] {1, 5}, new float[5]), Tensor.ofLongs(new int[] {1}, 0),
                Tensor.ofLongs(new int[] {1}, 0), Optional.empty()));
        assertEquals("box coordinates must be [T, 4], were [1, 5]", wide.getMessage());
        IllegalArgumentException rows = assertThrows(IllegalArgumentException.class, () -> new BatchBoxes(
                Tensor.ofFloats(new int[] {1, 4}, new float[4]), Tensor.ofLongs(new int[] {2}, 0, 0),
                Tensor.ofLongs(new int[] {1}, 0), Optional.empty()));
        assertEquals("box batch indices must have 1 rows, one per box or point, but have 2", rows.getMessage());
        IllegalArgumentException dtype = assertThrows(IllegalArgumentException.class, () -> new BatchBoxes(
                Tensor.ofFloats(new int[] {1, 4}, new float[4]), Tensor.ofLongs(new int[] {1}, 0),
                Tensor.ofInts(new int[] {1}, 0), Optional.empty()));
        assertEquals("box labels must be int64 of rank 1, were int32 [1]", dtype.getMessage());
    }

    @Test
    void batchIndicesMustStayInTheBatchAndNeverGoBack() {
        IllegalArgumentException outside = assertThrows(IllegalArgumentException.class,
                () -> new BatchTargets(2, CANVAS, Optional.of(boxes(0, 2)), Optional.empty(), Optional.empty()));
        assertEquals("box 1 has batch index 2; batch indices run from 0 to 1 without going back", outside.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new BatchTargets(2, CANVAS, Optional.of(boxes(1, 0)), Optional.empty(), Optional.empty()));
    }

    @Test
    void masksMustBeOneLayerPerSampleOnTheCanvas() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new BatchTargets(2, CANVAS,
                Optional.empty(), Optional.of(Tensor.ofBytes(new int[] {2, 3, 2}, new byte[12])), Optional.empty()));
        assertEquals("class-index masks must be [2, 2, 3] on a 2x3 canvas, were [2, 3, 2]", e.getMessage());
        IllegalArgumentException floats = assertThrows(IllegalArgumentException.class, () -> new BatchTargets(1, CANVAS,
                Optional.empty(), Optional.of(Tensor.ofFloats(new int[] {1, 2, 3}, new float[6])), Optional.empty()));
        assertEquals("class-index masks must be uint8 or int32, were float32", floats.getMessage());
    }
}
