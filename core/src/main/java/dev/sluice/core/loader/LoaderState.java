package dev.sluice.core.loader;

import dev.sluice.core.dataset.ResumableDataset;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * Where a loader is in its data, small enough to write every few batches: the epoch, which of its
 * sample positions have been handed out, and the identity of the plan those positions refer to.
 *
 * <p>Positions count samples, not batches: position {@code p} is the {@code p}-th sample the
 * epoch's sampler yields. A loader that {@linkplain DataLoader#restore(LoaderState) restores} the
 * state delivers every position not yet delivered exactly once, whatever its batch size or number
 * of workers; only what decides the order of the positions must be as it was, and
 * {@link DataLoader#restore} refuses a state whose {@link Plan} differs in any of it, naming the
 * setting and both values.
 *
 * <p>For a {@link ResumableDataset} (a stream, such as tar shards) positions are the streams' own:
 * the state holds, per worker stream, the stream's position after the last batch it delivered, and
 * which stream delivers next; {@code samplesDelivered} then only counts. A loader with another
 * number of workers asks the dataset to {@linkplain ResumableDataset#redistribute share out} the
 * streams' remainders among its own.
 *
 * <pre>{@code
 * Files.writeString(stateFile, loader.state().encode());
 * // ... after a restart:
 * loader.restore(LoaderState.decode(Files.readString(stateFile)));
 * }</pre>
 *
 * @param epoch the epoch in progress (or the next one, when none is)
 * @param samplesDelivered every sample position below this was handed out (or failed, or was skipped)
 * @param alsoDelivered ranges of positions above {@code samplesDelivered} handed out early, which only
 *        happens with {@code in_order=false}: {@code [start0, end0, start1, end1, ...]}, each end
 *        exclusive, in order, neither touching each other nor the prefix
 * @param batchesDelivered how many batches of the epoch were handed out, for numbering the rest
 * @param plan what the positions refer to
 * @param streamPositions for a {@link ResumableDataset}: per worker stream (one when the loader has
 *        no workers), its position after the last batch it delivered, or {@code ""} when it has
 *        delivered none; empty for a map-style dataset and between epochs
 * @param nextStream for a {@link ResumableDataset} read in order: the worker stream whose batch
 *        comes next; 0 otherwise
 */
public record LoaderState(long epoch, long samplesDelivered, long[] alsoDelivered, long batchesDelivered, Plan plan,
        List<String> streamPositions, int nextStream) implements Serializable {
    private static final long serialVersionUID = 3L;
    /** How a stream that has delivered nothing is written in {@link #encode()}. */
    static final String NOT_STARTED = "-";

    /** The state of a loader over a map-style dataset (no stream positions). */
    public LoaderState(long epoch, long samplesDelivered, long[] alsoDelivered, long batchesDelivered, Plan plan) {
        this(epoch, samplesDelivered, alsoDelivered, batchesDelivered, plan, List.of(), 0);
    }

    /** @throws IllegalArgumentException naming the component when one is out of range */
    public LoaderState {
        requireAtLeast("epoch", epoch, 0);
        requireAtLeast("samples_delivered", samplesDelivered, 0);
        requireAtLeast("batches_delivered", batchesDelivered, 0);
        if (plan == null) {
            throw new IllegalArgumentException("plan: missing");
        }
        alsoDelivered = alsoDelivered.clone();
        if (alsoDelivered.length % 2 != 0) {
            throw new IllegalArgumentException("also_delivered: must be pairs of start and end, has "
                    + alsoDelivered.length + " numbers");
        }
        long after = samplesDelivered;
        for (int i = 0; i < alsoDelivered.length; i += 2) {
            if (alsoDelivered[i] <= after || alsoDelivered[i + 1] <= alsoDelivered[i]) {
                throw new IllegalArgumentException("also_delivered: range [" + alsoDelivered[i] + ", "
                        + alsoDelivered[i + 1] + ") must start after " + after + " and be non-empty");
            }
            after = alsoDelivered[i + 1];
        }
        if (plan.epochSamples() >= 0 && after > plan.epochSamples()) {
            throw new IllegalArgumentException((alsoDelivered.length == 0 ? "samples_delivered: " + samplesDelivered
                    : "also_delivered: position " + after) + " is beyond the epoch's " + plan.epochSamples()
                    + " samples (plan.epoch_samples)");
        }
        streamPositions = List.copyOf(streamPositions);
        for (int i = 0; i < streamPositions.size(); i++) {
            requirePosition(i, streamPositions.get(i));
        }
        if (!streamPositions.isEmpty() && plan.datasetSize() >= 0) {
            throw new IllegalArgumentException("streams: a map-style dataset (plan.dataset_size "
                    + plan.datasetSize() + ") has no stream positions");
        }
        if (nextStream < 0 || (nextStream > 0 && nextStream >= streamPositions.size())) {
            throw new IllegalArgumentException("next_stream: must be in [0, " + Math.max(1, streamPositions.size())
                    + "), was " + nextStream);
        }
    }

    static void requireAtLeast(String field, long value, long min) {
        if (value < min) {
            throw new IllegalArgumentException(field + ": must be >= " + min + ", was " + value);
        }
    }

    private static void requirePosition(int stream, String position) {
        if (position.equals(NOT_STARTED)) {
            throw new IllegalArgumentException("streams: stream " + stream + "'s position must not be '" + NOT_STARTED
                    + "'");
        }
        if (!printable(position)) {
            throw new IllegalArgumentException("streams: stream " + stream + "'s position must be printable ASCII "
                    + "without spaces or commas");
        }
    }

    /** Refuses a plan's name field unless it is 1 to 500 characters of printable ASCII without spaces. */
    private static void requireName(String field, String name) {
        if (name == null || name.isEmpty() || name.length() > 500 || !name.chars().allMatch(c -> c > ' ' && c <= '~')) {
            throw new IllegalArgumentException(field + ": must be a name of printable ASCII, was "
                    + (name == null ? "missing" : "'" + (name.length() > 40 ? name.substring(0, 40) + "..." : name)
                    + "'"));
        }
    }

    static boolean printable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c <= ' ' || c > '~' || c == ',') {
                return false;
            }
        }
        return true;
    }

    /** A copy of the ranges handed out early. */
    @Override
    public long[] alsoDelivered() {
        return alsoDelivered.clone();
    }

    /** What was delivered, for the iteration that continues from this state. */
    DeliveredPositions delivered() {
        return new DeliveredPositions(samplesDelivered, alsoDelivered);
    }

    /**
     * The state as YAML text, one field a line, ending with a SHA-256 checksum of the rest, so that
     * {@link #decode(String)} can tell a state that was cut short, damaged or edited.
     */
    public String encode() {
        return StateText.encode(this);
    }

    /**
     * Reads what {@link #encode()} wrote.
     *
     * @throws IllegalArgumentException naming the field when the text is not a whole, valid loader
     *         state: unknown, repeated or missing fields, a value out of range, a checksum that does
     *         not match
     */
    public static LoaderState decode(String text) {
        return StateText.decode(text);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LoaderState that && epoch == that.epoch && samplesDelivered == that.samplesDelivered
                && Arrays.equals(alsoDelivered, that.alsoDelivered) && batchesDelivered == that.batchesDelivered
                && plan.equals(that.plan) && streamPositions.equals(that.streamPositions)
                && nextStream == that.nextStream;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(epoch) * 31 + Long.hashCode(samplesDelivered) * 17 + Arrays.hashCode(alsoDelivered)
                + Long.hashCode(batchesDelivered) + plan.hashCode() * 13 + streamPositions.hashCode() * 7 + nextStream;
    }

    /** One line for people: {@code epoch 3, 170 samples (17 batches) delivered}. */
    @Override
    public String toString() {
        return "epoch " + epoch + ", " + samplesDelivered + " samples (" + batchesDelivered + " batches) delivered"
                + (alsoDelivered.length == 0 ? "" : " and " + alsoDelivered.length / 2 + " ranges beyond");
    }

    /**
     * What decides which sample each position of an epoch is: a state's positions mean nothing to a
     * loader whose plan differs in any of these, except {@code batchSize} and {@code numWorkers},
     * which are kept to be reported (a stream's positions belong to their worker, so a stream
     * resumed with another {@code numWorkers} needs a dataset that
     * {@linkplain ResumableDataset#redistribute shares them out}).
     *
     * @param seed the loader's seed
     * @param shuffle whether the loader shuffles
     * @param sampler which sampler orders the indices: {@code sequential}, {@code random}, the
     *        class name of a sampler or batch sampler given to the builder, or {@code stream}
     * @param dropLast whether a short last batch is dropped
     * @param datasetSize the dataset's size; -1 for a stream
     * @param datasetDigest a digest of the dataset's contents, or {@code ""} when the dataset gives none
     * @param epochSamples the samples of one epoch, or -1 when not known in advance (a batch
     *        sampler, an endless dataset, a stream)
     * @param batchSize the batch size (reported; a new one is allowed)
     * @param numWorkers the number of workers (reported; a new one is allowed, for a stream when its
     *        dataset can redistribute the positions)
     * @param batchTransform what the loader's {@link BatchTransform} does ({@link BatchTransform#describe}),
     *        or {@code none} (also for null): batches transformed otherwise would not be the ones the run saw
     */
    public record Plan(long seed, boolean shuffle, String sampler, boolean dropLast, long datasetSize,
            String datasetDigest, long epochSamples, int batchSize, int numWorkers, String batchTransform)
            implements Serializable {
        private static final long serialVersionUID = 1L;

        /** A plan without a batch transform. */
        public Plan(long seed, boolean shuffle, String sampler, boolean dropLast, long datasetSize,
                String datasetDigest, long epochSamples, int batchSize, int numWorkers) {
            this(seed, shuffle, sampler, dropLast, datasetSize, datasetDigest, epochSamples, batchSize, numWorkers,
                    PlanIdentity.NO_BATCH_TRANSFORM);
        }

        /** @throws IllegalArgumentException naming the field when one is out of range */
        public Plan {
            requireName("plan.sampler", sampler);
            // A plan serialised before batch transforms existed has none.
            batchTransform = batchTransform == null ? PlanIdentity.NO_BATCH_TRANSFORM : batchTransform;
            requireName("plan.batch_transform", batchTransform);
            requireAtLeast("plan.dataset_size", datasetSize, -1);
            if (datasetDigest == null || !datasetDigest.matches("[0-9a-f]{0,128}")) {
                throw new IllegalArgumentException("plan.dataset_digest: must be lower-case hexadecimal");
            }
            requireAtLeast("plan.epoch_samples", epochSamples, -1);
            if (batchSize < 1 || batchSize > DataLoaderBuilder.MAX_BATCH_SIZE) {
                throw new IllegalArgumentException("plan.batch_size: must be in [1, " + DataLoaderBuilder.MAX_BATCH_SIZE
                        + "], was " + batchSize);
            }
            if (numWorkers < 0 || numWorkers > DataLoaderBuilder.MAX_NUM_WORKERS) {
                throw new IllegalArgumentException("plan.num_workers: must be in [0, "
                        + DataLoaderBuilder.MAX_NUM_WORKERS + "], was " + numWorkers);
            }
        }
    }
}
