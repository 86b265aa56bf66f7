package dev.sluice.core.loader;

import dev.sluice.core.dataset.ResumableDataset;
import java.util.List;

/**
 * What loading one batch gave: the batch, a failure, or nothing when every sample was skipped.
 *
 * @param number the batch's number in the epoch (for iterable datasets: in its worker's stream)
 * @param pass the sampler pass its last sample came from: 0, except in an endless epoch
 * @param worker the worker that made it, or -1 on the caller's thread
 * @param batch the collated batch, or null
 * @param samples how many samples the batch holds
 * @param indices the dataset indices of those samples, or an empty array for an iterable dataset
 * @param skipped samples left out under the skip policy
 * @param failure why the batch could not be made, or null
 * @param last for an iterable dataset's worker stream: the end marker
 * @param position for a {@link ResumableDataset}'s stream: its position after this batch; else null
 * @param firstPosition for a map-style batch: the epoch position of its first planned sample; else -1
 * @param span for a map-style batch: how many positions were planned for it (skipped ones
 *        included), from {@code firstPosition}; else 0
 */
record Outcome<B>(long number, long pass, int worker, B batch, int samples, long[] indices,
        List<SkippedSample> skipped, RuntimeException failure, boolean last, String position, long firstPosition,
        int span) {
    private static final long[] NONE = {};

    static <B> Outcome<B> batch(PlannedBatch planned, int worker, B batch, long[] indices,
            List<SkippedSample> skipped) {
        return new Outcome<>(planned.number(), planned.pass(), worker, batch, indices.length, indices, skipped, null,
                false, null, planned.firstPosition(), planned.indices().length);
    }

    static <B> Outcome<B> failure(PlannedBatch planned, int worker, RuntimeException failure,
            List<SkippedSample> skipped) {
        return new Outcome<>(planned.number(), planned.pass(), worker, null, 0, NONE, skipped, failure, false, null,
                planned.firstPosition(), planned.indices().length);
    }

    /**
     * A batch of an iterable dataset, whose samples have no indices.
     *
     * @param position the stream's position after the batch, or null when the stream has none
     */
    static <B> Outcome<B> streamed(long number, int worker, B batch, int samples, String position,
            List<SkippedSample> skipped) {
        return new Outcome<>(number, 0, worker, batch, samples, NONE, List.copyOf(skipped), null, false, position, -1,
                0);
    }

    /**
     * No batch, only samples a stream skipped before it ended (or before a short last batch dropped):
     * handed out as a batch left empty by skipping, so that they are counted.
     */
    static <B> Outcome<B> streamedSkips(long number, int worker, List<SkippedSample> skipped, String position) {
        return new Outcome<>(number, 0, worker, null, 0, NONE, List.copyOf(skipped), null, false, position, -1, 0);
    }

    /** A failure in an iterable dataset's stream. */
    static <B> Outcome<B> streamFailure(long number, int worker, RuntimeException failure) {
        return new Outcome<>(number, 0, worker, null, 0, NONE, List.of(), failure, false, null, -1, 0);
    }

    /** What a closed iteration puts in its queue to wake a caller waiting for a batch. */
    static <B> Outcome<B> stop() {
        return new Outcome<>(-2, 0, -2, null, 0, NONE, List.of(), null, true, null, -1, 0);
    }

    /** Whether this is the {@link #stop()} marker. */
    boolean isStop() {
        return last && worker == -2;
    }

    static <B> Outcome<B> end(int worker) {
        return new Outcome<>(-1, 0, worker, null, 0, NONE, List.of(), null, true, null, -1, 0);
    }

    /** True when the batch was left out because all its samples were skipped. */
    boolean isEmpty() {
        return batch == null && failure == null && !last;
    }
}
