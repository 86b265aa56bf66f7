package dev.sluice.core.sampler;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which process of a distributed job this is: its {@code rank} among {@code worldSize} processes,
 * as {@code torchrun} tells each process through the environment variables {@code RANK} and
 * {@code WORLD_SIZE}. {@link DistributedSampler} and the shard dataset split their data by it.
 *
 * <pre>{@code
 * Rank me = Rank.inEnvironment(System.getenv()).orElse(Rank.SINGLE);
 * }</pre>
 *
 * @param rank this process's number, in {@code [0, worldSize)}
 * @param worldSize the number of processes, {@code >= 1}
 */
public record Rank(int rank, int worldSize) {
    /** A job of one process. */
    public static final Rank SINGLE = new Rank(0, 1);

    private static final String WHERE_THEY_COME_FROM = "RANK and WORLD_SIZE are read from the environment, where "
            + "torchrun sets them for each process it starts";

    /**
     * @throws IllegalArgumentException if {@code worldSize < 1} or {@code rank} is out of range
     *         ({@code "Invalid rank 3, rank should be in the interval [0, 2]"}, PyTorch's words)
     */
    public Rank {
        if (worldSize < 1) {
            throw new IllegalArgumentException("worldSize must be >= 1, was " + worldSize);
        }
        if (rank < 0 || rank >= worldSize) {
            throw new IllegalArgumentException(invalidRank(rank, worldSize));
        }
    }

    static String invalidRank(int rank, int worldSize) {
        return "Invalid rank " + rank + ", rank should be in the interval [0, " + (worldSize - 1) + "]";
    }

    /**
     * The rank the environment gives: {@code RANK} and {@code WORLD_SIZE}.
     *
     * @param environment variable names to values, such as {@link System#getenv()}
     * @throws IllegalStateException if either variable is unset, not an integer, or out of range;
     *         the message names the variable and its value
     */
    public static Rank fromEnvironment(Map<String, String> environment) {
        return fromEnvironment(environment, WHERE_THEY_COME_FROM);
    }

    /** As {@link #fromEnvironment(Map)}, with {@code whereTheyComeFrom} ending each message about a missing variable. */
    static Rank fromEnvironment(Map<String, String> environment, String whereTheyComeFrom) {
        return read(environment, whereTheyComeFrom).orElseThrow(() -> new IllegalStateException("RANK and WORLD_SIZE "
                + "are not set; " + whereTheyComeFrom));
    }

    /**
     * The rank the environment gives, or empty when it sets neither {@code RANK} nor
     * {@code WORLD_SIZE} (a process started on its own).
     *
     * @param environment variable names to values, such as {@link System#getenv()}
     * @throws IllegalStateException if only one of them is set, or one is not an integer or out of
     *         range; the message names the variable and its value
     */
    public static Optional<Rank> inEnvironment(Map<String, String> environment) {
        return read(environment, WHERE_THEY_COME_FROM);
    }

    private static Optional<Rank> read(Map<String, String> environment, String whereTheyComeFrom) {
        Objects.requireNonNull(environment, "environment");
        if (environment.get("RANK") == null && environment.get("WORLD_SIZE") == null) {
            return Optional.empty();
        }
        int worldSize = integer(environment, "WORLD_SIZE", whereTheyComeFrom);
        int rank = integer(environment, "RANK", whereTheyComeFrom);
        if (worldSize < 1) {
            throw new IllegalStateException("WORLD_SIZE must be >= 1, was '" + worldSize + "'");
        }
        if (rank < 0 || rank >= worldSize) {
            throw new IllegalStateException(invalidRank(rank, worldSize) + " (RANK=" + rank + ", WORLD_SIZE="
                    + worldSize + " in the environment)");
        }
        return Optional.of(new Rank(rank, worldSize));
    }

    private static int integer(Map<String, String> environment, String name, String whereTheyComeFrom) {
        String value = environment.get(name);
        if (value == null) {
            throw new IllegalStateException(name + " is not set; " + whereTheyComeFrom);
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalStateException(name + " must be an integer, was '" + value + "'", e);
        }
    }
}
