package dev.sluice.core.wiring;

import dev.sluice.api.Collate;
import dev.sluice.api.EncodeOptions;
import dev.sluice.api.Image;
import dev.sluice.api.ImageEncoder;
import dev.sluice.api.Options;
import dev.sluice.api.Transform;
import dev.sluice.api.spi.ImageEncoderProvider;
import dev.sluice.api.spi.TransformProvider;
import dev.sluice.core.label.LabelIndex;
import dev.sluice.core.loader.BatchIterator;
import dev.sluice.core.loader.DataLoader;
import dev.sluice.core.loader.EpochReport;
import dev.sluice.core.plugin.PluginKind;
import dev.sluice.core.plugin.PluginRegistry;
import dev.sluice.core.shard.ShardWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
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
 * by the {@code resize} transform, and encoded as JPEG (FFCV's trick: store what training needs,
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
 *         .maxSamples(1000).resize(Options.of("resize", Map.of("size", 256))).quality(90)
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
    private final Builder builder;

    private ShardExport(Builder builder) {
        this.config = builder.config;
        this.plugins = builder.plugins;
        this.out = builder.out;
        this.builder = builder;
    }

    /**
     * An export of {@code config}'s dataset into {@code out}, 1000 samples a shard named
     * {@code shard-%06d.tar}, the image files stored as they are.
     *
     * @throws ConfigException if the configuration reads shards already
     */
    public static Builder builder(SluiceConfig config, PluginRegistry plugins, Path out) {
        Objects.requireNonNull(config, "config");
        if (config.readsShards()) {
            throw config.tree().error("dataset", "names shards already; a shard export reads a dataset of image files "
                    + "named by a label file (dataset.labels)");
        }
        return new Builder(config, Objects.requireNonNull(plugins, "plugins"), Objects.requireNonNull(out, "out"));
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
     * @throws ConfigException for a wrong configuration or a bad {@code resize} option, naming the key
     * @throws dev.sluice.core.plugin.PluginException if no encoder (when re-encoding) or no
     *         {@code resize} transform is on the class path
     * @throws dev.sluice.core.dataset.SampleLoadException naming the sample's index and file when an
     *         image cannot be read or encoded (under {@code on_error: raise}); nothing is left written
     * @throws IOException if the output folder holds shards of the same names, or writing fails
     */
    public Result run() throws IOException {
        Assembly assembly = new Assembly(config, plugins);
        boolean reencode = builder.resize != null || builder.quality != null;
        ImageEncoder encoder = reencode ? encoder() : null;
        Transform<Image, Image> resize = builder.resize == null ? null : resize(builder.resize);
        requireNoShardsIn(out);
        LabelIndex index = assembly.labelIndex();
        ExportedSamples samples = new ExportedSamples(index, config.dataset().root(), reencode ? assembly.decoder() : null,
                assembly.decodeOptions(), resize, encoder, EncodeOptions.jpeg(builder.quality == null
                        ? EncodeOptions.DEFAULT_JPEG_QUALITY : builder.quality));
        LoaderSettings settings = config.loader();
        ShardWriter writer = ShardWriter.builder(out).pattern(builder.pattern).maxSamples(builder.maxSamples)
                .maxBytes(builder.maxBytes).mtime(builder.mtime).build();
        int digits = Math.max(6, Long.toString(index.size() - 1).length());
        String keyFormat = "%0" + digits + "d";
        long total = index.size();
        long done = 0;
        EpochReport report;
        try (DataLoader<ExportedSamples.Sample, List<ExportedSamples.Sample>> loader = DataLoader.builder(samples)
                .batchSize(8).numWorkers(settings.numWorkers()).onError(settings.onError()).seed(settings.seed())
                .collate(AS_LIST).build(); BatchIterator<List<ExportedSamples.Sample>> batches = loader.iterator()) {
            while (batches.hasNext()) {
                List<ExportedSamples.Sample> batch = batches.next();
                long[] indices = batches.indices();
                for (int i = 0; i < batch.size(); i++) {
                    ExportedSamples.Sample sample = batch.get(i);
                    Map<String, byte[]> members = new LinkedHashMap<>();
                    members.put(sample.extension(), sample.image());
                    members.put("cls", labelText(sample.labels()).getBytes(StandardCharsets.US_ASCII));
                    writer.write(String.format(keyFormat, indices[i]), members);
                }
                done = indices.length == 0 ? done : indices[indices.length - 1] + 1;
                if (builder.progress != null) {
                    builder.progress.update(done, total);
                }
            }
            report = batches.report();
            writer.close();
        } catch (IOException | RuntimeException | Error e) {
            try {
                writer.abort();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        if (builder.progress != null && done < total) {
            builder.progress.update(total, total);
        }
        long bytes = 0;
        for (Path shard : writer.shards()) {
            bytes += Files.size(shard);
        }
        return new Result(writer.shards(), writer.samples(), report.skipped(), bytes);
    }

    private ImageEncoder encoder() {
        ImageEncoderProvider provider = plugins.require(PluginKind.ENCODER, ImageEncoderProvider.class,
                builder.encoder, "the shard export's encoder");
        return provider.create(Options.empty());
    }

    @SuppressWarnings("unchecked")
    private Transform<Image, Image> resize(Options options) {
        TransformProvider provider = plugins.require(PluginKind.TRANSFORM, TransformProvider.class, "resize",
                "the shard export's --resize");
        if (provider.outputType() != Image.class && provider.outputType() != Object.class) {
            throw new IllegalStateException("the resize transform " + provider.getClass().getName() + " gives "
                    + provider.outputType().getSimpleName() + ", not an Image");
        }
        return (Transform<Image, Image>) provider.create(options);
    }

    private void requireNoShardsIn(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return;
        }
        String first = String.format(builder.pattern, 0);
        if (Files.exists(folder.resolve(first)) || Files.exists(folder.resolve(first + ".part"))) {
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

    /** Configures a {@link ShardExport}. Not thread-safe. */
    public static final class Builder {
        private final SluiceConfig config;
        private final PluginRegistry plugins;
        private final Path out;
        private String pattern = "shard-%06d.tar";
        private long maxSamples = 1000;
        private long maxBytes;
        private Options resize;
        private Integer quality;
        private String encoder = PluginRegistry.AUTO;
        private Instant mtime = Instant.now();
        private Progress progress;

        private Builder(SluiceConfig config, PluginRegistry plugins, Path out) {
            this.config = config;
            this.plugins = plugins;
            this.out = out;
        }

        /** Shard names, a {@link String#format} pattern of the shard number; default {@code shard-%06d.tar}. */
        public Builder pattern(String newPattern) {
            // The writer's builder checks the pattern now, so that a bad one is refused before any work.
            ShardWriter.builder(out).pattern(newPattern);
            this.pattern = newPattern;
            return this;
        }

        /** The most samples a shard holds, {@code >= 1}; default 1000. @throws IllegalArgumentException if below 1 */
        public Builder maxSamples(long count) {
            if (count < 1) {
                throw new IllegalArgumentException("maxSamples must be >= 1, was " + count);
            }
            this.maxSamples = count;
            return this;
        }

        /** The most bytes a shard holds, or 0 for no limit (the default). @throws IllegalArgumentException if negative */
        public Builder maxBytes(long bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("maxBytes must be >= 0, was " + bytes);
            }
            this.maxBytes = bytes;
            return this;
        }

        /**
         * Resizes every image before storing it, with the {@code resize} transform given these options
         * (the transform pack's: {@code size: 256}, or {@code height}/{@code width}); null for none.
         * Resizing re-encodes as JPEG.
         */
        public Builder resize(Options resizeOptions) {
            this.resize = resizeOptions;
            return this;
        }

        /**
         * Re-encodes every image as JPEG at this quality (1 to 100); without it, a resized image is
         * encoded at {@link EncodeOptions#DEFAULT_JPEG_QUALITY}.
         *
         * @throws IllegalArgumentException if out of range
         */
        public Builder quality(int jpegQuality) {
            if (jpegQuality < 1 || jpegQuality > 100) {
                throw new IllegalArgumentException("quality must be 1 to 100, was " + jpegQuality);
            }
            this.quality = jpegQuality;
            return this;
        }

        /** The encoder's plugin id when re-encoding; default {@code auto}, the highest priority available. */
        public Builder encoder(String id) {
            this.encoder = Objects.requireNonNull(id, "encoder");
            return this;
        }

        /** The modification time of every member; default now. @throws IllegalArgumentException as {@link ShardWriter.Builder#mtime} */
        public Builder mtime(Instant time) {
            ShardWriter.builder(out).mtime(time);
            this.mtime = time;
            return this;
        }

        /** Told of progress after each batch of samples written; default none. */
        public Builder progress(Progress listener) {
            this.progress = listener;
            return this;
        }

        /** The export, ready to {@link ShardExport#run()}. */
        public ShardExport build() {
            return new ShardExport(this);
        }
    }
}
