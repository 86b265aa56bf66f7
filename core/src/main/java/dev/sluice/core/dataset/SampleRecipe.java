package dev.sluice.core.dataset;

import dev.sluice.api.DecodeBuffers;
import dev.sluice.api.DecodeException;
import dev.sluice.api.DecodeOptions;
import dev.sluice.api.Image;
import dev.sluice.api.ImageDecoder;
import dev.sluice.api.SlotTransform;
import dev.sluice.api.ReduceLimit;
import dev.sluice.api.Region;
import dev.sluice.api.Transform;
import dev.sluice.api.target.CanvasSize;
import dev.sluice.api.target.EntryTargets;
import dev.sluice.api.target.Targeted;
import dev.sluice.api.target.Targets;
import dev.sluice.core.target.MaskFiles;
import dev.sluice.core.target.TargetResolver;
import java.io.IOException;
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
 * <p>A detection or segmentation sample also has targets (boxes, a mask, key points): the recipe
 * decodes its image so that the canvas its label source declares holds ({@link #decode(Path,
 * EntryTargets, MaskFiles, Failure)}), resolves the targets on it, and runs the transform on both with
 * one set of random draws ({@link #transform(Targeted, RandomGenerator, Failure)}).
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
     * What a reader makes of a decoded image and its targets: {@link #transform(Targeted,
     * RandomGenerator, Failure)} (the sample whole) or {@link #prepare(Targeted, RandomGenerator,
     * Failure)} (ready for its batch slot), so that one reading path serves both.
     *
     * @param <S> what it makes
     */
    @FunctionalInterface
    public interface TargetedFinish<S> {

        /** @throws RuntimeException {@code failure}'s */
        Targeted<S> apply(Targeted<Image> input, RandomGenerator random, Failure failure);
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
        return decode(file, null, failure);
    }

    /**
     * Decodes the image file {@code file} for a sample that is about to be prepared and written into
     * its batch slot: into {@code buffers} when the transform {@linkplain #releasesInputs() lets go of
     * its input} once written, else into memory of the image's own. The caller writes the prepared
     * sample before it lends the same buffers again.
     *
     * @param buffers the calling thread's decode buffers, or null for memory of the image's own
     * @throws RuntimeException {@code failure}'s, as {@link #decode(Path, Failure)}
     */
    public Image decode(Path file, DecodeBuffers buffers, Failure failure) {
        try {
            return lent(buffers) == null ? decoder.decode(file, decodeOptions)
                    : decoder.decode(file, decodeOptions, buffers);
        } catch (DecodeException e) {
            throw failure.failed(e.reason(), e);
        }
    }

    /**
     * Whether the transform is a {@link SlotTransform} that {@linkplain SlotTransform#releasesInput()
     * lets go of its input} once its prepared result is written, so that the next sample may be
     * decoded into the memory this one used.
     */
    public boolean releasesInputs() {
        return transform instanceof SlotTransform<?> slots && slots.releasesInput();
    }

    /** {@code buffers} if this recipe may decode into them, else null. */
    private DecodeBuffers lent(DecodeBuffers buffers) {
        return buffers != null && releasesInputs() ? buffers : null;
    }

    /**
     * Decodes the image file {@code file} of a sample with targets and resolves them on it
     * ({@link TargetResolver}), so that they sit on the decoded pixels:
     * <ul>
     *   <li>When the label source declares the image's size (COCO, VOC), the boxes are for the stored
     *       pixels, so the image is decoded without turning it by its EXIF orientation. A decode reduced
     *       by 2, 4 or 8 (a fixed {@code reduce} or {@code reduce: auto}) is allowed: the targets are
     *       resolved on the declared canvas and resized to the decoded one, as {@code resize} moves them;
     *       a region of interest crops them first (clamping boxes), as {@code crop} does.</li>
     *   <li>Boxes normalised to the image (YOLO) are scaled to the decoded size, reduced or not.</li>
     *   <li>Other targets (a mask file, boxes in pixels without a declared size) need the image at its
     *       stored size: it is decoded unreduced, and a fixed {@code reduce} or a region is refused.</li>
     * </ul>
     *
     * @param masks reads a mask file an entry names
     * @throws RuntimeException {@code failure}'s, naming the reason, when the file cannot be decoded,
     *         the declared size does not match the decoded image, a mask cannot be read, or the decode
     *         options cannot keep the targets on the image
     */
    public Targeted<Image> decode(Path file, EntryTargets targets, MaskFiles masks, Failure failure) {
        return decode(file, targets, masks, null, failure);
    }

    /**
     * {@link #decode(Path, EntryTargets, MaskFiles, Failure)} into {@code buffers} under the rule of
     * {@link #decode(Path, DecodeBuffers, Failure)}; the masks are decoded into memory of their own.
     *
     * @param buffers the calling thread's decode buffers, or null for memory of the image's own
     */
    public Targeted<Image> decode(Path file, EntryTargets targets, MaskFiles masks, DecodeBuffers buffers,
            Failure failure) {
        DecodeOptions options = decodeOptions;
        Region region = options.region();
        boolean declared = targets.canvas().isPresent();
        if (declared) {
            options = options.withExifOrientation(false);
        } else if (!targets.normalized() || region != null) {
            if (options.reduce() != 1 || region != null) {
                throw failure.failed("its targets are for the whole image at its stored size, which the label "
                        + "source does not declare, so it cannot be decoded " + (region != null ? "to a region"
                        : "reduced by " + options.reduce()) + "; decode it whole (decoder.reduce: 1 or auto)", null);
            }
            options = options.withAutoReduce(ReduceLimit.NONE);
        }
        Image image;
        DecodeBuffers into = lent(buffers);
        try {
            image = into == null ? decoder.decode(file, options) : decoder.decode(file, options, into);
        } catch (DecodeException e) {
            throw failure.failed(e.reason(), e);
        }
        CanvasSize decoded = new CanvasSize(image.height(), image.width());
        CanvasSize canvas = targets.canvas().orElse(decoded);
        Targets resolved;
        try {
            resolved = TargetResolver.resolve(targets, canvas, masks);
        } catch (IOException | RuntimeException e) {
            throw failure.failed("its targets cannot be read: " + e.getMessage(), e);
        }
        if (region != null) {
            resolved = resolved.cropped(region.x(), region.y(), region.width(), region.height());
        } else if (!canvas.equals(decoded) && !reducedFrom(canvas, decoded)) {
            throw failure.failed("its targets cannot be read: the annotations are for a " + canvas + " (HxW) image "
                    + "but the image decodes to " + decoded + "; the label source describes another image", null);
        }
        return Targeted.of(image, resolved.resized(decoded.width(), decoded.height()));
    }

    /** Whether {@code decoded} is {@code canvas} decoded at 1/2, 1/4 or 1/8 (each side rounded up). */
    private static boolean reducedFrom(CanvasSize canvas, CanvasSize decoded) {
        for (int factor = 2; factor <= 8; factor *= 2) {
            if (decoded.height() == (canvas.height() + factor - 1) / factor
                    && decoded.width() == (canvas.width() + factor - 1) / factor) {
                return true;
            }
        }
        return false;
    }

    /**
     * Decodes the encoded image between {@code encoded}'s position and limit; the buffer is not modified.
     *
     * @throws RuntimeException {@code failure}'s, with the decoder's reason, when the bytes do not decode
     */
    public Image decode(ByteBuffer encoded, Failure failure) {
        return decode(encoded, null, failure);
    }

    /**
     * As {@link #decode(ByteBuffer, Failure)}, for an image that is about to be prepared and written
     * into a slot: into {@code buffers} when the transform {@linkplain #releasesInputs() lets go of its
     * input} once written, as {@link #decode(Path, DecodeBuffers, Failure)} decodes a file.
     *
     * @param buffers the calling thread's decode buffers, or null for memory of the image's own
     */
    public Image decode(ByteBuffer encoded, DecodeBuffers buffers, Failure failure) {
        try {
            return lent(buffers) == null ? decoder.decode(encoded, decodeOptions)
                    : decoder.decode(encoded, decodeOptions, buffers);
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
     * Applies the transform to {@code input} and its targets with one set of random draws
     * ({@link Transform#applyWithTargets}); an input without targets goes through {@link #transform(Image,
     * RandomGenerator, Failure)} and comes out without targets.
     *
     * @throws RuntimeException {@code failure}'s when the transform throws (a step that cannot move the
     *         targets names itself) or returns null
     */
    public Targeted<T> transform(Targeted<Image> input, RandomGenerator random, Failure failure) {
        if (!input.hasTargets()) {
            return Targeted.of(transform(input.value(), random, failure));
        }
        return checkedTargets(transform::applyWithTargets, input, random, failure, "the transform returned null");
    }

    /**
     * As {@link #prepare(Image, RandomGenerator, Failure)}, with the targets moved as
     * {@link #transform(Targeted, RandomGenerator, Failure)} moves them.
     *
     * @throws IllegalStateException if the transform is not a {@link SlotTransform} ({@link #writesIntoSlots()})
     * @throws RuntimeException {@code failure}'s when the transform throws or its prepare returns null
     */
    @SuppressWarnings("unchecked")
    public Targeted<SlotTransform.Pending> prepare(Targeted<Image> input, RandomGenerator random, Failure failure) {
        if (!input.hasTargets()) {
            return Targeted.of(prepare(input.value(), random, failure));
        }
        if (!(transform instanceof SlotTransform<?> slots)) {
            throw new IllegalStateException("the transform " + transform + " is not a SlotTransform, so it cannot "
                    + "write into a batch; use transform");
        }
        return checkedTargets(((SlotTransform<Image>) slots)::prepareWithTargets, input, random, failure,
                "the transform's prepare returned null");
    }

    /** The targeted form of a step of the transform. */
    @FunctionalInterface
    private interface TargetedStep<S> {
        Targeted<S> apply(Targeted<Image> input, RandomGenerator random);
    }

    private static <S> Targeted<S> checkedTargets(TargetedStep<S> step, Targeted<Image> input, RandomGenerator random,
            Failure failure, String whenNull) {
        Targeted<S> result;
        try {
            result = step.apply(input, random);
        } catch (RuntimeException e) {
            throw failure.failed("the transform failed: " + e.getMessage(), e);
        }
        if (result == null) {
            throw failure.failed(whenNull, null);
        }
        return result;
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
