package dev.sluice.core.collate;

import dev.sluice.api.DType;
import dev.sluice.api.SlotTransform;
import dev.sluice.api.Tensor;
import dev.sluice.api.TensorAllocator;
import dev.sluice.api.target.BatchTargets;
import dev.sluice.api.target.CanvasSize;
import dev.sluice.api.target.Targets;
import dev.sluice.core.dataset.LabeledSample;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Builds one {@link LabeledBatch} by writing each sample's input straight into its slot of the batch
 * tensor as the sample arrives: the one place a labelled batch is assembled. A loader whose dataset
 * prepares its samples ({@link SlotTransform}) adds them here directly, without a tensor per sample
 * or the copy that stacks them; {@link LabeledCollate} adds finished tensors and images, each
 * copied into its slot, so both routes give the same batch, checks and messages. The batch tensor is taken from the
 * allocator when the first sample arrives, sized for the capacity; if some positions stay empty (their
 * samples were skipped), {@link #finish} moves the others, in position order, into a buffer of the
 * right size and gives the first one back.
 *
 * <p>{@link #add} may be called from several threads at once for different positions, so that
 * several workers can load one batch together; {@link #finish} or {@link #abandon} ends the batch,
 * called once, after every {@code add} has happened-before it.
 *
 * <pre>{@code
 * SlotCollation slots = new SlotCollation(64, allocator);
 * for (int i = 0; i < indices.length; i++) {
 *     slots.add(i, dataset.prepare(indices[i], random));   // written here, into slot i
 * }
 * LabeledBatch batch = slots.finish();
 * }</pre>
 */
public final class SlotCollation {
    /** Where the inputs sit in a labelled sample, for messages: {@code " (in input)"}. */
    static final String INPUT = "input";

    private final TensorAllocator allocator;
    private final long[][] labels;
    private final Targets[] targets;
    private ByteBuffer inputs;
    private DType dtype;
    private int[] shape;
    private long slotBytes;
    private int firstPosition;
    private volatile boolean ended;

    /**
     * A batch of at most {@code capacity} samples, at positions {@code 0} to {@code capacity - 1}.
     *
     * @throws IllegalArgumentException if {@code capacity < 1}
     * @throws NullPointerException if {@code allocator} is null
     */
    public SlotCollation(int capacity, TensorAllocator allocator) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, was " + capacity);
        }
        this.allocator = Objects.requireNonNull(allocator, "allocator");
        this.labels = new long[capacity][];
        this.targets = new Targets[capacity];
    }

    /**
     * Writes {@code sample}'s input into slot {@code position} and keeps its labels and targets.
     *
     * @throws IllegalArgumentException if its dtype or shape differs from the first sample's, or the
     *         batch needs more bytes than one buffer holds, worded as {@link LabeledCollate} words it
     * @throws IllegalStateException if the position is taken, or the batch is finished or abandoned
     * @throws IndexOutOfBoundsException if {@code position} is outside {@code [0, capacity)}
     * @throws NullPointerException if {@code sample} is null
     */
    public void add(int position, LabeledSample<SlotTransform.Pending> sample) {
        Objects.requireNonNull(sample, "sample");
        add(position, sample.image(), sample.labels(), sample.targets());
    }

    /**
     * {@link #add(int, LabeledSample)} of an input, its labels and its targets, which this keeps
     * without copying; the targets are collated by {@link TargetCollate} when the batch is finished.
     */
    void add(int position, SlotTransform.Pending input, long[] sampleLabels, Targets sampleTargets) {
        Objects.requireNonNull(sampleTargets, "targets");
        Objects.checkIndex(position, labels.length);
        if (ended) {
            throw new IllegalStateException("the batch was already finished or abandoned");
        }
        if (labels[position] != null) {
            throw new IllegalStateException("position " + position + " of the batch already holds a sample");
        }
        ByteBuffer buffer = bufferFor(input, position);
        input.writeTo(buffer, Math.toIntExact(position * slotBytes));
        targets[position] = sampleTargets;
        labels[position] = sampleLabels;
    }

    /**
     * The batch of the samples added, in position order.
     *
     * @throws IllegalStateException if no sample was added, or the batch was already finished or abandoned
     * @throws IllegalArgumentException if the samples' label counts differ, or their targets cannot be
     *         collated ({@link TargetCollate}) or are not on the inputs' canvas, naming the entries
     */
    public LabeledBatch finish() {
        int count = 0;
        for (long[] row : labels) {
            count += row == null ? 0 : 1;
        }
        if (ended || count == 0) {
            throw new IllegalStateException(ended ? "the batch was already finished or abandoned"
                    : "no sample was added, so there is no batch");
        }
        ended = true;
        int present = count;
        try {
            LabeledBatch batch = TrackingAllocator.recyclingOnFailure(allocator, tracked -> {
                Object[] column = new Object[present];
                Targets[] targetColumn = new Targets[present];
                ByteBuffer written = present == labels.length ? inputs
                        : ColumnStacker.allocate(tracked, present, slotBytes, "tensors", "");
                int slot = 0;
                for (int position = 0; position < labels.length; position++) {
                    if (labels[position] != null) {
                        if (written != inputs) {
                            int length = (int) slotBytes;
                            written.put(slot * length, inputs, position * length, length);
                        }
                        targetColumn[slot] = targets[position];
                        column[slot++] = labels[position];
                    }
                }
                Tensor stackedLabels = ColumnStacker.labels(column, tracked);
                Optional<BatchTargets> collatedTargets = Optional.empty();
                if (TargetCollate.carriesAny(targetColumn)) {
                    collatedTargets = Optional.of(TargetCollate.collate(targetColumn, tracked));
                    requireInputCanvas(collatedTargets.get().canvas());
                }
                return new LabeledBatch(Tensor.wrap(dtype, ColumnStacker.batchShape(present, shape), written), stackedLabels,
                        collatedTargets);
            });
            if (present < labels.length) {
                allocator.recycle(inputs);
            }
            inputs = null;
            return batch;
        } catch (RuntimeException failure) {
            release();
            throw failure;
        }
    }

    /**
     * Refuses targets that are not on the inputs' canvas: a transform that changed the image's size
     * without moving its targets would otherwise give boxes on the wrong pixels. An input's height
     * and width are its first two axes (an image, H x W x C) or its last two (a tensor, C x H x W).
     */
    private void requireInputCanvas(CanvasSize canvas) {
        int rank = shape.length;
        boolean hwc = rank >= 2 && shape[0] == canvas.height() && shape[1] == canvas.width();
        boolean chw = rank >= 2 && shape[rank - 2] == canvas.height() && shape[rank - 1] == canvas.width();
        if (!hwc && !chw) {
            throw new IllegalArgumentException("the samples' targets are on a " + canvas + " (HxW) canvas but their "
                    + INPUT + "s are " + Arrays.toString(shape) + "; a transform changed the image without moving "
                    + "its targets");
        }
    }

    /** Gives the batch tensor's memory back to the allocator, if any was taken; the batch is not made. */
    public void abandon() {
        ended = true;
        release();
    }

    private synchronized void release() {
        if (inputs != null) {
            allocator.recycle(inputs);
            inputs = null;
        }
    }

    /** The batch buffer, taken at the first sample, after checking this one matches the first's kind. */
    private synchronized ByteBuffer bufferFor(SlotTransform.Pending input, int position) {
        if (inputs == null) {
            start(input);
            firstPosition = position;
        } else {
            ColumnStacker.requireStackable(dtype, shape, firstPosition, input.dtype(), input.shape(), position, INPUT);
        }
        return inputs;
    }

    private void start(SlotTransform.Pending first) {
        dtype = first.dtype();
        shape = first.shape();
        slotBytes = first.byteSize();
        inputs = TrackingAllocator.recyclingOnFailure(allocator,
                tracked -> ColumnStacker.allocate(tracked, labels.length, slotBytes, "tensors", ""));
    }
}
