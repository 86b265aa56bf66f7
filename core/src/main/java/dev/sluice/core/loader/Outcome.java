package dev.sluice.core.loader;

import java.util.List;

/**
 * What loading one batch gave: the batch, a failure, or nothing when every sample was skipped.
 *
 * @param number the batch's number in the epoch (for iterable datasets: in its worker's stream)
 * @param worker the worker that made it, or -1 on the caller's thread
 * @param batch the collated batch, or null
 * @param samples how many samples the batch holds
 * @param skipped samples left out under the skip policy
 * @param failure why the batch could not be made, or null
 * @param last for an iterable dataset's worker stream: the end marker
 */
record Outcome<B>(long number, int worker, B batch, int samples, List<SkippedSample> skipped, RuntimeException failure,
        boolean last) {

    static <B> Outcome<B> batch(long number, int worker, B batch, int samples, List<SkippedSample> skipped) {
        return new Outcome<>(number, worker, batch, samples, skipped, null, false);
    }

    static <B> Outcome<B> failure(long number, int worker, RuntimeException failure, List<SkippedSample> skipped) {
        return new Outcome<>(number, worker, null, 0, skipped, failure, false);
    }

    static <B> Outcome<B> end(int worker) {
        return new Outcome<>(-1, worker, null, 0, List.of(), null, true);
    }

    /** True when the batch was left out because all its samples were skipped. */
    boolean isEmpty() {
        return batch == null && failure == null && !last;
    }
}
