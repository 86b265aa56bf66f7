package dev.sluice.core.dataset;

/**
 * How often a dataset passes over its entries: a fixed number of times (the seed recipe's
 * {@code repeat=n}: the length is {@code entries * n}) or forever (its {@code repeat=None}: an
 * {@linkplain dev.sluice.api.Dataset#isEndless() endless} dataset). Immutable.
 *
 * <pre>{@code
 * Repeat.times(3);     // three passes
 * Repeat.forever();    // endless
 * }</pre>
 */
public final class Repeat {
    private static final Repeat ONCE = new Repeat(1);
    private static final Repeat FOREVER = new Repeat(0);

    /** The number of passes, or 0 for forever. */
    private final int count;

    private Repeat(int count) {
        this.count = count;
    }

    /** One pass: the default. */
    public static Repeat once() {
        return ONCE;
    }

    /**
     * {@code count} passes.
     *
     * @param count {@code >= 1}
     * @throws IllegalArgumentException naming the value when {@code count < 1}
     */
    public static Repeat times(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("repeat count must be >= 1, was " + count
                    + "; use Repeat.forever() for an endless dataset");
        }
        return count == 1 ? ONCE : new Repeat(count);
    }

    /** Endless: pass after pass, without a length. */
    public static Repeat forever() {
        return FOREVER;
    }

    /** Whether this is {@link #forever()}. */
    public boolean isForever() {
        return count == 0;
    }

    /**
     * The number of passes, {@code >= 1}.
     *
     * @throws IllegalStateException if this is {@link #forever()}, which has no count
     */
    public int count() {
        if (count == 0) {
            throw new IllegalStateException("Repeat.forever() has no count");
        }
        return count;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Repeat that && count == that.count;
    }

    @Override
    public int hashCode() {
        return count;
    }

    /** {@code Repeat[3 times]} or {@code Repeat[forever]}. */
    @Override
    public String toString() {
        return count == 0 ? "Repeat[forever]" : "Repeat[" + count + (count == 1 ? " time]" : " times]");
    }
}
