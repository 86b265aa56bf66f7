package dev.sluice.core.loader;

import java.io.Serializable;
import java.util.Arrays;
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
 * @param datasetSize the dataset's size, to refuse a state from another dataset
 */
public record LoaderState(long seed, long epoch, long batchesDelivered, long[] alsoDelivered, long datasetSize)
        implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final String MAGIC = "sluice-loader-state";

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
     * One line of text: {@code sluice-loader-state seed=0 epoch=3 delivered=17 also= dataset_size=1000}.
     * {@link #decode(String)} reads it back.
     */
    public String encode() {
        StringBuilder also = new StringBuilder();
        for (long batch : alsoDelivered) {
            also.append(also.length() == 0 ? "" : ",").append(batch);
        }
        return MAGIC + " seed=" + seed + " epoch=" + epoch + " delivered=" + batchesDelivered + " also=" + also
                + " dataset_size=" + datasetSize + "\n";
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
        return new LoaderState(parse("seed", field(fields, "seed")), parse("epoch", field(fields, "epoch")),
                parse("delivered", field(fields, "delivered")), alsoDelivered,
                parse("dataset_size", field(fields, "dataset_size")));
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
                && datasetSize == that.datasetSize;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(seed) * 31 + Long.hashCode(epoch) * 17 + Long.hashCode(batchesDelivered)
                + Arrays.hashCode(alsoDelivered) + Long.hashCode(datasetSize);
    }

    @Override
    public String toString() {
        return encode().trim();
    }
}
