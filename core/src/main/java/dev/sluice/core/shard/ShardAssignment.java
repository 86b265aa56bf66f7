package dev.sluice.core.shard;

import dev.sluice.core.sampler.Seeds;
import java.util.SplittableRandom;

/**
 * Which shards a worker of a rank reads in an epoch, as WebDataset's {@code split_by_node} then
 * {@code split_by_worker}: the shard list is put in the epoch's order (a permutation drawn from
 * (seed, epoch) when shuffling, else as listed), rank {@code r} of {@code R} takes the shards at
 * positions {@code r, r + R, r + 2R, ...} of that order, and worker {@code w} of {@code N} takes
 * positions {@code w, w + N, ...} of its rank's share.
 *
 * <p>So every shard goes to exactly one (rank, worker) pair per epoch, and when the number of
 * shards is a multiple of {@code R * N} every pair reads the same number of shards. Otherwise the
 * first pairs get one shard more than the last ones (rank {@code r} gets
 * {@code ceil((S - r) / R)} of the {@code S} shards), so their streams have more samples, and a
 * pair beyond the number of shards reads nothing. Nothing is padded or dropped: each sample is still
 * read exactly once per epoch across all ranks and workers, but ranks may see different counts.
 */
final class ShardAssignment {
    /** Tags the shard order's random stream apart from every other use of the seed. */
    private static final long SHARD_ORDER = 0x5348415244L;

    private ShardAssignment() {
    }

    /** The epoch's order of shard indices {@code 0 .. count - 1}. */
    static int[] epochOrder(int count, long seed, long epoch, boolean shuffle) {
        int[] order = new int[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        if (shuffle) {
            SplittableRandom random = Seeds.random(seed, SHARD_ORDER, epoch);
            for (int i = count - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int swap = order[i];
                order[i] = order[j];
                order[j] = swap;
            }
        }
        return order;
    }

    /** The shards (indices into the list) worker {@code worker} of rank {@code rank} reads, in order. */
    static int[] share(int[] order, int rank, int worldSize, int worker, int numWorkers) {
        int count = 0;
        for (int p = rank; p < order.length; p += worldSize) {
            if ((p / worldSize) % numWorkers == worker) {
                count++;
            }
        }
        int[] share = new int[count];
        int next = 0;
        for (int p = rank; p < order.length; p += worldSize) {
            if ((p / worldSize) % numWorkers == worker) {
                share[next++] = order[p];
            }
        }
        return share;
    }
}
