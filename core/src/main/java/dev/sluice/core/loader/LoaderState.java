package dev.sluice.core.loader;

import dev.sluice.core.dataset.ResumableDataset;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where a loader is in its data, small enough to write every few batches: the seed, the epoch, and
 * which batches of that epoch have been handed out. Samplers and Sluice's datasets are pure
 * functions of (seed, epoch), so nothing more is needed to continue exactly where a run stopped.
 * {@link DataLoader#restore(LoaderState)} on a loader built from the same configuration makes its
 * next epoch deliver exactly the batches the first would have delivered next, without loading the
 * ones already delivered.
 *
 * <p>For a {@link ResumableDataset} (a stream, such as tar shards) the batches have no numbers a
 * sampler could replay; the state holds instead, per worker stream, the stream's own position
 * after the last batch it delivered, and which stream delivers next. {@code datasetSize} is -1.
 *
 * <pre>{@code
 * Files.writeString(stateFile, loader.state().encode());
 * // ... after a restart:
 * loader.restore(LoaderState.decode(Files.readString(stateFile)));
 * }</pre>
 *
 * @param seed the loader's seed
 * @param epoch the epoch in progress (or the next one, when none is)
 * @param batchesDelivered every batch numbered below this was handed out (or failed, or was
 *        empty after skipping)
 * @param alsoDelivered batches numbered above {@code batchesDelivered} that were handed out
 *        early, which only happens with {@code in_order=false}; sorted
 * @param datasetSize the dataset's size, to refuse a state from another dataset; -1 for a stream
 * @param streamPositions for a {@link ResumableDataset}: per worker stream (one when the loader has
 *        no workers), its position after the last batch it delivered, or {@code ""} when it has
 *        delivered none; empty for a map-style dataset and between epochs
 * @param nextStream for a {@link ResumableDataset} read in order: the worker stream whose batch
 *        comes next; 0 otherwise
 */
public record LoaderState(long seed, long epoch, long batchesDelivered, long[] alsoDelivered, long datasetSize,
        List<String> streamPositions, int nextStream) implements Serializable {
    private static final long serialVersionUID = 2L;
    private static final String MAGIC = "sluice-loader-state";
    /** How a stream that has delivered nothing is written in {@link #encode()}. */
    private static final String NOT_STARTED = "-";

    /** The state of a loader over a map-style dataset (no stream positions). */
    public LoaderState(long seed, long epoch, long batchesDelivered, long[] alsoDelivered, long datasetSize) {
        this(seed, epoch, batchesDelivered, alsoDelivered, datasetSize, List.of(), 0);
    }

    /** @throws IllegalArgumentException naming the component when one is out of range */
    public LoaderState {
        if (epoch < 0) {
            throw new IllegalArgumentException("epoch must be >= 0, was " + epoch);
        }
        if (batchesDelivered < 0) {
            throw new IllegalArgumentException("batchesDelivered must be >= 0, was " + batchesDelivered);
        }
        alsoDelivered = alsoDelivered.clone();
        Arrays.sort(alsoDelivered);
        for (long batch : alsoDelivered) {
            if (batch <= batchesDelivered) {
                throw new IllegalArgumentException("alsoDelivered holds batch " + batch + ", which is not above "
                        + "batchesDelivered=" + batchesDelivered);
            }
        }
        streamPositions = List.copyOf(streamPositions);
        for (int i = 0; i < streamPositions.size(); i++) {
            requirePosition(i, streamPositions.get(i));
        }
        if (nextStream < 0 || (nextStream > 0 && nextStream >= streamPositions.size())) {
            throw new IllegalArgumentException("nextStream must be in [0, " + Math.max(1, streamPositions.size())
                    + "), was " + nextStream);
        }
    }

    private static void requirePosition(int stream, String position) {
        if (position.equals(NOT_STARTED)) {
            throw new IllegalArgumentException("stream " + stream + "'s position must not be '" + NOT_STARTED + "'");
        }
        for (int i = 0; i < position.length(); i++) {
            char c = position.charAt(i);
            if (c <= ' ' || c > '~' || c == ',') {
                throw new IllegalArgumentException("stream " + stream + "'s position must be printable ASCII without "
                        + "spaces or commas, was '" + position + "'");
            }
        }
    }

    /** A copy of the batches handed out early. */
    @Override
    public long[] alsoDelivered() {
        return alsoDelivered.clone();
    }

    /** Whether batch {@code number} of the epoch was already handed out. */
    boolean delivered(long number) {
        return number < batchesDelivered || Arrays.binarySearch(alsoDelivered, number) >= 0;
    }

    /**
     * One line of text: {@code sluice-loader-state seed=0 epoch=3 delivered=17 also= dataset_size=1000},
     * followed for a stream by {@code streams=<position>,<position> next_stream=1}.
     * {@link #decode(String)} reads it back.
     */
    public String encode() {
        StringBuilder also = new StringBuilder();
        for (long batch : alsoDelivered) {
            also.append(also.length() == 0 ? "" : ",").append(batch);
        }
        String streams = "";
        if (!streamPositions.isEmpty()) {
            StringBuilder positions = new StringBuilder();
            for (String position : streamPositions) {
                positions.append(positions.length() == 0 ? "" : ",").append(position.isEmpty() ? NOT_STARTED : position);
            }
            streams = " streams=" + positions + " next_stream=" + nextStream;
        }
        return MAGIC + " seed=" + seed + " epoch=" + epoch + " delivered=" + batchesDelivered + " also=" + also
                + " dataset_size=" + datasetSize + streams + "\n";
    }

    /**
     * Reads what {@link #encode()} wrote.
     *
     * @throws IllegalArgumentException saying what is wrong when the text is not a loader state
     */
    public static LoaderState decode(String text) {
        String[] words = text.trim().split("\\s+");
        if (words.length == 0 || !words[0].equals(MAGIC)) {
            throw new IllegalArgumentException("not a Sluice loader state: it must start with '" + MAGIC + "'");
        }
        Map<String, String> fields = new TreeMap<>();
        for (int i = 1; i < words.length; i++) {
            int equals = words[i].indexOf('=');
            if (equals < 0) {
                throw new IllegalArgumentException("loader state: '" + words[i] + "' is not key=value");
            }
            fields.put(words[i].substring(0, equals), words[i].substring(equals + 1));
        }
        String also = field(fields, "also");
        long[] alsoDelivered = also.isEmpty() ? new long[0]
                : Arrays.stream(also.split(",")).mapToLong(value -> parse("also", value)).toArray();
        List<String> streams = new ArrayList<>();
        String positions = fields.get("streams");
        if (positions != null) {
            for (String position : positions.split(",", -1)) {
                streams.add(position.equals(NOT_STARTED) ? "" : position);
            }
        }
        long next = fields.containsKey("next_stream") ? parse("next_stream", fields.get("next_stream")) : 0;
        if (next < 0 || next > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("loader state: next_stream must be a worker stream's number, was " + next);
        }
        return new LoaderState(parse("seed", field(fields, "seed")), parse("epoch", field(fields, "epoch")),
                parse("delivered", field(fields, "delivered")), alsoDelivered,
                parse("dataset_size", field(fields, "dataset_size")), streams,
                (int) next);
    }

    private static String field(Map<String, String> fields, String name) {
        String value = fields.get(name);
        if (value == null) {
            throw new IllegalArgumentException("loader state: '" + name + "' is missing");
        }
        return value;
    }

    private static long parse(String name, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("loader state: " + name + " must be a whole number, was '" + value + "'");
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LoaderState that && seed == that.seed && epoch == that.epoch
                && batchesDelivered == that.batchesDelivered && Arrays.equals(alsoDelivered, that.alsoDelivered)
                && datasetSize == that.datasetSize && streamPositions.equals(that.streamPositions)
                && nextStream == that.nextStream;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(seed) * 31 + Long.hashCode(epoch) * 17 + Long.hashCode(batchesDelivered)
                + Arrays.hashCode(alsoDelivered) + Long.hashCode(datasetSize) + streamPositions.hashCode() * 7
                + nextStream;
    }

    @Override
    public String toString() {
        return encode().trim();
    }
}
