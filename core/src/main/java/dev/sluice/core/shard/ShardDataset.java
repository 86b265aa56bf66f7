package dev.sluice.core.shard;

import dev.sluice.api.DecodeOptions;
import dev.sluice.api.Image;
import dev.sluice.api.ImageDecoder;
import dev.sluice.api.LabelFormat;
import dev.sluice.api.Options;
import dev.sluice.api.Transform;
import dev.sluice.api.WorkerInfo;
import dev.sluice.core.dataset.LabeledSample;
import dev.sluice.core.label.TxtLabelFormatProvider;
import dev.sluice.core.loader.ErrorPolicy;
import dev.sluice.core.loader.ResumableDataset;
import dev.sluice.core.sampler.Rank;
import dev.sluice.core.sampler.Seeds;
import dev.sluice.core.shard.StreamPosition.Layout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Samples streamed from WebDataset-style tar shards: the members sharing a key form a sample
 * ({@code 000123.jpg} + {@code 000123.cls}), its image decoded by the configured
 * {@link ImageDecoder} and transformed, its labels read from the label member by a
 * {@link LabelFormat} ({@code .cls} text by {@code txt}, the default; {@code .json} by {@code json}).
 * Shards are read sequentially, a member at a time, never whole; any {@link java.nio.file} file
 * system works.
 *
 * <p>Each epoch: the shard list is shuffled from (seed, epoch) when shuffling, split across ranks
 * and then across the loader's workers (WebDataset's {@code split_by_node} and
 * {@code split_by_worker}: rank {@code r} of {@code R} takes every
 * {@code R}-th shard from position {@code r}, and worker {@code w} of {@code N} every {@code N}-th of
 * those from position {@code w}); each worker reads its shards in turn through a shuffle buffer of
 * {@link Builder#shuffleBuffer} samples when shuffling. Every sample is read exactly once per epoch
 * across all ranks and workers; when the shards do not divide evenly among them, some streams have
 * one shard more than others, so ranks see unequal sample counts. Every rank must use the same seed
 * and shard list.
 *
 * <p>A {@link ResumableDataset}: a {@link dev.sluice.core.loader.DataLoader}'s state holds each
 * worker stream's position (shard, byte offset, shuffle buffer contents and draws), and a restored
 * loader continues exactly.
 *
 * <pre>{@code
 * ShardDataset<Tensor> shards = ShardDataset.builder(Shards.expand(dir, "train-{0000..0127}.tar"), decoder)
 *         .transform(toTensor).shuffle(true).seed(42).rank(Rank.inEnvironment(System.getenv()).orElse(Rank.SINGLE))
 *         .build();
 * try (DataLoader<LabeledSample<Tensor>, LabeledBatch> loader = DataLoader.builder(shards)
 *         .batchSize(64).numWorkers(4).collate(new LabeledCollate()).build()) { ... }
 * }</pre>
 *
 * <p>Immutable and safe to share between worker threads; each stream belongs to one.
 *
 * @param <T> the type the transform produces
 */
public final class ShardDataset<T> implements ResumableDataset<LabeledSample<T>> {
    /** The image extensions looked for, in order, unless {@link Builder#imageExtensions} says otherwise. */
    public static final List<String> IMAGE_EXTENSIONS = List.of("jpg", "jpeg", "png", "webp", "bmp", "tif", "tiff",
            "ppm", "pgm", "pbm", "pnm", "gif");
    /** Tags the shuffle buffers' random streams apart from every other use of the seed. */
    private static final long BUFFER_STREAM = 0x425546464552L;

    private final ShardList shards;
    private final SampleDecoding<T> decoding;
    private final long seed;
    private final boolean shuffle;
    private final int shuffleBuffer;
    private final Rank rank;
    private final ErrorPolicy onError;
    private final Skips skips = new Skips();

    private ShardDataset(Builder<T> builder, ShardList shards) {
        this.shards = shards;
        this.decoding = new SampleDecoding<>(shards, builder.decoder, builder.decodeOptions, builder.transform,
                builder.imageExtensions, builder.labelExtension, builder.labelFormat, builder.seed);
        this.seed = builder.seed;
        this.shuffle = builder.shuffle;
        this.shuffleBuffer = builder.shuffleBuffer;
        this.rank = builder.rank;
        this.onError = builder.onError;
    }

    /**
     * A builder for a dataset over {@code shards} (see {@link Shards#expand} for patterns), decoding
     * with {@code decoder}: RGB, no transform (samples hold the {@link Image}), labels from the
     * {@code .cls} member as text, no shuffling, one rank, failures raised, until told otherwise.
     *
     * @throws NullPointerException if an argument is null
     */
    public static Builder<Image> builder(List<Path> shards, ImageDecoder decoder) {
        return new Builder<>(List.copyOf(shards), Objects.requireNonNull(decoder, "decoder"), Transform.identity());
    }

    /**
     * The calling worker's stream of {@code epoch}, from its start or from a saved position.
     *
     * @throws IllegalArgumentException if {@code epoch < 0}, or {@code position} is not a position
     *         of this dataset's stream for this rank and worker layout (naming what differs), or the
     *         shards changed since it was saved
     * @throws ShardException if a shard needed to restore the position cannot be read
     */
    @Override
    public PositionedIterator<LabeledSample<T>> iterator(long epoch, String position) {
        if (epoch < 0) {
            throw new IllegalArgumentException("epoch must be >= 0, was " + epoch);
        }
        WorkerInfo worker = WorkerInfo.current().orElse(WorkerInfo.SINGLE);
        Layout layout = new Layout(rank.worldSize(), rank.rank(), worker.numWorkers(), worker.id());
        int[] order = ShardAssignment.epochOrder(shards.size(), seed, epoch, shuffle);
        int[] share = ShardAssignment.share(order, rank.rank(), rank.worldSize(), worker.id(), worker.numWorkers());
        SampleBuffer<RawSample> buffer = new SampleBuffer<>(shuffle ? shuffleBuffer : 1,
                Seeds.derive(seed, BUFFER_STREAM, epoch, rank.worldSize(), rank.rank(), worker.numWorkers(), worker.id()));
        ShardStream<T> stream = new ShardStream<>(shards, decoding, epoch, layout, share, buffer,
                onError == ErrorPolicy.SKIP, skips);
        if (position != null) {
            stream.restore(StreamPosition.decode(position));
        }
        return stream;
    }

    /** The shards, in list order. */
    public List<Path> shards() {
        return shards.paths();
    }

    /** The rank this dataset reads for. */
    public Rank rank() {
        return rank;
    }

    /** Samples passed over under {@link ErrorPolicy#SKIP} since the dataset was built, by all streams. */
    public long skippedSamples() {
        return skips.samples.get();
    }

    /** Shard remainders passed over (a shard truncated, corrupt or unreadable) under {@link ErrorPolicy#SKIP}. */
    public long skippedShards() {
        return skips.shards.get();
    }

    @Override
    public String toString() {
        return "ShardDataset[" + shards.size() + " shards, shuffle=" + shuffle + (shuffle ? ", buffer=" + shuffleBuffer
                : "") + ", seed=" + seed + ", rank " + rank.rank() + " of " + rank.worldSize() + "]";
    }

    /** The skip counters shared by the dataset's streams. */
    static final class Skips {
        private final AtomicLong samples = new AtomicLong();
        private final AtomicLong shards = new AtomicLong();

        void count(boolean sample) {
            (sample ? samples : shards).incrementAndGet();
        }
    }

    /**
     * Configures a {@link ShardDataset}. Not thread-safe; each method returns a builder to chain (the
     * same one, except {@link #transform}, which changes the sample type).
     *
     * @param <T> the type the transform produces
     */
    public static final class Builder<T> {
        private final List<Path> shards;
        private final ImageDecoder decoder;
        private final Transform<Image, T> transform;
        private DecodeOptions decodeOptions = DecodeOptions.DEFAULT;
        private List<String> imageExtensions = IMAGE_EXTENSIONS;
        private String labelExtension = "cls";
        private LabelFormat labelFormat = new TxtLabelFormatProvider().create(Options.empty());
        private long seed;
        private boolean shuffle;
        private int shuffleBuffer = 1000;
        private Rank rank = Rank.SINGLE;
        private ErrorPolicy onError = ErrorPolicy.RAISE;

        private Builder(List<Path> shards, ImageDecoder decoder, Transform<Image, T> transform) {
            this.shards = shards;
            this.decoder = decoder;
            this.transform = transform;
        }

        private <U> Builder<U> copyWith(Transform<Image, U> newTransform) {
            Builder<U> copy = new Builder<>(shards, decoder, newTransform);
            copy.decodeOptions = decodeOptions;
            copy.imageExtensions = imageExtensions;
            copy.labelExtension = labelExtension;
            copy.labelFormat = labelFormat;
            copy.seed = seed;
            copy.shuffle = shuffle;
            copy.shuffleBuffer = shuffleBuffer;
            copy.rank = rank;
            copy.onError = onError;
            return copy;
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
            return copyWith(Objects.requireNonNull(newTransform, "transform"));
        }

        /**
         * The extensions a sample's image member may have, in order of preference (case does not
         * matter); default {@link ShardDataset#IMAGE_EXTENSIONS}.
         *
         * @throws IllegalArgumentException if the list is empty or an extension is blank
         */
        public Builder<T> imageExtensions(List<String> extensions) {
            if (extensions.isEmpty()) {
                throw new IllegalArgumentException("imageExtensions must not be empty");
            }
            List<String> lower = new ArrayList<>();
            for (String extension : extensions) {
                lower.add(extension(extension, "an image extension"));
            }
            this.imageExtensions = List.copyOf(lower);
            return this;
        }

        /**
         * Where the labels come from: the member with {@code extension} (such as {@code "cls"} or
         * {@code "json"}), read by {@code format}'s {@link LabelFormat#readMember}; default the
         * {@code cls} member read by {@code txt}.
         *
         * @throws IllegalArgumentException if the extension is blank
         */
        public Builder<T> labels(String extension, LabelFormat format) {
            this.labelExtension = extension(extension, "the label extension");
            this.labelFormat = Objects.requireNonNull(format, "format");
            return this;
        }

        /** Samples have no labels (an empty label array each): for unlabelled data. */
        public Builder<T> noLabels() {
            this.labelExtension = null;
            return this;
        }

        private static String extension(String extension, String what) {
            if (extension == null || extension.isBlank() || extension.startsWith(".")) {
                throw new IllegalArgumentException(what + " must not be blank or start with a dot, was '" + extension
                        + "'");
            }
            return extension.toLowerCase(Locale.ROOT);
        }

        /** The seed of the shard order, the shuffle buffers and the transforms' random sources; default 0. */
        public Builder<T> seed(long newSeed) {
            this.seed = newSeed;
            return this;
        }

        /** Whether each epoch shuffles the shard order and passes samples through the shuffle buffer; default false. */
        public Builder<T> shuffle(boolean newShuffle) {
            this.shuffle = newShuffle;
            return this;
        }

        /**
         * The shuffle buffer's capacity in samples, when shuffling; default 1000. Each worker holds up
         * to this many encoded samples in memory; 1 shuffles the shard order only.
         *
         * @throws IllegalArgumentException if {@code samples < 1}
         */
        public Builder<T> shuffleBuffer(int samples) {
            if (samples < 1) {
                throw new IllegalArgumentException("shuffleBuffer must be >= 1, was " + samples);
            }
            this.shuffleBuffer = samples;
            return this;
        }

        /** Which rank of a distributed job this dataset reads for; default {@link Rank#SINGLE}. */
        public Builder<T> rank(Rank newRank) {
            this.rank = Objects.requireNonNull(newRank, "rank");
            return this;
        }

        /**
         * What a stream does when a sample fails (no image, a label that does not parse, an image
         * that does not decode, a transform that throws) or a shard is unreadable, truncated or
         * corrupt: {@link ErrorPolicy#RAISE} (the default) ends the worker's stream with the
         * {@link ShardException}; {@link ErrorPolicy#SKIP} passes over the sample or the rest of the
         * shard, logs it and counts it ({@link #skippedSamples()}, {@link #skippedShards()}).
         */
        public Builder<T> onError(ErrorPolicy policy) {
            this.onError = Objects.requireNonNull(policy, "onError");
            return this;
        }

        /**
         * The dataset.
         *
         * @throws IllegalArgumentException if there are no shards, a shard is listed twice, or a
         *         shard is not a file (naming the first few)
         */
        public ShardDataset<T> build() {
            if (shards.isEmpty()) {
                throw new IllegalArgumentException("no shards to read");
            }
            Set<Path> seen = new HashSet<>();
            List<String> missing = new ArrayList<>();
            for (Path shard : shards) {
                if (!seen.add(shard.toAbsolutePath().normalize())) {
                    throw new IllegalArgumentException(shard + " is listed twice; each shard must be read once an epoch");
                }
                if (!Files.isRegularFile(shard)) {
                    missing.add(shard.toString());
                }
            }
            if (!missing.isEmpty()) {
                throw new IllegalArgumentException((missing.size() == 1 ? "no such shard: " : missing.size()
                        + " shards do not exist: ") + String.join(", ", missing.subList(0, Math.min(5, missing.size())))
                        + (missing.size() > 5 ? ", ..." : ""));
            }
            return new ShardDataset<>(this, ShardList.of(shards));
        }
    }
}
