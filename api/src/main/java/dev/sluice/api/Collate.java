package dev.sluice.api;

import java.util.List;

/**
 * Turns the samples of one batch into the batch, as PyTorch's {@code collate_fn}.
 *
 * <p>Called by a loader worker (or the caller's thread when there are no workers), once per batch,
 * possibly on several threads at once: implementations keep no mutable state. Tensors of the batch
 * take their memory from {@code allocator}, so that pinned batches come from the loader's pool.
 *
 * <pre>{@code
 * Collate<float[], Tensor> stack = (samples, allocator) -> {
 *     ByteBuffer out = allocator.allocate(samples.size() * 2 * Float.BYTES);
 *     for (float[] s : samples) { out.putFloat(s[0]).putFloat(s[1]); }
 *     return Tensor.wrap(DType.FLOAT32, new int[] {samples.size(), 2}, out.flip());
 * };
 * }</pre>
 *
 * @param <T> the sample type
 * @param <B> the batch type
 */
@FunctionalInterface
public interface Collate<T, B> {

    /**
     * Collates one batch.
     *
     * @param samples the batch's samples in batch order; not empty; read-only
     * @param allocator the memory for the batch's tensors
     * @return the batch, never null
     * @throws IllegalArgumentException (or a subtype) when the samples cannot be collated, naming
     *         the sample at fault by its position in the batch
     */
    B collate(List<? extends T> samples, TensorAllocator allocator);
}
