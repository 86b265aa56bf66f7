package dev.sluice.core.sampler;

import dev.sluice.api.Sampler;
import java.util.Map;
import java.util.PrimitiveIterator;

/**
 * The share of the dataset indices that one process of a distributed training job reads, as
 * PyTorch's {@code DistributedSampler}: {@code numReplicas} processes, numbered by {@code rank},
 * each read {@link #size()} indices per epoch, and together they cover the dataset.
 *
 * <p>Each epoch the indices {@code 0 .. datasetSize - 1} are put in order (a permutation drawn from
 * (seed, epoch) with {@code shuffle}, else ascending), then either padded by repeating their own head
 * until every rank gets as many (the whole list again and again if it is shorter than the padding),
 * or, with {@code dropLast}, cut to a multiple of {@code numReplicas}. Rank {@code r} takes positions
 * {@code r, r + numReplicas, r + 2 numReplicas, ...} of that list (interleaved, not contiguous). So
 * 10 indices over 3 replicas give {@code [0,3,6,9]}, {@code [1,4,7,0]}, {@code [2,5,8,1]}, and with
 * {@code dropLast} {@code [0,3,6]}, {@code [1,4,7]}, {@code [2,5,8]}.
 *
 * <p>The epoch is the argument of {@link #indices(long)}: there is no {@code set_epoch} to forget.
 * Every rank must use the same seed so that they agree on the permutation. With {@code shuffle},
 * each iterator holds an {@code int[datasetSize]} and shuffles it as far as it reads.
 *
 * <pre>{@code
 * Sampler mine = DistributedSampler.fromEnvironment(dataset.size(), true, 42, false);
 * }</pre>
 *
 * <p>Immutable and safe to share between threads; each iterator belongs to one thread.
 */
public final class DistributedSampler implements Sampler, OrderIdentity {
    private static final String WHERE_THEY_COME_FROM = "DistributedSampler.fromEnvironment reads RANK and"
            + " WORLD_SIZE, which torchrun sets for each process it starts";

    private final long datasetSize;
    private final int numReplicas;
    private final int rank;
    private final boolean shuffle;
    private final long seed;
    private final boolean dropLast;
    private final long numSamples;

    /**
     * @param datasetSize the number of dataset indices, {@code >= 0}
     * @param numReplicas the number of processes sharing the dataset (the world size), {@code >= 1}
     * @param rank this process's number, in {@code [0, numReplicas)}
     * @param shuffle whether each epoch uses a fresh permutation instead of ascending order
     * @param seed the seed the permutations derive from; the same on every rank
     * @param dropLast whether to leave out the tail that does not divide evenly, instead of padding
     * @throws IllegalArgumentException if {@code datasetSize < 0}, {@code numReplicas < 1}, or {@code rank}
     *         is out of range ("Invalid rank 3, rank should be in the interval [0, 2]")
     */
    public DistributedSampler(long datasetSize, int numReplicas, int rank, boolean shuffle, long seed,
            boolean dropLast) {
        if (datasetSize < 0) {
            throw new IllegalArgumentException("datasetSize must be >= 0, was " + datasetSize);
        }
        if (numReplicas < 1) {
            throw new IllegalArgumentException("numReplicas must be >= 1, was " + numReplicas);
        }
        if (rank < 0 || rank >= numReplicas) {
            throw new IllegalArgumentException(Rank.invalidRank(rank, numReplicas));
        }
        this.datasetSize = datasetSize;
        this.numReplicas = numReplicas;
        this.rank = rank;
        this.shuffle = shuffle;
        this.seed = seed;
        this.dropLast = dropLast;
        // PyTorch: ceil((N - R) / R) with drop_last and N % R != 0, else ceil(N / R). The first is
        // floor(N / R) (it is 0 when N < R), and so is the second when R divides N.
        long whole = datasetSize / numReplicas;
        this.numSamples = dropLast || datasetSize % numReplicas == 0 ? whole : whole + 1;
    }

    /**
     * This process's sampler, with {@code numReplicas} and {@code rank} read from the environment
     * variables {@code WORLD_SIZE} and {@code RANK} that {@code torchrun} sets for each process.
     *
     * @param datasetSize the number of dataset indices, {@code >= 0}
     * @param shuffle whether each epoch uses a fresh permutation instead of ascending order
     * @param seed the seed the permutations derive from; the same on every rank
     * @param dropLast whether to leave out the tail that does not divide evenly, instead of padding
     * @throws IllegalStateException if {@code RANK} or {@code WORLD_SIZE} is unset, not an integer, or
     *         out of range; the message names the variable and its value
     * @throws IllegalArgumentException if {@code datasetSize < 0}
     */
    public static DistributedSampler fromEnvironment(long datasetSize, boolean shuffle, long seed, boolean dropLast) {
        return fromEnvironment(System.getenv(), datasetSize, shuffle, seed, dropLast);
    }

    /**
     * As {@link #fromEnvironment(long, boolean, long, boolean)}, reading the variables from
     * {@code environment} instead of the process's environment (for tests, or a launcher that passes
     * them another way).
     *
     * @param environment variable names to values; {@code RANK} and {@code WORLD_SIZE} are read
     * @param datasetSize the number of dataset indices, {@code >= 0}
     * @param shuffle whether each epoch uses a fresh permutation instead of ascending order
     * @param seed the seed the permutations derive from; the same on every rank
     * @param dropLast whether to leave out the tail that does not divide evenly, instead of padding
     * @throws IllegalStateException if {@code RANK} or {@code WORLD_SIZE} is missing, not an integer, or
     *         out of range; the message names the variable and its value
     * @throws IllegalArgumentException if {@code datasetSize < 0}
     * @throws NullPointerException if {@code environment} is null
     */
    public static DistributedSampler fromEnvironment(Map<String, String> environment, long datasetSize,
            boolean shuffle, long seed, boolean dropLast) {
        Rank rank = Rank.fromEnvironment(environment, WHERE_THEY_COME_FROM);
        return new DistributedSampler(datasetSize, rank.worldSize(), rank.rank(), shuffle, seed, dropLast);
    }

    /**
     * A new iterator over this rank's {@link #size()} indices of {@code epoch}.
     *
     * @throws IllegalArgumentException if {@code epoch} is negative
     */
    @Override
    public PrimitiveIterator.OfLong indices(long epoch) {
        EpochCheck.requireValid(epoch);
        Shuffle order;
        if (shuffle && numSamples > 0) {
            order = new Shuffle(datasetSize);
            order.restart(Seeds.random(seed, epoch));
        } else {
            order = null;
        }
        return new CountedIterator(numSamples) {
            @Override
            long indexAt(long position) {
                // Padding repeats the list from its head, so position g of the padded list is g mod N.
                long inList = (rank + position * numReplicas) % datasetSize;
                return order == null ? inList : order.at(inList);
            }
        };
    }

    /** The number of indices each rank reads per epoch (PyTorch's {@code num_samples}). */
    @Override
    public long size() {
        return numSamples;
    }

    /** The number of dataset indices. */
    public long datasetSize() {
        return datasetSize;
    }

    /** The number of processes sharing the dataset. */
    public int numReplicas() {
        return numReplicas;
    }

    /** This process's number, in {@code [0, numReplicas())}. */
    public int rank() {
        return rank;
    }

    /** Whether each epoch uses a fresh permutation. */
    public boolean shuffle() {
        return shuffle;
    }

    /** The seed the permutations derive from. */
    public long seed() {
        return seed;
    }

    /** Whether the tail that does not divide evenly is left out instead of padded. */
    public boolean dropLast() {
        return dropLast;
    }

    /** {@inheritDoc} */
    @Override
    public String orderIdentity() {
        return "distributed(dataset_size=" + datasetSize + ",num_replicas=" + numReplicas + ",rank=" + rank
                + ",shuffle=" + shuffle + ",seed=" + seed + ",drop_last=" + dropLast + ")";
    }

    @Override
    public String toString() {
        return "DistributedSampler[datasetSize=" + datasetSize + ", numReplicas=" + numReplicas + ", rank=" + rank
                + ", shuffle=" + shuffle + ", seed=" + seed + ", dropLast=" + dropLast + "]";
    }
}
