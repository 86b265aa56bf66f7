package dev.sluice.core.dataset;

import dev.sluice.api.DecodeBuffers;
import dev.sluice.api.DecodeOptions;
import dev.sluice.api.Image;
import dev.sluice.api.ImageDecoder;
import dev.sluice.api.SlotTransform;
import dev.sluice.api.Transform;
import dev.sluice.api.target.EntryTargets;
import dev.sluice.api.target.Targeted;
import dev.sluice.core.label.LabelIndex;
import dev.sluice.core.target.MaskFiles;
import dev.sluice.core.target.PngClassMasks;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Images named by a label source, decoded and transformed, with their labels: the seed recipe's
 * {@code TorchDataset}. Sample {@code i} decodes {@code imageRoot.resolve(path(i mod n))} for the
 * {@code n} entries of the index, applies the transform, and pairs the result with the entry's
 * labels. An image whose real path leaves the image root (through a symbolic link) is refused
 * unless {@link Builder#allowOutsideRoot} allows it ({@link ImageRoot}).
 *
 * <p>When the label format gives targets (boxes, masks, key points: {@code coco}, {@code yolo},
 * {@code voc}, {@code mask_folder}), each sample carries them, moved by the transform onto the
 * output's canvas ({@link LabeledSample#targets()}): the image is decoded so that the canvas the
 * source declares holds, and the transform applied to both with one set of random draws
 * ({@link SampleRecipe}). A transform that cannot carry targets is refused when the dataset is built.
 *
 * <p>With {@link Repeat#times(int) Repeat.times(k)} the dataset has {@code n * k} samples; with
 * {@link Repeat#forever()} it has {@code n} and is {@linkplain #isEndless() endless}, so that a
 * loader passes over it without end. Safe for concurrent reads when the decoder and transform are,
 * as their contracts require.
 *
 * <pre>{@code
 * LabelIndex index = LabelIndex.read(txt, Path.of("train.txt"), Path.of("images"));
 * ImageLabelDataset<Tensor> dataset = ImageLabelDataset.builder(index, Path.of("images"), decoder)
 *         .transform(resize.andThen(toTensor))
 *         .repeat(Repeat.times(2))
 *         .build();
 * LabeledSample<Tensor> first = dataset.get(0);
 * }</pre>
 *
 * @param <T> the type the transform produces, usually {@link dev.sluice.api.Tensor}
 */
public final class ImageLabelDataset<T> implements LabeledDataset<T>, SlotSamples.Indexed, ContentDigest {

    private final LabelIndex index;
    private final ImageRoot imageRoot;
    private final SampleRecipe<T> recipe;
    private final Repeat repeat;
    private final MaskFiles masks = new PngClassMasks();
    private final long size;
    /** {@link #contentDigest()}, worked out when first asked for. */
    private String digest;

    private ImageLabelDataset(Builder<T> builder) {
        this.index = builder.index;
        this.imageRoot = new ImageRoot(builder.imageRoot, builder.allowOutsideRoot);
        this.recipe = new SampleRecipe<>(builder.decoder, builder.decodeOptions, builder.transform);
        if (index.hasTargets() && !builder.transform.carriesTargets()) {
            throw new IllegalArgumentException("the label index gives its samples targets (boxes, masks or key points), "
                    + "but the transform " + builder.transform + " cannot move them with the image; use transforms "
                    + "that carry targets (Transform.carriesTargets)");
        }
        this.repeat = builder.repeat;
        // At most 2^31 entries times at most 2^31 passes cannot overflow a long.
        this.size = repeat.isForever() ? index.size() : index.size() * repeat.count();
    }

    /**
     * A builder for a dataset over {@code index}, with RGB decoding, no transform (samples hold the
     * {@link Image}) and one pass, until told otherwise.
     *
     * @param index the entries
     * @param imageRoot the folder the entries' relative paths are resolved against
     * @param decoder decodes each image file; must be thread-safe
     * @throws NullPointerException if an argument is null
     */
    public static Builder<Image> builder(LabelIndex index, Path imageRoot, ImageDecoder decoder) {
        return new Builder<>(Objects.requireNonNull(index, "index"), Objects.requireNonNull(imageRoot, "imageRoot"),
                Objects.requireNonNull(decoder, "decoder"), DecodeOptions.DEFAULT, Transform.identity(), Repeat.once(),
                false);
    }

    /**
     * Sample {@code index} with its random augmentation drawn from a fixed source derived from the
     * index alone ({@link SampleRandom#outsideALoader}), so that the same index gives the same sample
     * on every call.
     *
     * @throws IndexOutOfBoundsException naming the index and the size if it is outside {@code [0, size())}
     * @throws SampleLoadException naming the index and the image path if the image cannot be read or
     *         decoded, or the transform refuses it; the cause attached
     */
    @Override
    public LabeledSample<T> get(long index) {
        return get(index, SampleRandom.outsideALoader(index));
    }

    /**
     * Sample {@code index}: decodes the image of entry {@code index mod n}, applies the transform
     * with {@code random}, and pairs it with the entry's labels.
     *
     * @param random the transform's only source of randomness; confined to this call
     * @throws IndexOutOfBoundsException naming the index and the size if it is outside {@code [0, size())}
     * @throws SampleLoadException naming the index and the image path if the image cannot be read or
     *         decoded, or the transform refuses it; the cause attached
     */
    @Override
    public LabeledSample<T> get(long index, RandomGenerator random) {
        return read(index, random, null, recipe::transform);
    }

    /**
     * Whether {@link #prepare} can be used: the transform is a {@link dev.sluice.api.SlotTransform},
     * which can write each sample's tensor straight into its place in a batch.
     */
    @Override
    public boolean writesIntoSlots() {
        return recipe.writesIntoSlots();
    }

    /**
     * Sample {@code index} up to writing its tensor: decoded, checked, its random draws made from
     * {@code random} exactly as {@link #get(long, RandomGenerator)} makes them, and paired with its
     * labels. Writing the pending input gives the tensor {@code get} would return.
     *
     * @throws IllegalStateException if the transform is not a {@link dev.sluice.api.SlotTransform}
     *         ({@link #writesIntoSlots()})
     * @throws IndexOutOfBoundsException naming the index and the size if it is outside {@code [0, size())}
     * @throws SampleLoadException as {@link #get(long, RandomGenerator)} throws it
     */
    @Override
    public LabeledSample<SlotTransform.Pending> prepare(long index, RandomGenerator random) {
        return read(index, random, null, recipe::prepare);
    }

    /**
     * {@link #prepare(long, RandomGenerator)}, the image decoded into {@code buffers} when the
     * transform {@linkplain SlotTransform#releasesInput() lets go of its input} once written
     * ({@link SampleRecipe#decode(Path, DecodeBuffers, SampleRecipe.Failure)}): the caller writes the
     * pending input before it lends the same buffers again.
     */
    @Override
    public LabeledSample<SlotTransform.Pending> prepare(long index, RandomGenerator random, DecodeBuffers buffers) {
        return read(index, random, buffers, recipe::prepare);
    }

    /**
     * Sample {@code index} through the recipe, each failure naming its index, its file and the
     * label file's line that lists it; decoded into {@code buffers} if not null (the slot route).
     */
    private <S> LabeledSample<S> read(long index, RandomGenerator random, DecodeBuffers buffers,
            SampleRecipe.TargetedFinish<S> finish) {
        long entry = entry(index);
        Path file = file(index, entry);
        SampleRecipe.Failure failure = (reason, cause) -> new SampleLoadException(index, file.toString(),
                this.index.origin(entry).orElse(null), reason, cause);
        Path readable = readable(index, entry, file);
        Optional<EntryTargets> targets = this.index.targets(entry);
        Targeted<Image> decoded = targets.isPresent() ? recipe.decode(readable, targets.get(), masks, buffers, failure)
                : Targeted.of(recipe.decode(readable, buffers, failure));
        Targeted<S> input = finish.apply(decoded, random, failure);
        return new LabeledSample<>(input.value(), this.index.labels(entry), input.targets());
    }

    private Path file(long index, long entry) {
        try {
            return imageRoot.file(index, this.index.path(entry));
        } catch (SampleLoadException e) {
            throw listed(e, entry);
        }
    }

    private Path readable(long index, long entry, Path file) {
        try {
            return imageRoot.readable(index, file);
        } catch (SampleLoadException e) {
            throw listed(e, entry);
        }
    }

    /** The image root's refusal, with the label file's line that lists the sample. */
    private SampleLoadException listed(SampleLoadException refusal, long entry) {
        return new SampleLoadException(refusal.index(), refusal.source().orElse(null), index.origin(entry).orElse(null),
                refusal.reason(), refusal.getCause());
    }

    /** Entries times the repeat count; for an endless dataset, the number of entries (one pass). */
    @Override
    public long size() {
        return size;
    }

    /**
     * The label index's digest with the repeat: what a saved loader state's positions refer to.
     * Reads every entry of the index once; the result is kept.
     */
    @Override
    public synchronized String contentDigest() {
        if (digest == null) {
            digest = index.digest() + (repeat.isForever() ? "" : Long.toHexString(repeat.count()));
        }
        return digest;
    }

    /** Whether the dataset was built with {@link Repeat#forever()}. */
    @Override
    public boolean isEndless() {
        return repeat.isForever();
    }

    /**
     * The image file of sample {@code index}: the image root resolved with the entry's path.
     *
     * @throws IndexOutOfBoundsException naming the index and the size if it is outside {@code [0, size())}
     */
    @Override
    public Optional<String> describe(long index) {
        String path = this.index.path(entry(index));
        try {
            return Optional.of(imageRoot.path().resolve(path).toString());
        } catch (InvalidPathException e) {
            return Optional.of(path);
        }
    }

    /** The entries this dataset reads. */
    public LabelIndex labelIndex() {
        return index;
    }

    /** The label index's {@linkplain LabelIndex#classNames() class names}. */
    @Override
    public List<String> classNames() {
        return index.classNames();
    }

    /** The folder relative paths are resolved against. */
    public Path imageRoot() {
        return imageRoot.path();
    }

    /** How often the entries are passed over. */
    public Repeat repeat() {
        return repeat;
    }

    private long entry(long index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("index " + index + " is outside a dataset of size " + size);
        }
        return index % this.index.size();
    }

    /**
     * Configures an {@link ImageLabelDataset}. Not thread-safe; each method returns a builder to
     * chain (the same one, except {@link #transform}, which changes the sample type).
     *
     * @param <T> the type the transform produces
     */
    public static final class Builder<T> {
        private final LabelIndex index;
        private final Path imageRoot;
        private ImageDecoder decoder;
        private DecodeOptions decodeOptions;
        private final Transform<Image, T> transform;
        private Repeat repeat;
        private boolean allowOutsideRoot;

        private Builder(LabelIndex index, Path imageRoot, ImageDecoder decoder, DecodeOptions decodeOptions,
                Transform<Image, T> transform, Repeat repeat, boolean allowOutsideRoot) {
            this.index = index;
            this.imageRoot = imageRoot;
            this.decoder = decoder;
            this.decodeOptions = decodeOptions;
            this.transform = transform;
            this.repeat = repeat;
            this.allowOutsideRoot = allowOutsideRoot;
        }

        /**
         * Whether an image may be read outside the image root, through a symbolic link that leads out
         * of it (the label index decides about paths that leave it); default false: each image's real
         * path is checked against the root's before it is read, and one outside is a
         * {@link SampleLoadException}. The configuration's {@code dataset.allow_outside_root}.
         */
        public Builder<T> allowOutsideRoot(boolean allow) {
            this.allowOutsideRoot = allow;
            return this;
        }

        /** The decoder of every image, replacing the one given before; it must be thread-safe. */
        public Builder<T> decoder(ImageDecoder newDecoder) {
            this.decoder = Objects.requireNonNull(newDecoder, "decoder");
            return this;
        }

        /** What the decoder produces; default {@link DecodeOptions#DEFAULT} (RGB, full size). */
        public Builder<T> decodeOptions(DecodeOptions options) {
            this.decodeOptions = Objects.requireNonNull(options, "decodeOptions");
            return this;
        }

        /**
         * The transform applied to each decoded image, replacing any given before; default none.
         *
         * @return a builder for datasets of the transform's output type, with this builder's other settings
         */
        public <U> Builder<U> transform(Transform<Image, U> newTransform) {
            return new Builder<>(index, imageRoot, decoder, decodeOptions,
                    Objects.requireNonNull(newTransform, "transform"), repeat, allowOutsideRoot);
        }

        /** How often to pass over the entries; default {@link Repeat#once()}. */
        public Builder<T> repeat(Repeat newRepeat) {
            this.repeat = Objects.requireNonNull(newRepeat, "repeat");
            return this;
        }

        /** The dataset. */
        public ImageLabelDataset<T> build() {
            return new ImageLabelDataset<>(this);
        }
    }
}
