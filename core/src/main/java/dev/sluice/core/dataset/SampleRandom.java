package dev.sluice.core.dataset;

import dev.sluice.core.sampler.Seeds;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * The one definition of a sample's random source, which its transform draws every augmentation
 * from: keyed by the seed, the epoch and where the sample is, never by the thread or the worker that
 * loads it, so that a batch is the same with any number of workers.
 */
public final class SampleRandom {
    /** Tags the per-sample random streams apart from every other use of the seed. */
    private static final long SAMPLE_STREAM = 0x53414D504C45L;
    /** Tags the random streams of samples known by a key (Spark rows) apart. */
    private static final long KEYED_STREAM = 0x53504152524FL;

    private SampleRandom() {
    }

    /** The sample at {@code position} of {@code epoch} (its place in the epoch's order, not its index). */
    public static SplittableRandom at(long seed, long epoch, long position) {
        return Seeds.random(seed, SAMPLE_STREAM, epoch, position);
    }

    /**
     * Sample number {@code ordinal} of shard {@code shard} in {@code epoch}: independent of ranks,
     * workers and the shuffle buffer, which only change where the sample lands.
     */
    public static SplittableRandom inShard(long seed, long epoch, int shard, long ordinal) {
        return Seeds.random(seed, SAMPLE_STREAM, epoch, shard, ordinal);
    }

    /**
     * The sample known by {@code key} (a Spark row's key column): keyed by the 64-bit FNV-1a hash of
     * the key's UTF-8 bytes, the same on every machine and JVM and whatever partition the row is in.
     */
    public static SplittableRandom byKey(long seed, String key) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            hash = (hash ^ (b & 0xFF)) * 0x100000001b3L;
        }
        return Seeds.random(seed, KEYED_STREAM, hash);
    }

    /**
     * Sample {@code index} read outside a loader: what a loader with seed 0 that does not shuffle
     * gives it in epoch 0.
     */
    public static SplittableRandom outsideALoader(long index) {
        return at(0, 0, index);
    }
}
