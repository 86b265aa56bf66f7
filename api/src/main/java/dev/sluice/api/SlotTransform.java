package dev.sluice.api;

import dev.sluice.api.target.Targeted;
import dev.sluice.api.target.UnsupportedTargetsException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * A transform to a tensor that can write its result straight into a slot of a larger buffer, such as
 * a sample's place in a batch, so that a loader needs neither a tensor per sample nor collate's
 * copy of it.
 *
 * <p>It works in two steps. {@link #prepare} does everything that can fail or draw from the random
 * source (checking the input, choosing crops and flips, running any steps before the last) and says
 * what will be written; {@link Pending#writeTo} then computes the values into the buffer given, and
 * draws nothing. {@link #apply} is the two steps into a fresh heap buffer, so the result of either
 * route is the same, bit for bit, for the same input and random source.
 *
 * <pre>{@code
 * SlotTransform.Pending pending = pipeline.prepare(image, random);   // e.g. float32 [3, 224, 224]
 * pending.writeTo(batchBuffer, slot * (int) pending.byteSize());
 * }</pre>
 *
 * @param <I> the input type, usually {@link Image}
 */
public interface SlotTransform<I> extends Transform<I, Tensor> {

    /**
     * Everything up to writing the values: checks the input and draws from {@code random} exactly
     * what {@link #apply} would.
     *
     * @param input never null; not modified
     * @param random the only source of randomness; confined to the calling thread
     * @return what to write, never null; it may hold on to {@code input} until it is written
     * @throws IllegalArgumentException as {@link #apply} would, for an input this transform refuses
     */
    Pending prepare(I input, RandomGenerator random);

    /**
     * Whether this transform lets go of its input once the {@link Pending} that {@link #prepare} (or
     * {@link #prepareWithTargets}) made of it is written, or once prepare throws: neither this
     * transform nor any step it runs keeps the input, or anything sharing its memory, after
     * {@link Pending#writeTo} returns. A loader that writes each sample into its batch slot as soon
     * as it is prepared asks this once, when it is built; when true, it may decode the next sample
     * into the memory this one used ({@link DecodeBuffers}), so an input that was kept would change
     * under whoever kept it.
     *
     * <p>The default is false, which is always safe. A container answers true only when every step
     * it runs does; a step written by a user that keeps images (to show them later, say) makes it
     * false.
     */
    default boolean releasesInput() {
        return false;
    }

    /** {@link #prepare}, then {@link Pending#writeTo} into a new little-endian heap buffer. */
    @Override
    default Tensor apply(I input, RandomGenerator random) {
        return written(prepare(input, random));
    }

    /**
     * {@link #prepare} for a value with targets: the same draws, and the targets moved as
     * {@link Transform#applyWithTargets} moves them, onto the canvas of what will be written
     * (its last two dimensions). Called by a loader that writes a sample with targets into its
     * batch slot; a transform that overrides it returns true from {@link #carriesTargets()}.
     *
     * <p>The default prepares a value without targets and refuses one with targets.
     *
     * @throws UnsupportedTargetsException naming this transform when it cannot move the targets
     *         given (the default, whenever there are any)
     * @throws IllegalArgumentException as {@link #prepare}
     */
    default Targeted<Pending> prepareWithTargets(Targeted<? extends I> input, RandomGenerator random) {
        if (input.hasTargets()) {
            throw UnsupportedTargetsException.notCarried(this, input.targets());
        }
        return Targeted.of(prepare(input.value(), random));
    }

    /** {@link #prepareWithTargets}, then written into a new heap buffer as {@link #apply} writes. */
    @Override
    default Targeted<Tensor> applyWithTargets(Targeted<? extends I> input, RandomGenerator random) {
        Targeted<Pending> pending = prepareWithTargets(input, random);
        return Targeted.of(written(pending.value()), pending.targets());
    }

    private static Tensor written(Pending pending) {
        ByteBuffer buffer = ByteBuffer.allocate(Math.toIntExact(pending.byteSize())).order(ByteOrder.LITTLE_ENDIAN);
        pending.writeTo(buffer, 0);
        return Tensor.wrap(pending.dtype(), pending.shape(), buffer);
    }

    /**
     * One prepared result, not yet computed. Not thread-safe: written once, by one thread.
     */
    interface Pending {

        /** The element type of the result. */
        DType dtype();

        /** The result's dimensions; a fresh array each call. */
        int[] shape();

        /** The result's size in bytes: the product of the shape times the element size. */
        default long byteSize() {
            long elements = 1;
            for (int dim : shape()) {
                elements *= dim;
            }
            return elements * dtype().byteSize();
        }

        /**
         * Computes the result into {@code destination}, little-endian and row-major as a {@link Tensor}
         * stores it, in the {@link #byteSize()} bytes from {@code byteOffset}; no other byte of the
         * buffer, and neither its position nor its limit, is changed. Writes once: a second call may
         * fail.
         *
         * @param destination a writable buffer, heap or direct, whatever its byte order
         * @param byteOffset where the result starts, a multiple of the element size
         * @throws IndexOutOfBoundsException if the result does not fit from {@code byteOffset}
         * @throws NullPointerException if {@code destination} is null
         */
        void writeTo(ByteBuffer destination, int byteOffset);
    }

    /**
     * A view of {@code destination}'s {@code bytes} bytes from {@code byteOffset}, little-endian, for
     * implementations of {@link Pending#writeTo} to write through without moving the original's
     * position or limit.
     *
     * @throws IndexOutOfBoundsException if the range does not fit in the buffer
     */
    static ByteBuffer slot(ByteBuffer destination, int byteOffset, long bytes) {
        Objects.requireNonNull(destination, "destination");
        Objects.checkFromIndexSize(byteOffset, bytes, destination.capacity());
        return destination.duplicate().clear().slice(byteOffset, (int) bytes).order(ByteOrder.LITTLE_ENDIAN);
    }
}
