package dev.sluice.core.wiring;

import dev.sluice.api.Collate;
import dev.sluice.api.EncodeOptions;
import dev.sluice.api.Image;
import dev.sluice.api.ImageEncoder;
import dev.sluice.api.Options;
import dev.sluice.api.Transform;
import dev.sluice.api.spi.ImageEncoderProvider;
import dev.sluice.core.dataset.ImageRoot;
import dev.sluice.core.dataset.SampleRecipe;
import dev.sluice.core.label.LabelIndex;
import dev.sluice.core.loader.BatchIterator;
import dev.sluice.core.loader.DataLoader;
import dev.sluice.core.plugin.PluginKind;
import dev.sluice.core.plugin.PluginRegistry;
import dev.sluice.core.shard.ShardWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes a configured dataset of image files into WebDataset-style tar shards: what
 * {@code sluice shard CONFIG --out DIR --shard-size N [--resize ...] [--quality Q]} does. Each
 * entry of the label file becomes one sample, in label-file order: key {@code 000000},
 * {@code 000001}, ...; the image member holds the file as it is ({@code 000000.jpg}), or, with a
 * resize or a quality, the image decoded with the configured decoder and decode options, resized
 * by the transform the caller hands in, and encoded as JPEG (FFCV's trick: store what training needs,
 * not the camera original); the {@code cls} member holds the labels as text ({@code "3"},
 * {@code "3 7"}). The configured transforms and {@code repeat} are not applied: they belong to
 * training. The configuration's {@code loader.num_workers} threads prepare samples in parallel;
 * one thread writes.
 *
 * <p>It is all or nothing: the output folder must hold no shard of the same names, and a failure
 * deletes what was written. Under {@code loader.on_error: skip}, an image that cannot be read is
 * left out and counted instead.
 *
 * <pre>{@code
 * ShardExport.Result result = ShardExport.builder(SluiceConfig.load(path), plugins, Path.of("shards"))
 *         .maxSamples(1000).resize(resize).quality(90)
 *         .progress((done, total) -> System.out.print("\r" + done + "/" + total))
 *         .build().run();
 * }</pre>
 */
public final class ShardExport {
    private static final Collate<ExportedSamples.Sample, List<ExportedSamples.Sample>> AS_LIST =
            (batch, allocator) -> new ArrayList<>(batch);

    private final SluiceConfig config;
    private final PluginRegistry plugins;
    private final Path out;
    /** The builder's settings, copied: a builder changed after build() does not change the export. */
    private final Settings settings;
    private LabelIndex index;

    ShardExport(ShardExportBuilder builder) {
        this.config = builder.config;
        this.plugins = builder.plugins;
        this.out = builder.out;
        this.settings = new Settings(builder.pattern, builder.maxSamples, builder.maxBytes, builder.resize,
                builder.quality, builder.encoder, builder.mtime, builder.progress);
    }

    /**
     * An export of {@code config}'s dataset into {@code out}, 1000 samples a shard named
     * {@code shard-%06d.tar}, the image files stored as they are.
     *
     * @throws ConfigException if the configuration reads shards already
     */
    public static ShardExportBuilder builder(SluiceConfig config, PluginRegistry plugins, Path out) {
        Objects.requireNonNull(config, "config");
        if (config.readsShards()) {
            throw config.tree().error("dataset", "names shards already; a shard export reads a dataset of image files "
                    + "named by a label file (dataset.labels)");
        }
        return new ShardExportBuilder(config, Objects.requireNonNull(plugins, "plugins"), Objects.requireNonNull(out,
                "out"));
    }

    /** Told of progress after each sample written, on the writing thread. */
    @FunctionalInterface
    public interface Progress {
        /**
         * @param done samples written or skipped so far
         * @param total samples to write
         */
        void update(long done, long total);
    }

    /**
     * What an export wrote.
     *
     * @param shards the shards, in order
     * @param samples the samples written
     * @param skipped the samples left out under {@code on_error: skip}
     * @param bytes the shards' total size
     */
    public record Result(List<Path> shards, long samples, long skipped, long bytes) {
        /** @throws NullPointerException if {@code shards} is null */
        public Result {
            shards = List.copyOf(shards);
        }
    }

    /**
     * Reads the label file, prepares every sample and writes the shards.
     *
     * @return what was written
     * @throws ConfigException for a wrong configuration, naming the key
     * @throws dev.sluice.core.plugin.PluginException if no encoder is on the class path (when re-encoding)
     * @throws dev.sluice.core.dataset.SampleLoadException naming the sample's index and file when an
     *         image cannot be read or encoded (under {@code on_error: raise}); nothing is left written
     * @throws IOException if the output folder holds shards of the same names, or writing fails
     */
    public Result run() throws IOException {
        return write(0, index().size(), 0);
    }

    /**
     * Writes only shards {@code firstShard} to {@code firstShard + shardCount - 1} of the numbering
     * {@link #run()} would use: shard {@code n} holds entries {@code n * maxSamples} up to the next
     * shard's. For splitting one export among machines that share the output folder (the parts of a
     * Spark job): together they write what one run writes. Throws as {@link #run()}.
     *
     * @throws IllegalStateException if the export has a byte limit, whose shard boundaries depend on
     *         every sample before
     * @throws IllegalArgumentException if the range is negative
     */
    public Result runShards(int firstShard, int shardCount) throws IOException {
        if (settings.maxBytes > 0) {
            throw new IllegalStateException("an export split by shard numbers cannot have a byte limit");
        }
        if (firstShard < 0 || shardCount < 0) {
            throw new IllegalArgumentException("firstShard and shardCount must be >= 0, were " + firstShard + " and "
                    + shardCount);
        }
        long size = index().size();
        long from = Math.min(size, firstShard * settings.maxSamples);
        long to = Math.min(size, (firstShard + (long) shardCount) * settings.maxSamples);
        return write(from, to, firstShard);
    }

    /** The number of entries in the label file: the samples {@link #run()} writes when none is skipped. */
    public long entryCount() {
        return index().size();
    }

    /** The pattern the shards are named by. */
    public String pattern() {
        return settings.pattern;
    }

    /** The number of shards {@link #run()} writes when no sample is skipped and there is no byte limit. */
    public int shardCount() {
        long shards = (index().size() + settings.maxSamples - 1) / settings.maxSamples;
        return Math.toIntExact(shards);
    }

    /** The label file's entries, read once. */
    private synchronized LabelIndex index() {
        if (index == null) {
            index = new ConfiguredParts(config, plugins).labelIndex();
        }
        return index;
    }

    private Result write(long from, long to, int firstShard) throws IOException {
        requireNoShardIn(out, firstShard);
        ShardWriter writer = ShardWriter.builder(out).pattern(settings.pattern).maxSamples(settings.maxSamples)
                .maxBytes(settings.maxBytes).mtime(settings.mtime).firstShard(firstShard).build();
        long skipped;
        try {
            skipped = prepare(from, to, sample -> {
                Map<String, byte[]> members = new LinkedHashMap<>();
                members.put(sample.extension(), sample.image());
                members.put("cls", labelText(sample.labels()).getBytes(StandardCharsets.US_ASCII));
                writer.write(sample.key(), members);
            });
            writer.close();
        } catch (IOException | RuntimeException | Error e) {
            try {
                writer.abort();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        long bytes = 0;
        for (Path shard : writer.shards()) {
            bytes += Files.size(shard);
        }
        return new Result(writer.shards(), writer.samples(), skipped, bytes);
    }

    /**
     * A sample as a shard stores it.
     *
     * @param key the sample's key: its entry number, zero-padded to at least six digits
     * @param extension the image member's extension: the file's own ({@code jpg}, {@code png}), or
     *        {@code jpg} when re-encoded
     * @param image the encoded image
     * @param labels the entry's labels
     */
    public record Prepared(String key, String extension, byte[] image, long[] labels) {
    }

    /** Receives prepared samples, in entry order, on the calling thread. */
    @FunctionalInterface
    public interface Sink {
        /** @throws IOException to stop the export */
        void accept(Prepared sample) throws IOException;
    }

    /**
     * Prepares entries {@code from} (inclusive) to {@code to} (exclusive) of the label file as a shard
     * would store them, without writing shards: for other outputs, such as Parquet. The
     * configuration's {@code loader.num_workers} threads prepare; {@code sink} is called on this one.
     *
     * @return the number of entries skipped under {@code on_error: skip}
     * @throws IllegalArgumentException if the range is outside the label file's entries
     * @throws IOException as {@code sink} throws it
     * @throws dev.sluice.core.dataset.SampleLoadException naming the sample's index and file when an
     *         image cannot be read or encoded (under {@code on_error: raise})
     */
    public long prepare(long from, long to, Sink sink) throws IOException {
        LabelIndex entries = index();
        if (from < 0 || to < from || to > entries.size()) {
            throw new IllegalArgumentException("entries [" + from + ", " + to + ") are outside the " + entries.size()
                    + " of " + config.source());
        }
        ConfiguredParts assembly = new ConfiguredParts(config, plugins);
        boolean reencode = settings.resize != null || settings.quality != null;
        ExportedSamples samples = new ExportedSamples(entries,
                new ImageRoot(config.dataset().root(), config.dataset().allowOutsideRoot()),
                reencode ? new SampleRecipe<>(assembly.decoder(), assembly.decodeOptions(),
                        settings.resize == null ? Transform.identity() : settings.resize) : null,
                reencode ? encoder() : null,
                EncodeOptions.jpeg(settings.quality == null ? EncodeOptions.DEFAULT_JPEG_QUALITY : settings.quality),
                from, to - from);
        LoaderSettings loading = config.loader();
        String keyFormat = "%0" + Math.max(6, Long.toString(entries.size() - 1).length()) + "d";
        long total = to - from;
        long done = 0;
        try (DataLoader<ExportedSamples.Sample, List<ExportedSamples.Sample>> loader = DataLoader.builder(samples)
                .batchSize(8).numWorkers(loading.numWorkers()).onError(loading.onError()).seed(loading.seed())
                .collate(AS_LIST).build(); BatchIterator<List<ExportedSamples.Sample>> batches = loader.iterator()) {
            while (batches.hasNext()) {
                List<ExportedSamples.Sample> batch = batches.next();
                long[] indices = batches.indices();
                for (int i = 0; i < batch.size(); i++) {
                    ExportedSamples.Sample sample = batch.get(i);
                    sink.accept(new Prepared(String.format(keyFormat, from + indices[i]), sample.extension(),
                            sample.image(), sample.labels()));
                }
                done = indices.length == 0 ? done : indices[indices.length - 1] + 1;
                if (settings.progress != null) {
                    settings.progress.update(done, total);
                }
            }
            if (settings.progress != null && done < total) {
                settings.progress.update(total, total);
            }
            return batches.report().skipped();
        }
    }

    private record Settings(String pattern, long maxSamples, long maxBytes, Transform<Image, Image> resize, Integer quality,
            String encoder, Instant mtime, Progress progress) {
    }

    private ImageEncoder encoder() {
        ImageEncoderProvider provider = plugins.require(PluginKind.ENCODER, ImageEncoderProvider.class,
                settings.encoder, "the shard export's encoder");
        return provider.create(Options.empty());
    }

    private void requireNoShardIn(Path folder, int number) throws IOException {
        if (!Files.isDirectory(folder)) {
            return;
        }
        String first = String.format(settings.pattern, number);
        if (Files.exists(folder.resolve(first), LinkOption.NOFOLLOW_LINKS)
                || Files.exists(folder.resolve(first + ".part"), LinkOption.NOFOLLOW_LINKS)) {
            throw new java.nio.file.FileAlreadyExistsException(folder.resolve(first).toString(), null,
                    "the output folder holds shards already; remove them or choose another output folder");
        }
    }

    private static String labelText(long[] labels) {
        StringBuilder text = new StringBuilder();
        for (long label : labels) {
            text.append(text.length() == 0 ? "" : " ").append(label);
        }
        return text.toString();
    }
}
