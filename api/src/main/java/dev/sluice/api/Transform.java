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

    /**
     * How far the decoder may reduce an image that goes through this transform and then through
     * steps that themselves allow {@code next}. Called once by whoever builds the loader (core's
     * wiring, through the whole pipeline's {@code reduceLimit(ReduceLimit.NONE)}), never per sample.
     *
     * <ul>
     *   <li>A step whose output size does not depend on its input's (a resize to a fixed size or a
     *       shorter side, a random resized crop) returns its own limit and ignores {@code next}: the
     *       steps after it see the same size however the decode was reduced.
     *   <li>A step that works pixel by pixel and keeps the size (a flip, a colour change, a
     *       conversion to a tensor) returns {@code next}: whatever the steps after it allow.
     *   <li>Any other step (a crop or pad in pixels, a blur, a rotation) needs the full-size image:
     *       the default, {@link ReduceLimit#NONE}.
     * </ul>
     *
     * @param next what the steps after this one allow; {@link ReduceLimit#NONE} for the last step
     * @return never null; the default is {@link ReduceLimit#NONE}, which always decodes full size
     * @throws NullPointerException if {@code next} is null
     */
    default ReduceLimit reduceLimit(ReduceLimit next) {
        Objects.requireNonNull(next, "next");
        return ReduceLimit.NONE;
    }

    /**
     * The class every input must be an instance of, usually {@link Image} or {@link Tensor}, so that
     * a configured pipeline whose steps do not fit together ({@code normalize} before
     * {@code to_tensor}) is refused when it is built rather than on the first sample. The default,
     * {@code Object.class}, says "anything" and skips the check.
     */
    default Class<?> inputType() {
        return Object.class;
    }

    /**
     * The class every output is an instance of, usually {@link Image} or {@link Tensor}. The default,
     * {@code Object.class}, says "unknown" (it may depend on the input) and skips the check of the
     * step after this one.
     */
    default Class<?> outputType() {
        return Object.class;
    }

    /**
     * This transform, then {@code next}, drawing from the same random source in that order. Its
     * {@link #reduceLimit} is this transform's, given what {@code next} allows; it takes what this
     * transform takes and gives what {@code next} gives.
     */
    default <V> Transform<I, V> andThen(Transform<? super O, ? extends V> next) {
        Objects.requireNonNull(next, "next");
        Transform<I, O> first = this;
        return new Transform<>() {
            @Override
            public V apply(I input, RandomGenerator random) {
                return next.apply(first.apply(input, random), random);
            }

            @Override
            public ReduceLimit reduceLimit(ReduceLimit after) {
                return first.reduceLimit(next.reduceLimit(after));
            }

            @Override
            public Class<?> inputType() {
                return first.inputType();
            }

            @Override
            public Class<?> outputType() {
                return next.outputType();
            }
        };
    }

    /**
     * {@code body} declaring that it takes {@code input} and gives {@code output}: for a transform
     * written as a lambda. Its {@link #reduceLimit} is {@code body}'s.
     *
     * <pre>{@code
     * Transform<Tensor, Tensor> half = Transform.typed(Tensor.class, Tensor.class, (t, random) -> scale(t, 0.5f));
     * }</pre>
     */
    static <I, O> Transform<I, O> typed(Class<I> input, Class<O> output, Transform<I, O> body) {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(body, "body");
        return new Transform<>() {
            @Override
            public O apply(I value, RandomGenerator random) {
                return body.apply(value, random);
            }

            @Override
            public ReduceLimit reduceLimit(ReduceLimit next) {
                return body.reduceLimit(next);
            }

            @Override
            public Class<?> inputType() {
                return input;
            }

            @Override
            public Class<?> outputType() {
                return output;
            }
        };
    }

    /** A transform that returns its input, and allows whatever the steps after it allow. */
    static <T> Transform<T, T> identity() {
        return new Transform<>() {
            @Override
            public T apply(T input, RandomGenerator random) {
                return input;
            }

            @Override
            public ReduceLimit reduceLimit(ReduceLimit next) {
                return Objects.requireNonNull(next, "next");
            }
        };
    }
}
