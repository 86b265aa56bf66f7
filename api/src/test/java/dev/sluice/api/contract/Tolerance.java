package dev.sluice.api.contract;

/**
 * How far a decoder's samples may lie from reference samples, per channel: the mean absolute
 * difference, and the 99th percentile of the absolute differences (the smallest level that 99% of
 * the differences do not exceed). Both are checked for every channel separately, so that an error
 * confined to one channel (chroma, alpha) is not averaged away.
 *
 * <pre>{@code
 * Tolerance.EXACT                 // every sample equal
 * new Tolerance(0.5, 2)           // mean at most 0.5 and p99 at most 2 levels, in each channel
 * }</pre>
 *
 * @param meanPerChannel the largest mean absolute difference of any channel, {@code >= 0}
 * @param p99PerChannel the largest 99th percentile of any channel, 0 to 255
 */
public record Tolerance(double meanPerChannel, int p99PerChannel) {

    /** Every sample equal. */
    public static final Tolerance EXACT = new Tolerance(0, 0);

    /** @throws IllegalArgumentException naming the bound and its value when one is out of range */
    public Tolerance {
        if (!(meanPerChannel >= 0)) {
            throw new IllegalArgumentException("meanPerChannel must be >= 0, was " + meanPerChannel);
        }
        if (p99PerChannel < 0 || p99PerChannel > 255) {
            throw new IllegalArgumentException("p99PerChannel must be 0 to 255, was " + p99PerChannel);
        }
    }
}
