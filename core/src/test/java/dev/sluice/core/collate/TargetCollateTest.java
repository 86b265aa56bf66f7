package dev.sluice.core.collate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.DType;
import dev.sluice.api.SlotTransform;
import dev.sluice.api.Tensor;
import dev.sluice.api.TensorAllocator;
import dev.sluice.api.target.BatchBoxes;
import dev.sluice.api.target.BatchTargets;
import dev.sluice.api.target.BoundingBoxes;
import dev.sluice.api.target.BoxFormat;
import dev.sluice.api.target.CanvasSize;
import dev.sluice.api.target.KeyPoints;
import dev.sluice.api.target.SegmentationMask;
import dev.sluice.api.target.Targets;
import dev.sluice.core.dataset.LabeledSample;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TargetCollateTest {
    private static final CanvasSize CANVAS = new CanvasSize(2, 3);
    private static final TargetCollate COLLATE = new TargetCollate();

    private static Targets boxes(BoxFormat format, float[] coordinates, long... labels) {
        return Targets.NONE.withBoxes(BoundingBoxes.of(format, CANVAS, coordinates, labels));
    }

    @Test
    void boxesOfEverySampleConcatenateAsXyxyWithTheirBatchIndexAndLabel() {
        Targets first = boxes(BoxFormat.XYWH, new float[] {1, 0, 1, 2, 0, 0, 3, 1}, 4, 5);
        Targets none = boxes(BoxFormat.XYXY, new float[0]);
        Targets third = boxes(BoxFormat.CXCYWH, new float[] {1.5f, 1, 1, 2}, 7);
        BatchTargets batch = COLLATE.collate(List.of(first, none, third), TensorAllocator.heap());
        BatchBoxes boxes = batch.boxes().orElseThrow();
        assertEquals(3, boxes.count());
        assertArrayEquals(new int[] {3, 4}, boxes.coordinates().shape());
        assertArrayEquals(new float[] {1, 0, 2, 2, 0, 0, 3, 1, 1, 0, 2, 2}, boxes.coordinates().toFloatArray());
        assertEquals(Tensor.ofLongs(new int[] {3}, 0, 0, 2), boxes.batchIndices(), "sample 1 has no boxes: no rows");
        assertEquals(Tensor.ofLongs(new int[] {3}, 4, 5, 7), boxes.labels());
        assertTrue(boxes.instanceMasks().isEmpty());
        assertTrue(batch.masks().isEmpty());
        assertTrue(batch.keyPoints().isEmpty());
        assertEquals(3, batch.size());
        assertEquals(CANVAS, batch.canvas());
    }

    @Test
    void aBatchWhoseSamplesHaveNoBoxesHasZeroRowsOfEachShape() {
        Targets empty = boxes(BoxFormat.XYXY, new float[0]);
        BatchBoxes boxes = COLLATE.collate(List.of(empty, Targets.NONE, empty), TensorAllocator.heap()).boxes()
                .orElseThrow();
        assertArrayEquals(new int[] {0, 4}, boxes.coordinates().shape());
        assertEquals(DType.FLOAT32, boxes.coordinates().dtype());
        assertArrayEquals(new int[] {0}, boxes.batchIndices().shape());
        assertEquals(DType.INT64, boxes.labels().dtype());
        assertArrayEquals(new int[] {0}, boxes.labels().shape());
    }

    @Test
    void classIndexMasksStackLikeImages() {
        Targets first = Targets.NONE.withMask(SegmentationMask.classIndex(CANVAS, new byte[] {0, 1, 2, 3, 4, (byte) 255}));
        Targets second = Targets.NONE.withMask(SegmentationMask.classIndex(CANVAS, new byte[] {9, 9, 9, 0, 0, 0}));
        BatchTargets batch = COLLATE.collate(List.of(first, second), TensorAllocator.heap());
        Tensor masks = batch.masks().orElseThrow();
        assertEquals(DType.UINT8, masks.dtype());
        assertArrayEquals(new int[] {2, 2, 3}, masks.shape());
        assertArrayEquals(new byte[] {0, 1, 2, 3, 4, (byte) 255, 9, 9, 9, 0, 0, 0}, masks.toByteArray());
        assertTrue(batch.boxes().isEmpty(), "a segmentation batch has no boxes");
    }

    @Test
    void anInt32MaskWidensTheWholeStack() {
        Targets narrow = Targets.NONE.withMask(SegmentationMask.classIndex(CANVAS, new byte[] {0, 1, 2, 3, 4, (byte) 200}));
        Targets wide = Targets.NONE.withMask(SegmentationMask.classIndex(CANVAS, new int[] {300, 1, 2, 3, 4, 65535}));
        Tensor masks = COLLATE.collate(List.of(narrow, wide), TensorAllocator.heap()).masks().orElseThrow();
        assertEquals(DType.INT32, masks.dtype());
        long[] values = new long[12];
        for (int i = 0; i < values.length; i++) {
            values[i] = (long) masks.getAsDouble(i);
        }
        assertArrayEquals(new long[] {0, 1, 2, 3, 4, 200, 300, 1, 2, 3, 4, 65535}, values);
    }

    @Test
    void instanceMasksConcatenateWithTheirBoxes() {
        Targets first = boxes(BoxFormat.XYXY, new float[] {0, 0, 1, 1, 1, 0, 3, 2}, 1, 2)
                .withMask(SegmentationMask.instances(2, CANVAS, new byte[] {1, 0, 0, 0, 0, 0, 0, 1, 1, 0, 1, 1}));
        Targets empty = boxes(BoxFormat.XYXY, new float[0]).withMask(SegmentationMask.instances(0, CANVAS, new byte[0]));
        Targets third = boxes(BoxFormat.XYXY, new float[] {0, 1, 3, 2}, 3)
                .withMask(SegmentationMask.instances(1, CANVAS, new byte[] {0, 0, 0, 1, 1, 1}));
        BatchBoxes boxes = COLLATE.collate(List.of(first, empty, third), TensorAllocator.heap()).boxes().orElseThrow();
        Tensor layers = boxes.instanceMasks().orElseThrow();
        assertArrayEquals(new int[] {3, 2, 3}, layers.shape());
        assertArrayEquals(new byte[] {1, 0, 0, 0, 0, 0, 0, 1, 1, 0, 1, 1, 0, 0, 0, 1, 1, 1}, layers.toByteArray());
        assertEquals(Tensor.ofLongs(new int[] {3}, 0, 0, 2), boxes.batchIndices());
    }

    @Test
    void keyPointsConcatenateWithTheirBatchIndex() {
        Targets first = Targets.NONE.withKeyPoints(KeyPoints.of(CANVAS, new float[] {0.5f, 1, 2, 1.5f}));
        Targets second = Targets.NONE.withKeyPoints(KeyPoints.of(CANVAS, new float[] {1, 1}));
        BatchTargets batch = COLLATE.collate(List.of(first, Targets.NONE, second), TensorAllocator.heap());
        assertArrayEquals(new float[] {0.5f, 1, 2, 1.5f, 1, 1}, batch.keyPoints().orElseThrow().coordinates().toFloatArray());
        assertEquals(Tensor.ofLongs(new int[] {3}, 0, 0, 2), batch.keyPoints().orElseThrow().batchIndices());
    }

    @Test
    void keyPointVisibilitiesConcatenateWithTheirPointsAndMustBeInEveryOrNoSample() {
        Targets first = Targets.NONE.withKeyPoints(KeyPoints.of(CANVAS, new float[] {0.5f, 1, 2, 1.5f}, new float[] {2, 0}));
        Targets second = Targets.NONE.withKeyPoints(KeyPoints.of(CANVAS, new float[] {1, 1}, new float[] {1}));
        BatchTargets batch = COLLATE.collate(List.of(first, Targets.NONE, second), TensorAllocator.heap());
        assertArrayEquals(new float[] {2, 0, 1}, batch.keyPoints().orElseThrow().visibility().orElseThrow().toFloatArray());
        assertEquals(Optional.empty(), COLLATE.collate(List.of(Targets.NONE.withKeyPoints(KeyPoints.of(CANVAS,
                new float[] {1, 1}))), TensorAllocator.heap()).keyPoints().orElseThrow().visibility());
        Targets plain = Targets.NONE.withKeyPoints(KeyPoints.of(CANVAS, new float[] {1, 1}));
        assertEquals("the key points of entry 0 and entry 1 of one batch differ: one has visibilities and the other "
                + "has none", assertThrows(IllegalArgumentException.class,
                        () -> COLLATE.collate(List.of(first, plain), TensorAllocator.heap())).getMessage());
    }

    @Test
    void unequalCanvasesAreRefusedNamingBothEntries() {
        Targets small = boxes(BoxFormat.XYXY, new float[] {0, 0, 1, 1}, 0);
        Targets large = Targets.NONE.withBoxes(BoundingBoxes.of(BoxFormat.XYXY, new CanvasSize(4, 3),
                new float[] {0, 0, 1, 1}, new long[] {0}));
        RecordingAllocator allocator = new RecordingAllocator();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> COLLATE.collate(List.of(small, Targets.NONE, large), allocator));
        assertEquals("targets on unequal canvases: 2x3 (HxW) at entry 0 and 4x3 at entry 2; the samples of a batch "
                + "must have one image size (resize or crop them to one)", e.getMessage());
        assertTrue(allocator.allocated.isEmpty(), "refused before any memory was taken");
    }

    @Test
    void aMissingClassMaskIsRefusedNamingTheEntries() {
        Targets masked = Targets.NONE.withMask(SegmentationMask.classIndex(CANVAS, new byte[6]));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> COLLATE.collate(List.of(masked, masked, Targets.NONE), TensorAllocator.heap()));
        assertEquals("the sample at entry 2 has no mask but the one at entry 0 has a class-index mask; every sample "
                + "of a batch needs one, to stack them", e.getMessage());
    }

    @Test
    void boxesWithAndWithoutInstanceMasksAreRefused() {
        Targets plain = boxes(BoxFormat.XYXY, new float[] {0, 0, 1, 1}, 0);
        Targets withMask = plain.withMask(SegmentationMask.instances(1, CANVAS, new byte[6]));
        Targets masks = Targets.NONE.withMask(SegmentationMask.classIndex(CANVAS, new byte[6]));
        RecordingAllocator allocator = new RecordingAllocator();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> COLLATE.collate(List.of(withMask.withKeyPoints(KeyPoints.of(CANVAS, new float[0])), plain),
                        allocator));
        assertEquals("the sample at entry 0 has instance masks for its boxes but the one at entry 1 has boxes "
                + "without them; a batch's boxes have instance masks all or none", e.getMessage());
        IllegalArgumentException kinds = assertThrows(IllegalArgumentException.class,
                () -> COLLATE.collate(List.of(masks, withMask), allocator));
        assertTrue(kinds.getMessage().startsWith("the sample at entry 1 has instance masks but the one at entry 0 has a"
                + " class-index mask"), kinds.getMessage());
        assertTrue(allocator.allocated.isEmpty(), "refused before any memory was taken");
    }

    @Test
    void aBatchWithoutTargetsIsRefusedByTheCollateButLeftOutOfALabeledBatch() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> COLLATE.collate(List.of(Targets.NONE, Targets.NONE), TensorAllocator.heap()));
        assertEquals("TargetCollate: none of the 2 samples carries targets, so there is nothing to collate",
                e.getMessage());
        SlotCollation slots = new SlotCollation(1, TensorAllocator.heap());
        slots.add(0, image(2, 3), new long[] {1}, Targets.NONE);
        assertTrue(slots.finish().targets().isEmpty());
    }

    @Test
    void aLabeledBatchCarriesItsSamplesTargets() {
        SlotCollation slots = new SlotCollation(3, TensorAllocator.heap());
        slots.add(2, image(2, 3), new long[] {1}, boxes(BoxFormat.XYXY, new float[] {0, 0, 1, 1}, 6));
        slots.add(0, image(2, 3), new long[] {0}, boxes(BoxFormat.XYXY, new float[] {1, 1, 2, 2}, 5));
        LabeledBatch batch = slots.finish();
        BatchBoxes boxes = batch.targets().orElseThrow().boxes().orElseThrow();
        assertEquals(Tensor.ofLongs(new int[] {2}, 0, 1), boxes.batchIndices(), "position 1 was skipped, so the sample at position 2 is entry 1");
        assertEquals(Tensor.ofLongs(new int[] {2}, 5, 6), boxes.labels());
    }

    @Test
    void labeledCollateCollatesTheTargetsOfTensorSamples() {
        Tensor chw = Tensor.ofFloats(new int[] {1, 2, 3}, new float[6]);
        List<LabeledSample<Tensor>> samples = List.of(
                new LabeledSample<>(chw, new long[] {0}, boxes(BoxFormat.XYWH, new float[] {0, 0, 2, 1}, 3)),
                new LabeledSample<>(chw, new long[] {1}, boxes(BoxFormat.XYXY, new float[0])));
        LabeledBatch batch = new LabeledCollate().collate(samples, TensorAllocator.heap());
        BatchBoxes boxes = batch.targets().orElseThrow().boxes().orElseThrow();
        assertArrayEquals(new float[] {0, 0, 2, 1}, boxes.coordinates().toFloatArray());
        assertEquals(Tensor.ofLongs(new int[] {1}, 0), boxes.batchIndices());
        assertTrue(new LabeledCollate().collate(List.of(new LabeledSample<>(chw, new long[] {0})), TensorAllocator.heap())
                .targets().isEmpty(), "a classification batch has no targets");
    }

    @Test
    void targetsOffTheInputsCanvasAreRefused() {
        SlotCollation slots = new SlotCollation(1, TensorAllocator.heap());
        slots.add(0, image(4, 6), new long[] {0}, boxes(BoxFormat.XYXY, new float[] {0, 0, 1, 1}, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, slots::finish);
        assertEquals("the samples' targets are on a 2x3 (HxW) canvas but their inputs are [4, 6, 3]; a transform "
                + "changed the image without moving its targets", e.getMessage());
    }

    /** A pending uint8 H x W x 3 image. */
    private static SlotTransform.Pending image(int height, int width) {
        return new SlotTransform.Pending() {
            @Override
            public DType dtype() {
                return DType.UINT8;
            }

            @Override
            public int[] shape() {
                return new int[] {height, width, 3};
            }

            @Override
            public void writeTo(ByteBuffer destination, int byteOffset) {
                SlotTransform.slot(destination, byteOffset, byteSize()).put(new byte[(int) byteSize()]);
            }
        };
    }
}
