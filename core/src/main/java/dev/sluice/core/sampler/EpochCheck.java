package dev.sluice.core.sampler;

/** The check every sampler makes on the epoch it is asked for. */
final class EpochCheck {
    private EpochCheck() {
    }

    static long requireValid(long epoch) {
        if (epoch < 0) {
            throw new IllegalArgumentException("epoch must be >= 0, was " + epoch);
        }
        return epoch;
    }
}
