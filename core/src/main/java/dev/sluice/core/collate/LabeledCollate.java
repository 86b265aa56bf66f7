package dev.sluice.core.collate;

import dev.sluice.api.Collate;
import dev.sluice.api.DType;
import dev.sluice.api.Image;
import dev.sluice.api.SlotTransform;
import dev.sluice.api.Tensor;
import dev.sluice.api.TensorAllocator;
import dev.sluice.core.dataset.LabeledSample;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;

/**
 * Collates {@link LabeledSample}s into a {@link LabeledBatch}: the images stacked along a new first
 * axis exactly as {@link DefaultCollate} stacks tensors and images, and the labels as int64: a
 * vector of N when each sample has one label, as PyTorch collates class indices, and an N x K
 * tensor when each has K labels (K other than 1). All images must be {@link dev.sluice.api.Tensor}s
 * of one dtype and shape, or all {@link dev.sluice.api.Image}s of one size, channel count and depth, and
 * every sample must have the same
 * number of labels K (a multi-label line with a label missing is caught here, by sample position).
 * The samples' {@linkplain LabeledSample#targets() targets}, when any carries some, are collated by
 * {@link TargetCollate} into {@link LabeledBatch#targets()} (boxes flat {@code [T, 4]} XYXY with batch
 * index and label, masks {@code [N, H, W]}); they must be on the images' canvas.
 *
 * <p>The batch is assembled by {@link SlotCollation}, each input copied into its slot: the same
 * assembly, checks and messages as when a dataset's samples are written into their slots directly.
 * Stateless and safe for concurrent use. It never modifies the samples.
 *
 * <pre>{@code
 * Collate<LabeledSample<?>, LabeledBatch> collate = new LabeledCollate();
 * LabeledBatch batch = collate.collate(samples, TensorAllocator.heap());
 * Tensor images = batch.images();    // e.g. float32 [64, 3, 224, 224]
 * Tensor labels = batch.labels();    // int64 [64], or [64, K] for K labels each
 * }</pre>
 */
public final class LabeledCollate implements Collate<LabeledSample<?>, LabeledBatch> {

    /** A labelled collate; it holds no state, so one instance can serve every loader. */
    public LabeledCollate() {
    }

    /**
     * Collates one batch.
     *
     * @param samples the batch's samples in batch order; not empty, no null element; not modified
     * @param allocator the memory of both tensors; if collation fails, what was taken from it is
     *        {@linkplain TensorAllocator#recycle recycled}
     * @return the batch, never null
     * @throws IllegalArgumentException if {@code samples} is empty or holds a null, if an input is
     *         neither a tensor nor an image, if the inputs do not all match the first (kind, dtype,
     *         shape or size), or if the label counts differ; the message names the entry (the
     *         sample's position in the batch) and the values that differ
     * @throws NullPointerException if {@code samples} or {@code allocator} is null
     */
    @Override
    public LabeledBatch collate(List<? extends LabeledSample<?>> samples, TensorAllocator allocator) {
        Objects.requireNonNull(samples, "samples");
        Objects.requireNonNull(allocator, "allocator");
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("LabeledCollate: samples is empty; a batch has at least one sample");
        }
        Object[] inputs = new Object[samples.size()];
        int i = 0;
        for (LabeledSample<?> sample : samples) {
            if (sample == null) {
                throw new IllegalArgumentException("LabeledCollate: the sample at entry " + i + " is null");
            }
            inputs[i++] = sample.image();
        }
        ColumnKind kind = inputKind(inputs);
        if (kind == ColumnKind.IMAGE) {
            for (int entry = 1; entry < inputs.length; entry++) {
                ColumnStacker.requireSameSize((Image) inputs[0], (Image) inputs[entry], entry, SlotCollation.INPUT);
            }
        }
        SlotCollation slots = new SlotCollation(inputs.length, allocator);
        try {
            int position = 0;
            for (LabeledSample<?> sample : samples) {
                slots.add(position++, sample.image() instanceof Tensor tensor ? new CopiedTensor(tensor)
                        : new CopiedImage((Image) sample.image()), sample.labels(), sample.targets());
            }
        } catch (RuntimeException e) {
            slots.abandon();
            throw e;
        }
        return slots.finish();
    }

    /** A tensor input, copied into its slot as it is. */
    private record CopiedTensor(Tensor tensor) implements SlotTransform.Pending {
        @Override
        public DType dtype() {
            return tensor.dtype();
        }

        @Override
        public int[] shape() {
            return tensor.shape();
        }

        @Override
        public void writeTo(ByteBuffer destination, int byteOffset) {
            SlotTransform.slot(destination, byteOffset, byteSize()).put(tensor.data());
        }
    }

    /** An image input, copied into its slot as a uint8 or uint16 H x W x C tensor. */
    private record CopiedImage(Image image) implements SlotTransform.Pending {
        @Override
        public DType dtype() {
            return image.dtype();
        }

        @Override
        public int[] shape() {
            return new int[] {image.height(), image.width(), image.channels()};
        }

        @Override
        public void writeTo(ByteBuffer destination, int byteOffset) {
            SlotTransform.slot(destination, byteOffset, byteSize()).put(image.sampleBytes());
        }
    }

    private static ColumnKind inputKind(Object[] inputs) {
        ColumnKind kind = ColumnKind.of(inputs[0]);
        for (int i = 0; i < inputs.length; i++) {
            ColumnKind other = ColumnKind.of(inputs[i]);
            if (other != ColumnKind.TENSOR && other != ColumnKind.IMAGE) {
                throw new IllegalArgumentException("LabeledCollate: inputs must be tensors or images; found "
                        + ColumnKind.typeName(inputs[i]) + " at entry " + i);
            }
            if (other != kind) {
                throw new IllegalArgumentException("LabeledCollate: the input at entry " + i + " is a "
                        + ColumnKind.typeName(inputs[i]) + " but the one at entry 0 is a " + ColumnKind.typeName(inputs[0])
                        + "; a batch's inputs must all be tensors or all be images");
            }
        }
        return kind;
    }
}
