package dev.sluice.core.dataset;

import dev.sluice.api.DecodeException;
import dev.sluice.api.DecodeOptions;
import dev.sluice.api.Image;
import dev.sluice.api.ImageDecoder;
import dev.sluice.api.SlotTransform;
import dev.sluice.api.Transform;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The one recipe that turns a stored image into a sample: decode with the decoder and its options,
 * then apply the transform with the sample's random source ({@link SampleRandom}). Every failure
 * comes out as the caller's own exception, which names the sample (its index and path, its shard
 * and member, its row key): the recipe words the reason and keeps the cause, the caller says where.
 * Map-style and shard datasets, the Spark pipeline and the shard export all read samples through
 * it.
 *
 * <pre>{@code
 * SampleRecipe<Tensor> recipe = new SampleRecipe<>(decoder, DecodeOptions.DEFAULT, toTensor);
 * SampleRecipe.Failure where = (reason, cause) -> new SampleLoadException(7, path.toString(), reason, cause);
 * Tensor sample = recipe.transform(recipe.decode(path, where), SampleRandom.outsideALoader(7), where);
 * }</pre>
 *
 * <p>Immutable; safe for concurrent use when the decoder and the transform are, as their contracts
 * require.
 *
 * @param <T> what the transform produces, usually a {@link dev.sluice.api.Tensor}
 */
public final class SampleRecipe<T> {

    /**
     * Makes the exception a failed step throws, naming the sample the way its caller knows it.
     * Called at most once per step, on the thread that reads the sample.
     */
    @FunctionalInterface
    public interface Failure {

        /**
         * @param reason why the step failed, without naming the sample ({@code "the transform failed: ..."})
         * @param cause the underlying failure, or null
         * @return the exception to throw; never null
         */
        RuntimeException failed(String reason, Throwable cause);
    }

    /**
     * What a reader makes of a decoded image: {@link #transform} (the sample whole) or
     * {@link #prepare} (ready for its batch slot), so that one reading path serves both.
     *
     * @param <S> what it makes
     */
    @FunctionalInterface
    public interface Finish<S> {

        /** @throws RuntimeException {@code failure}'s */
        S apply(Image image, RandomGenerator random, Failure failure);
    }

    private final ImageDecoder decoder;
    private final DecodeOptions decodeOptions;
    private final Transform<Image, T> transform;

    /**
     * @param decoder decodes each image; must be thread-safe
     * @param decodeOptions what the decoder produces
     * @param transform applied to each decoded image; must be thread-safe
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the transform says it takes something other than an
     *         {@link Image} ({@link Transform#inputType()}), as a Java-built chain typed only at its ends may
     */
    public SampleRecipe(ImageDecoder decoder, DecodeOptions decodeOptions, Transform<Image, T> transform) {
        this.decoder = Objects.requireNonNull(decoder, "decoder");
        this.decodeOptions = Objects.requireNonNull(decodeOptions, "decodeOptions");
        this.transform = Objects.requireNonNull(transform, "transform");
        Class<?> takes = transform.inputType();
        if (!takes.isAssignableFrom(Image.class)) {
            throw new IllegalArgumentException("the transform " + transform + " takes a " + takes.getSimpleName()
                    + ", but a dataset hands it the decoded Image");
        }
    }

    /**
     * Decodes the image file {@code file}.
     *
     * @throws RuntimeException {@code failure}'s, with the decoder's reason (such as
     *         {@code "no such file"}), when the file cannot be read or decoded
     */
    public Image decode(Path file, Failure failure) {
        try {
            return decoder.decode(file, decodeOptions);
        } catch (DecodeException e) {
            throw failure.failed(e.reason(), e);
        }
    }

    /**
     * Decodes the encoded image between {@code encoded}'s position and limit; the buffer is not modified.
     *
     * @throws RuntimeException {@code failure}'s, with the decoder's reason, when the bytes do not decode
     */
    public Image decode(ByteBuffer encoded, Failure failure) {
        try {
            return decoder.decode(encoded, decodeOptions);
        } catch (DecodeException e) {
            throw failure.failed(e.reason(), e);
        }
    }

    /**
     * Applies the transform to {@code image}.
     *
     * @param random the transform's only source of randomness, from {@link SampleRandom}; confined to this call
     * @throws RuntimeException {@code failure}'s when the transform throws ({@code "the transform failed: ..."})
     *         or returns null ({@code "the transform returned null"})
     */
    public T transform(Image image, RandomGenerator random, Failure failure) {
        return checked(transform, image, random, failure, "the transform returned null");
    }

    /**
     * Whether {@link #prepare} works: the transform is a {@link SlotTransform}, which can write each
     * sample's tensor straight into its place in a batch.
     */
    public boolean writesIntoSlots() {
        return transform instanceof SlotTransform<?>;
    }

    /**
     * The transform of {@code image} up to writing its tensor: checked, its random draws made from
     * {@code random} exactly as {@link #transform} makes them. Writing the result gives the tensor
     * {@code transform} would return.
     *
     * @throws IllegalStateException if the transform is not a {@link SlotTransform} ({@link #writesIntoSlots()})
     * @throws RuntimeException {@code failure}'s when the transform throws or its prepare returns null
     */
    @SuppressWarnings("unchecked")
    public SlotTransform.Pending prepare(Image image, RandomGenerator random, Failure failure) {
        if (!(transform instanceof SlotTransform<?> slots)) {
            throw new IllegalStateException("the transform " + transform + " is not a SlotTransform, so it cannot "
                    + "write into a batch; use transform");
        }
        return checked(((SlotTransform<Image>) slots)::prepare, image, random, failure,
                "the transform's prepare returned null");
    }

    /** {@code step} applied, its exception or null result made the caller's failure. */
    private static <S> S checked(Transform<Image, S> step, Image image, RandomGenerator random, Failure failure,
            String whenNull) {
        S result;
        try {
            result = step.apply(image, random);
        } catch (RuntimeException e) {
            throw failure.failed("the transform failed: " + e.getMessage(), e);
        }
        if (result == null) {
            throw failure.failed(whenNull, null);
        }
        return result;
    }

    /** The decoder. */
    public ImageDecoder decoder() {
        return decoder;
    }

    /** What the decoder produces. */
    public DecodeOptions decodeOptions() {
        return decodeOptions;
    }

    /** The transform applied to each decoded image. */
    public Transform<Image, T> transform() {
        return transform;
    }
}
