package dev.sluice.api;

import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * One preprocessing or augmentation step, as a torchvision transform.
 *
 * <p>A transform takes its randomness only from the {@code random} argument, which the loader
 * derives from (seed, epoch, sample position): the same inputs give the same output on any thread,
 * with any number of workers. A deterministic transform ignores it. Transforms are called from many
 * threads at once and keep no mutable state between calls.
 *
 * <pre>{@code
 * Transform<Image, Image> flip = (image, random) -> random.nextDouble() < 0.5 ? mirror(image) : image;
 * Transform<Image, Tensor> pipeline = flip.andThen(toTensor);
 * }</pre>
 *
 * @param <I> the input type, usually {@link Image} or {@link Tensor}
 * @param <O> the output type
 */
@FunctionalInterface
public interface Transform<I, O> {

    /**
     * Applies the transform.
     *
     * @param input never null; not modified
     * @param random the only source of randomness this call may use; confined to the calling thread
     * @return the result, never null
     * @throws IllegalArgumentException when the input is not one this transform accepts (for
     *         example a channel count it does not handle), saying what it got and what it needs
     */
    O apply(I input, RandomGenerator random);

    /** This transform, then {@code next}, drawing from the same random source in that order. */
    default <V> Transform<I, V> andThen(Transform<? super O, ? extends V> next) {
        Objects.requireNonNull(next, "next");
        return (input, random) -> next.apply(apply(input, random), random);
    }

    /** A transform that returns its input. */
    static <T> Transform<T, T> identity() {
        return (input, random) -> input;
    }
}
