package dev.sluice.core.collate;

import dev.sluice.api.Collate;
import dev.sluice.api.DType;
import dev.sluice.api.Tensor;
import dev.sluice.api.TensorAllocator;
import dev.sluice.api.target.BatchBoxes;
import dev.sluice.api.target.BatchKeyPoints;
import dev.sluice.api.target.BatchTargets;
import dev.sluice.api.target.BoundingBoxes;
import dev.sluice.api.target.BoxFormat;
import dev.sluice.api.target.CanvasSize;
import dev.sluice.api.target.KeyPoints;
import dev.sluice.api.target.SegmentationMask;
import dev.sluice.api.target.Targets;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Collates the {@link Targets} of a batch's samples into {@link BatchTargets}, the layout detection
 * and segmentation models consume:
 * <ul>
 * <li>boxes: each sample's boxes converted to XYXY and concatenated into a float32 {@code [T, 4]}, with
 *     an int64 {@code [T]} of each box's position in the batch and an int64 {@code [T]} of its label.
 *     A sample with no boxes (none at all, or zero) adds no rows; the layout has no padding, so
 *     nothing needs masking out downstream.</li>
 * <li>instance masks ({@code [N_i, H, W]}, one layer per box): concatenated as the boxes are, into a
 *     uint8 {@code [T, H, W]} whose layer {@code t} is box {@code t}'s. Chosen over padding to the
 *     largest count, which would cost {@code N * max(N_i)} layers for {@code T}, and over a Java list
 *     per sample, which a model cannot take as one tensor.</li>
 * <li>class-index masks ({@code [H, W]}): stacked like images into {@code [N, H, W]}, uint8, or int32
 *     when any sample's mask is int32.</li>
 * <li>key points ({@code [K_i, 2]}): concatenated into float32 {@code [P, 2]} with an int64 {@code [P]}
 *     of batch positions, as boxes are.</li>
 * </ul>
 * Every coordinate is in pixels of the samples' canvas, which must be one size for the whole batch.
 *
 * <p>It refuses, naming the entries (positions in the batch) as {@code default_collate} names
 * unequal shapes: targets on unequal canvases; a class-index mask on some samples but not on all;
 * instance masks on some samples with boxes but not on others, or without boxes to belong to.
 * Stateless and safe for concurrent use; the samples are not modified. {@link LabeledCollate} and
 * {@link SlotCollation} collate a labelled batch's targets through it.
 *
 * <pre>{@code
 * BatchTargets batch = new TargetCollate().collate(List.of(first, second), TensorAllocator.heap());
 * Tensor boxes = batch.boxes().orElseThrow().coordinates();   // float32 [T, 4], XYXY
 * }</pre>
 */
public final class TargetCollate implements Collate<Targets, BatchTargets> {

    /** A targets collate; it holds no state. */
    public TargetCollate() {
    }

    /**
     * Collates the targets of one batch.
     *
     * @param samples each sample's targets in batch order; not empty, no null element, at least one
     *        not {@linkplain Targets#isEmpty() empty}
     * @param allocator the memory of every tensor made; if collation fails, what was taken is recycled
     * @throws IllegalArgumentException as the class documentation says, naming the entries
     * @throws NullPointerException if an argument is null
     */
    @Override
    public BatchTargets collate(List<? extends Targets> samples, TensorAllocator allocator) {
        Objects.requireNonNull(samples, "samples");
        Objects.requireNonNull(allocator, "allocator");
        Targets[] column = new Targets[samples.size()];
        for (int i = 0; i < column.length; i++) {
            column[i] = samples.get(i);
            if (column[i] == null) {
                throw new IllegalArgumentException("TargetCollate: the targets at entry " + i + " are null; use Targets.NONE");
            }
        }
        if (!carriesAny(column)) {
            throw new IllegalArgumentException("TargetCollate: none of the " + column.length + " samples carries "
                    + "targets, so there is nothing to collate");
        }
        return TrackingAllocator.recyclingOnFailure(allocator, tracked -> collate(column, tracked));
    }

    /** Whether any of {@code column} carries targets (an empty batch carries none). */
    static boolean carriesAny(Targets[] column) {
        for (Targets targets : column) {
            if (targets != null && !targets.isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** The batch targets of {@code column}, at least one of which is not empty; memory from {@code allocator}. */
    static BatchTargets collate(Targets[] column, TensorAllocator allocator) {
        CanvasSize canvas = commonCanvas(column);
        Optional<Tensor> masks = classMasks(column, canvas, allocator);
        Optional<BatchBoxes> boxes = boxes(column, canvas, allocator);
        Optional<BatchKeyPoints> keyPoints = keyPoints(column, allocator);
        return new BatchTargets(column.length, canvas, boxes, masks, keyPoints);
    }

    private static CanvasSize commonCanvas(Targets[] column) {
        CanvasSize canvas = null;
        int first = -1;
        for (int i = 0; i < column.length; i++) {
            Optional<CanvasSize> own = column[i].canvas();
            if (own.isEmpty()) {
                continue;
            }
            if (canvas == null) {
                canvas = own.get();
                first = i;
            } else if (!canvas.equals(own.get())) {
                throw new IllegalArgumentException("targets on unequal canvases: " + canvas + " (HxW) at entry " + first
                        + " and " + own.get() + " at entry " + i + "; the samples of a batch must have one image size"
                        + " (resize or crop them to one)");
            }
        }
        return canvas;
    }

    private static Optional<Tensor> classMasks(Targets[] column, CanvasSize canvas, TensorAllocator allocator) {
        int first = -1;
        boolean wide = false;
        for (int i = 0; i < column.length; i++) {
            Optional<SegmentationMask> mask = column[i].mask();
            if (mask.isPresent() && mask.get().kind() == SegmentationMask.Kind.CLASS_INDEX) {
                first = first < 0 ? i : first;
                wide |= mask.get().dtype() == DType.INT32;
            }
        }
        if (first < 0) {
            return Optional.empty();
        }
        for (int i = 0; i < column.length; i++) {
            Optional<SegmentationMask> mask = column[i].mask();
            if (mask.isEmpty() || mask.get().kind() != SegmentationMask.Kind.CLASS_INDEX) {
                throw new IllegalArgumentException("the sample at entry " + i + " has " + (mask.isEmpty() ? "no mask"
                        : "instance masks") + " but the one at entry " + first + " has a class-index mask; every "
                        + "sample of a batch needs one, to stack them");
            }
        }
        DType dtype = wide ? DType.INT32 : DType.UINT8;
        long plane = canvas.pixels();
        ByteBuffer out = ColumnStacker.allocate(allocator, column.length, plane * dtype.byteSize(), "masks", "");
        if (wide) {
            IntBuffer ints = out.asIntBuffer();
            for (Targets targets : column) {
                ints.put(targets.mask().orElseThrow().toInt32Array());
            }
        } else {
            for (int i = 0; i < column.length; i++) {
                out.put((int) (i * plane), column[i].mask().orElseThrow().toUint8Array());
            }
        }
        return Optional.of(Tensor.wrap(dtype, new int[] {column.length, canvas.height(), canvas.width()}, out));
    }

    private static Optional<BatchBoxes> boxes(Targets[] column, CanvasSize canvas, TensorAllocator allocator) {
        int total = 0;
        int withInstances = -1;
        int withoutInstances = -1;
        boolean anyBoxes = false;
        for (int i = 0; i < column.length; i++) {
            Targets targets = column[i];
            boolean instances = targets.mask().isPresent()
                    && targets.mask().get().kind() == SegmentationMask.Kind.INSTANCE;
            if (targets.boxes().isEmpty()) {
                if (instances) {
                    throw new IllegalArgumentException("the sample at entry " + i + " has instance masks but no boxes;"
                            + " a batch's instance masks are laid out by the boxes they belong to");
                }
                continue;
            }
            anyBoxes = true;
            int count = targets.boxes().get().count();
            if (count > Integer.MAX_VALUE / 4 - total) {
                throw new IllegalArgumentException("a batch of more than " + (Integer.MAX_VALUE / 4) + " boxes (entry "
                        + i + " adds " + count + ")");
            }
            total += count;
            if (count > 0 && instances) {
                withInstances = withInstances < 0 ? i : withInstances;
            } else if (count > 0) {
                withoutInstances = withoutInstances < 0 ? i : withoutInstances;
            }
        }
        if (!anyBoxes) {
            return Optional.empty();
        }
        if (withInstances >= 0 && withoutInstances >= 0) {
            throw new IllegalArgumentException("the sample at entry " + withInstances + " has instance masks for its "
                    + "boxes but the one at entry " + withoutInstances + " has boxes without them; a batch's boxes "
                    + "have instance masks all or none");
        }
        ByteBuffer coordinates = ColumnStacker.allocate(allocator, total, 4L * Float.BYTES, "boxes", "");
        ByteBuffer indices = ColumnStacker.allocate(allocator, total, Long.BYTES, "boxes", "");
        ByteBuffer labels = ColumnStacker.allocate(allocator, total, Long.BYTES, "boxes", "");
        FloatBuffer xyxy = coordinates.asFloatBuffer();
        LongBuffer owners = indices.asLongBuffer();
        LongBuffer classes = labels.asLongBuffer();
        for (int i = 0; i < column.length; i++) {
            if (column[i].boxes().isPresent()) {
                BoundingBoxes own = column[i].boxes().get();
                xyxy.put(own.to(BoxFormat.XYXY).coordinates());
                classes.put(own.labels());
                for (int b = 0; b < own.count(); b++) {
                    owners.put(i);
                }
            }
        }
        Optional<Tensor> instanceMasks = withInstances < 0 ? Optional.empty()
                : Optional.of(instanceMasks(column, canvas, total, allocator));
        return Optional.of(new BatchBoxes(Tensor.wrap(DType.FLOAT32, new int[] {total, 4}, coordinates),
                Tensor.wrap(DType.INT64, new int[] {total}, indices), Tensor.wrap(DType.INT64, new int[] {total}, labels),
                instanceMasks));
    }

    private static Tensor instanceMasks(Targets[] column, CanvasSize canvas, int total, TensorAllocator allocator) {
        ByteBuffer out = ColumnStacker.allocate(allocator, total, canvas.pixels(), "instance masks", "");
        for (Targets targets : column) {
            Optional<SegmentationMask> mask = targets.mask();
            if (mask.isPresent() && mask.get().kind() == SegmentationMask.Kind.INSTANCE) {
                out.put(mask.get().toUint8Array());
            }
        }
        return Tensor.wrap(DType.UINT8, new int[] {total, canvas.height(), canvas.width()}, out.flip());
    }

    private static Optional<BatchKeyPoints> keyPoints(Targets[] column, TensorAllocator allocator) {
        int total = 0;
        int first = -1;
        for (int i = 0; i < column.length; i++) {
            if (column[i].keyPoints().isPresent()) {
                if (first < 0) {
                    first = i;
                } else if (column[first].keyPoints().get().visibility().isPresent()
                        != column[i].keyPoints().get().visibility().isPresent()) {
                    throw new IllegalArgumentException("the key points of entry " + first + " and entry " + i
                            + " of one batch differ: one has visibilities and the other has none");
                }
                int count = column[i].keyPoints().get().count();
                if (count > Integer.MAX_VALUE / 2 - total) {
                    throw new IllegalArgumentException("a batch of more than " + (Integer.MAX_VALUE / 2)
                            + " key points (entry " + i + " adds " + count + ")");
                }
                total += count;
            }
        }
        if (first < 0) {
            return Optional.empty();
        }
        boolean visible = column[first].keyPoints().get().visibility().isPresent();
        ByteBuffer coordinates = ColumnStacker.allocate(allocator, total, 2L * Float.BYTES, "key points", "");
        ByteBuffer indices = ColumnStacker.allocate(allocator, total, Long.BYTES, "key points", "");
        ByteBuffer visibility = visible ? ColumnStacker.allocate(allocator, total, Float.BYTES, "key points", "") : null;
        FloatBuffer xy = coordinates.asFloatBuffer();
        LongBuffer owners = indices.asLongBuffer();
        FloatBuffer seen = visible ? visibility.asFloatBuffer() : null;
        for (int i = 0; i < column.length; i++) {
            if (column[i].keyPoints().isPresent()) {
                KeyPoints own = column[i].keyPoints().get();
                xy.put(own.coordinates());
                for (int p = 0; p < own.count(); p++) {
                    owners.put(i);
                }
                if (visible) {
                    seen.put(own.visibility().orElseThrow());
                }
            }
        }
        return Optional.of(new BatchKeyPoints(Tensor.wrap(DType.FLOAT32, new int[] {total, 2}, coordinates),
                Tensor.wrap(DType.INT64, new int[] {total}, indices),
                visible ? Optional.of(Tensor.wrap(DType.FLOAT32, new int[] {total}, visibility)) : Optional.empty()));
    }
}
