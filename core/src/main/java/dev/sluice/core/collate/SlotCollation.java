package dev.sluice.core.collate;

import dev.sluice.api.DType;
import dev.sluice.api.SlotTransform;
import dev.sluice.api.Tensor;
import dev.sluice.api.TensorAllocator;
import dev.sluice.core.dataset.LabeledSample;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * Builds one {@link LabeledBatch} by writing each sample's input straight into its slot of the batch
 * tensor as the sample arrives: the batch {@link LabeledCollate} makes of the same samples, applied,
 * without a tensor per sample or the copy that stacks them. The batch tensor is taken from the
 * allocator when the first sample arrives, sized for the capacity; if fewer samples arrive (some were
 * skipped), {@link #finish} moves them into a buffer of the right size and gives the first one back.
 *
 * <p>Not thread-safe: one batch, one thread. Either {@link #finish} or {@link #abandon} ends it.
 *
 * <pre>{@code
 * SlotCollation slots = new SlotCollation(64, allocator);
 * for (long index : indices) {
 *     slots.add(dataset.prepare(index, random));     // written here, into slot 0, 1, ...
 * }
 * LabeledBatch batch = slots.finish();
 * }</pre>
 */
public final class SlotCollation {
    private final TensorAllocator allocator;
    private final long[][] labels;
    private ByteBuffer inputs;
    private DType dtype;
    private int[] shape;
    private long slotBytes;
    private int count;
    private boolean ended;

    /**
     * A batch of at most {@code capacity} samples.
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
    }

    /**
     * Writes {@code sample}'s input into the next slot and keeps its labels.
     *
     * @throws IllegalArgumentException if its dtype or shape differs from the first sample's, or the
     *         batch needs more bytes than one buffer holds, worded as {@link LabeledCollate} words it
     * @throws IllegalStateException if the batch is full, finished or abandoned
     * @throws NullPointerException if {@code sample} is null
     */
    public void add(LabeledSample<SlotTransform.Pending> sample) {
        Objects.requireNonNull(sample, "sample");
        if (ended) {
            throw new IllegalStateException("the batch was already finished or abandoned");
        }
        if (count == labels.length) {
            throw new IllegalStateException("the batch holds " + count + " samples, its capacity");
        }
        SlotTransform.Pending input = sample.input();
        if (inputs == null) {
            start(input);
        } else {
            requireSameKind(input);
        }
        input.writeTo(inputs, Math.toIntExact(count * slotBytes));
        labels[count++] = sample.labels();
    }

    /** The number of samples written so far. */
    public int size() {
        return count;
    }

    /**
     * The batch of the samples added, in the order they were added.
     *
     * @throws IllegalStateException if no sample was added, or the batch was already finished or abandoned
     * @throws IllegalArgumentException if the samples' label counts differ, naming the entries
     */
    public LabeledBatch finish() {
        if (ended || count == 0) {
            throw new IllegalStateException(ended ? "the batch was already finished or abandoned"
                    : "no sample was added, so there is no batch");
        }
        ended = true;
        try {
            LabeledBatch batch = TrackingAllocator.recyclingOnFailure(allocator, tracked -> {
                Tensor stackedLabels = Stacks.arrays(Arrays.copyOf(labels, count, Object[].class), tracked, "labels", "");
                ByteBuffer written = inputs;
                if (count < labels.length) {
                    written = tracked.allocate(Math.toIntExact(count * slotBytes));
                    written.put(0, inputs, 0, written.capacity());
                }
                return new LabeledBatch(Tensor.wrap(dtype, batchShape(), written), stackedLabels);
            });
            if (count < labels.length) {
                allocator.recycle(inputs);
            }
            inputs = null;
            return batch;
        } catch (RuntimeException failure) {
            abandon();
            throw failure;
        }
    }

    /** Gives the batch tensor's memory back to the allocator, if any was taken; the batch is not made. */
    public void abandon() {
        ended = true;
        if (inputs != null) {
            allocator.recycle(inputs);
            inputs = null;
        }
    }

    private void start(SlotTransform.Pending first) {
        dtype = first.dtype();
        shape = first.shape();
        slotBytes = first.byteSize();
        if (slotBytes > 0 && labels.length > Integer.MAX_VALUE / slotBytes) {
            throw new IllegalArgumentException("a batch of " + labels.length + " tensors of " + slotBytes
                    + " bytes each needs more than the " + Integer.MAX_VALUE + " bytes one buffer holds");
        }
        long total = labels.length * slotBytes;
        ByteBuffer buffer = allocator.allocate((int) total);
        if (buffer.position() != 0 || buffer.remaining() != total) {
            allocator.recycle(buffer);
            throw new IllegalStateException("the allocator returned a buffer with position " + buffer.position()
                    + " and " + buffer.remaining() + " bytes remaining for a request of " + total + " bytes");
        }
        inputs = buffer;
    }

    private void requireSameKind(SlotTransform.Pending input) {
        if (input.dtype() != dtype) {
            throw new IllegalArgumentException("stack expects each tensor to have the same dtype, but got "
                    + dtype + " at entry 0 and " + input.dtype() + " at entry " + count);
        }
        int[] other = input.shape();
        if (!Arrays.equals(shape, other)) {
            throw new IllegalArgumentException("stack expects each tensor to be equal size, but got "
                    + Arrays.toString(shape) + " at entry 0 and " + Arrays.toString(other) + " at entry " + count);
        }
    }

    private int[] batchShape() {
        int[] batch = new int[shape.length + 1];
        batch[0] = count;
        System.arraycopy(shape, 0, batch, 1, shape.length);
        return batch;
    }
}
