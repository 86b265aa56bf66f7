package dev.sluice.api;

import java.util.Objects;

/**
 * How far a decoder may shrink an image before the transforms see it, so that a pipeline whose
 * target is much smaller than the stored image (a 12-megapixel photograph into 224 x 224) decodes
 * at a reduced scale (1/2, 1/4 or 1/8, in the DCT domain where the codec can) instead of full size.
 * A transform states its limit through {@link Transform#reduceLimit}; core hands the pipeline's to
 * the decoder through {@link DecodeOptions#withAutoReduce}.
 *
 * <p>A reduction by {@code f} turns each side {@code s} into {@code ceil(s / f)}, as
 * {@link dev.sluice.api.spi.Reductions#reducedLength} defines it. A limit allows {@code f} only when
 * the transforms still get at least the pixels they need from the reduced image: never less than
 * their target on either side, and the same output size as from the full-size image.
 *
 * <pre>{@code
 * // resize to 224 x 224: reduce while both sides stay at least 224
 * ReduceLimit limit = (width, height) -> {
 *     for (int f = 8; f > 1; f /= 2) {
 *         if (Reductions.reducedLength(width, f) >= 224 && Reductions.reducedLength(height, f) >= 224) {
 *             return f;
 *         }
 *     }
 *     return 1;
 * };
 * limit.largestReduce(3840, 2400);   // 8: 480 x 300
 * limit.largestReduce(1000, 800);    // 2: 500 x 400 (250 x 200 would be too small)
 * }</pre>
 *
 * Implementations are stateless values, called from many decoding threads at once.
 */
@FunctionalInterface
public interface ReduceLimit {

    /** Allows no reduction: 1 for every size. */
    ReduceLimit NONE = new ReduceLimit() {
        @Override
        public int largestReduce(int width, int height) {
            return 1;
        }

        @Override
        public String toString() {
            return "none";
        }
    };

    /**
     * The largest of 1, 2, 4 and 8 by which an image of this size may be reduced.
     *
     * @param width columns of the full-size image as the transforms see it (after EXIF orientation
     *        when the decoder applies it), {@code > 0}
     * @param height rows, likewise, {@code > 0}
     * @return 1, 2, 4 or 8; 1 when the image may not be reduced. A decoder refuses any other value
     *         with an {@link IllegalStateException} naming the limit.
     */
    int largestReduce(int width, int height);

    /**
     * The limit that allows what both this one and {@code other} allow: for every size, the smaller
     * of the two answers. For a step that runs one of several branches.
     *
     * @throws NullPointerException if {@code other} is null
     */
    default ReduceLimit min(ReduceLimit other) {
        Objects.requireNonNull(other, "other");
        ReduceLimit self = this;
        return new ReduceLimit() {
            @Override
            public int largestReduce(int width, int height) {
                return Math.min(self.largestReduce(width, height), other.largestReduce(width, height));
            }

            @Override
            public String toString() {
                return "min(" + self + ", " + other + ")";
            }
        };
    }
}
