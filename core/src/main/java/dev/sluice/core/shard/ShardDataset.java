package dev.sluice.core.shard;

import dev.sluice.api.Image;
import dev.sluice.api.ImageDecoder;
import dev.sluice.api.LabelFormat;
import dev.sluice.api.SlotTransform;
import dev.sluice.api.Transform;
import dev.sluice.api.WorkerInfo;
import dev.sluice.core.dataset.ContentDigest;
import dev.sluice.core.dataset.ErrorPolicy;
import dev.sluice.core.dataset.LabeledSample;
import dev.sluice.core.dataset.ResumableDataset;
import dev.sluice.core.dataset.SampleRecipe;
import dev.sluice.core.dataset.SkippingStream;
import dev.sluice.core.dataset.SlotSamples;
import dev.sluice.core.sampler.Rank;
import dev.sluice.core.sampler.Seeds;
import dev.sluice.core.shard.StreamPosition.Layout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Samples streamed from WebDataset-style tar shards: the members sharing a key form a sample
 * ({@code 000123.jpg} + {@code 000123.cls}), its image decoded by the configured
 * {@link ImageDecoder} and transformed, its labels read from the label member by a
 * {@link LabelFormat} the caller hands in ({@code .cls} text by {@code txt}; {@code .json} by {@code json}).
 * Shards are read sequentially, a member at a time, never whole; any {@link java.nio.file} file
 * system works.
 *
 * <p>Each epoch: the shard list is shuffled from (seed, epoch) when shuffling, split across ranks
 * and then across the loader's workers (WebDataset's {@code split_by_node} and
 * {@code split_by_worker}: rank {@code r} of {@code R} takes every
 * {@code R}-th shard from position {@code r}, and worker {@code w} of {@code N} every {@code N}-th of
 * those from position {@code w}); each worker reads its shards in turn through a shuffle buffer of
 * {@link ShardDatasetBuilder#shuffleBuffer} samples when shuffling. Every sample is read exactly once per epoch
 * across all ranks and workers; when the shards do not divide evenly among them, some streams have
 * one shard more than others, so ranks see unequal sample counts. Every rank must use the same seed
 * and shard list.
 *
 * <p>A {@link ResumableDataset}: a {@link dev.sluice.core.loader.DataLoader}'s state holds each
 * worker stream's position (shard, byte offset, shuffle buffer contents and draws), and a restored
 * loader with the same number of workers continues exactly, in the same order. A loader restored
 * with another number of workers delivers every sample not yet delivered exactly once, the
 * unfinished shard remainders shared out among its workers ({@link #redistribute}); their order
 * then differs from an uninterrupted run's, as it would in PyTorch with another {@code num_workers}.
 *
 * <pre>{@code
 * LabelFormat txt = plugins.require(PluginKind.LABEL_FORMAT, LabelFormatProvider.class, "txt", "labels")
 *         .create(Options.empty());
 * ShardDataset<Tensor> shards = ShardDataset.builder(Shards.expand(dir, "train-{0000..0127}.tar"), decoder)
 *         .labels("cls", txt).transform(toTensor).shuffle(true).seed(42).rank(Rank.inEnvironment(System.getenv()).orElse(Rank.SINGLE))
 *         .build();
 * try (DataLoader<LabeledSample<Tensor>, LabeledBatch> loader = DataLoader.builder(shards)
 *         .batchSize(64).numWorkers(4).collate(new LabeledCollate()).build()) { ... }
 * }</pre>
 *
 * <p>With a {@link SlotTransform} as its transform it has the {@link SlotSamples.Streamed}
 * capability: a loader collating with {@code LabeledCollate} writes each sample straight into its
 * slot of the batch tensor ({@link #preparedIterator}).
 *
 * <p>Immutable and safe to share between worker threads; each stream belongs to one.
 *
 * @param <T> the type the transform produces
 */
public final class ShardDataset<T> implements ResumableDataset<LabeledSample<T>>, SlotSamples.Streamed,
        ContentDigest, SkippingStream.Source {
    /** The image extensions looked for, in order, unless {@link ShardDatasetBuilder#imageExtensions} says otherwise. */
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

    ShardDataset(ShardDatasetBuilder<T> builder, ShardList shards) {
        this.shards = shards;
        this.decoding = new SampleDecoding<>(shards, new SampleRecipe<>(builder.decoder, builder.decodeOptions,
                builder.transform), builder.imageExtensions, builder.labelExtension, builder.labelFormat, builder.seed);
        this.seed = builder.seed;
        this.shuffle = builder.shuffle;
        this.shuffleBuffer = builder.shuffleBuffer;
        this.rank = builder.rank;
        this.onError = builder.onError;
    }

    /**
     * A builder for a dataset over {@code shards} (see {@link Shards#expand} for patterns), decoding
     * with {@code decoder}: RGB, no transform (samples hold the {@link Image}), no shuffling, one
     * rank, failures raised, until told otherwise; where the labels come from must be said
     * ({@link ShardDatasetBuilder#labels} or {@link ShardDatasetBuilder#noLabels}).
     *
     * @throws NullPointerException if an argument is null
     */
    public static ShardDatasetBuilder<Image> builder(List<Path> shards, ImageDecoder decoder) {
        return new ShardDatasetBuilder<>(List.copyOf(shards), Objects.requireNonNull(decoder, "decoder"),
                Transform.identity());
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
        return stream(epoch, position, decoding::decode);
    }

    /**
     * Whether {@link #preparedIterator} works: the transform is a {@link SlotTransform}, which can
     * write each sample's tensor straight into its place in a batch.
     */
    @Override
    public boolean writesIntoSlots() {
        return decoding.writesIntoSlots();
    }

    /**
     * The calling worker's stream of {@code epoch} as {@link #iterator(long, String)} gives it, each
     * sample prepared for writing into its batch slot instead of transformed whole: the same samples
     * in the same order, the same positions, the same failures and skips; writing a sample gives the
     * tensor the plain stream returns.
     *
     * @throws IllegalStateException if the transform is not a {@link SlotTransform} ({@link #writesIntoSlots()})
     * @throws IllegalArgumentException as {@link #iterator(long, String)} throws it
     * @throws ShardException as {@link #iterator(long, String)} throws it
     */
    @Override
    public PositionedIterator<LabeledSample<SlotTransform.Pending>> preparedIterator(long epoch, String position) {
        if (!decoding.writesIntoSlots()) {
            throw new IllegalStateException("the transform is not a SlotTransform, so it cannot write into a batch; "
                    + "use iterator");
        }
        return stream(epoch, position, decoding::prepare);
    }

    private <S> ShardStream<S> stream(long epoch, String position, SampleDecoding.Reading<S> reading) {
        if (epoch < 0) {
            throw new IllegalArgumentException("epoch must be >= 0, was " + epoch);
        }
        WorkerInfo worker = WorkerInfo.current().orElse(WorkerInfo.SINGLE);
        Layout layout = new Layout(rank.worldSize(), rank.rank(), worker.numWorkers(), worker.id());
        int[] order = ShardAssignment.epochOrder(shards.size(), seed, epoch, shuffle);
        int[] share = ShardAssignment.share(order, rank.rank(), rank.worldSize(), worker.id(), worker.numWorkers());
        SampleBuffer<RawSample> buffer = new SampleBuffer<>(shuffle ? shuffleBuffer : 1,
                Seeds.derive(seed, BUFFER_STREAM, epoch, rank.worldSize(), rank.rank(), worker.numWorkers(),
                        worker.id()));
        ShardStream<S> stream = new ShardStream<>(shards, reading, epoch, layout, share, buffer,
                onError == ErrorPolicy.SKIP, skips);
        if (position != null) {
            stream.restore(StreamPosition.decode(position));
        }
        return stream;
    }

    /**
     * Shares out what the saved streams had not returned among {@code streams} streams: each
     * unfinished shard's remainder (its samples still in a shuffle buffer, its members not yet read)
     * goes whole to one new stream, the unfinished shards dealt in the epoch's shard order as whole
     * shards are (the {@code i}-th to stream {@code i mod streams}). Every remaining sample is then
     * read exactly once; the order differs from an uninterrupted run's.
     *
     * @throws IllegalArgumentException if a position does not belong to this dataset, its rank and
     *         {@code positions.size()} workers, naming the stream
     */
    @Override
    public List<String> redistribute(long epoch, List<String> positions, int streams) {
        if (epoch < 0 || streams < 1) {
            throw new IllegalArgumentException("epoch must be >= 0 and streams >= 1, were " + epoch + " and " + streams);
        }
        return Redistribution.positions(shards, rank, ShardAssignment.epochOrder(shards.size(), seed, epoch, shuffle),
                positions, streams);
    }

    /** Whether samples that fail, and the rest of a shard that cannot be read, are skipped ({@link ErrorPolicy#SKIP}). */
    @Override
    public boolean skipsFailures() {
        return onError == ErrorPolicy.SKIP;
    }

    @Override
    public boolean shuffles() {
        return shuffle;
    }

    /**
     * A digest of what decides the streams' samples: the shards' file names and sizes in list
     * order, the shuffle buffer's capacity and the rank. Asks each shard's size once per call.
     */
    @Override
    public String contentDigest() {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        StringBuilder text = new StringBuilder();
        for (Path shard : shards.paths()) {
            long size;
            try {
                size = Files.size(shard);
            } catch (IOException e) {
                // Unreadable now: the stream reports it when it reaches the shard.
                size = -1;
            }
            Path name = shard.getFileName();
            text.append(name == null ? shard : name).append('\0').append(size).append('\n');
        }
        text.append(shuffle ? shuffleBuffer : 0).append(' ').append(rank.rank()).append('/').append(rank.worldSize());
        return HexFormat.of().formatHex(sha.digest(text.toString().getBytes(StandardCharsets.UTF_8)));
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
}
