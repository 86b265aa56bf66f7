package dev.sluice.core.wiring;

import dev.sluice.api.ColorMode;
import dev.sluice.api.DecodeOptions;
import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;
import dev.sluice.api.Suggestions;
import dev.sluice.core.dataset.ErrorPolicy;
import dev.sluice.core.dataset.Repeat;
import dev.sluice.core.loader.DataLoaderBuilder;
import dev.sluice.core.sampler.Rank;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

/**
 * A whole loader described in YAML: the dataset (label format, label file, image root, repeat; or
 * tar shards), the decoder (backend and decode options), the transform pipeline, and the DataLoader
 * options. Relative paths resolve against the file's folder. Core keys are checked here, each
 * error naming the file, key path and line; keys a plugin defines are passed to its factory, and
 * its errors are placed at their line too when the loader is assembled.
 *
 * <p>A dataset of files names its label file ({@code labels}, with {@code format}, {@code root},
 * {@code repeat}, {@code allow_outside_root}). A dataset of WebDataset-style tar shards names
 * {@code shards} instead: a pattern ({@code train-{0000..0127}.tar}, {@code shards/*.tar}) or a list
 * of them; {@code label_member} is the extension of the member holding the labels ({@code cls} by
 * default, {@code none} for unlabelled samples), read by the label format {@code format}
 * ({@code txt} by default, {@code json} when the member is {@code json}); {@code image_members}
 * lists the image extensions looked for; {@code shuffle_buffer} (default 1000) is the shuffle
 * buffer's capacity when {@code loader.shuffle} is true, which also shuffles the shard order each
 * epoch.
 *
 * <p>{@code decoder.reduce} is {@code auto} by default: each image is decoded at the largest of 1/2,
 * 1/4 and 1/8 that the transforms allow for its size ({@link dev.sluice.api.Transform#reduceLimit});
 * {@code 1} decodes full size, and {@code 2}, {@code 4} or {@code 8} fix the factor.
 *
 * <p>{@code loader.rank} and {@code loader.world_size} say which process of a distributed job this
 * is; when both are absent they come from the environment's {@code RANK} and {@code WORLD_SIZE}
 * (as {@code torchrun} sets them), and without those the job has one process. A map-style dataset
 * is then read through a {@link dev.sluice.core.sampler.DistributedSampler}; shards are split by
 * rank, then by worker.
 *
 * <p>{@code loader.sampler} chooses PyTorch's sampler ({@link SamplerSettings}: {@code random},
 * {@code weighted}, {@code subset}); {@code loader.batch_transform} mixes batches with MixUp or
 * CutMix ({@link BatchTransformSection}). {@code loader.warm_up} ({@code true} by default; {@code false})
 * runs the loader's per-image code on a photograph of its own, on another core, while {@link Sluice#fromConfig}
 * builds the loader, so that less of it runs cold after the loader's creation.
 *
 * <pre>{@code
 * SluiceConfig config = SluiceConfig.load(Path.of("sluice.yaml"), List.of("loader.num_workers=4"));
 * }</pre>
 */
public final class SluiceConfig {
    private static final Set<String> SECTIONS = Set.of("dataset", "decoder", "transforms", "loader");
    private static final Set<String> DATASET_KEYS = Set.of("format", "labels", "root", "repeat", "allow_outside_root");
    private static final Set<String> SHARD_KEYS = Set.of("shards", "format", "label_member", "image_members",
            "shuffle_buffer");
    private static final Set<String> DECODER_KEYS = Set.of("backend", "mode", "reduce", "apply_exif_orientation", "strict",
            "max_pixels");
    private static final Set<String> LOADER_KEYS = Set.of("batch_size", "shuffle", "num_workers", "drop_last", "seed",
            "on_error", "pin_memory", "timeout", "prefetch_factor", "persistent_workers", "in_order", "rank", "world_size",
            "sampler", "batch_transform", "warm_up");

    private final ConfigTree tree;
    /** The dataset of files, or null when the configuration reads shards. */
    private final DatasetSettings dataset;
    /** The shard dataset, or null when the configuration reads files. */
    private final ShardSettings shards;
    private final DecoderSettings decoder;
    private final LoaderSettings loader;

    private SluiceConfig(ConfigTree tree, Map<String, String> environment) {
        this.tree = tree;
        requireKnown("", tree.root().keySet(), SECTIONS);
        try {
            Options datasetOptions = tree.section("dataset");
            this.shards = datasetOptions.has("shards") ? ShardSection.read(tree, datasetOptions, SHARD_KEYS)
                    : null;
            // Without a dataset section the configuration describes a pipeline only (decoder and transforms).
            this.dataset = shards == null && tree.root().containsKey("dataset") ? readDataset(datasetOptions) : null;
            this.decoder = readDecoder(tree.section("decoder"));
            this.loader = readLoader(tree.section("loader"), environment);
            if (shards != null && datasetOptions.has("shuffle_buffer") && !loader.shuffle()) {
                throw tree.error("dataset.shuffle_buffer", "has no effect unless loader.shuffle is true");
            }
            if (shards != null && loader.sampler() != null) {
                throw tree.error(SamplerSettings.KEY, "DataLoader with IterableDataset: expected unspecified sampler "
                        + "option: tar shards are read as streams, which have no indices to sample");
            }
            if (shards != null && loader.batchTransform() != null) {
                throw tree.error(BatchTransformSection.KEY, "needs a dataset of files (dataset.labels): batches of "
                        + "tar shards depend on how the streams are split among workers, so they could not be mixed "
                        + "alike at every num_workers");
            }
        } catch (OptionsException e) {
            throw tree.error(e);
        }
    }

    /**
     * Reads a configuration file.
     *
     * @param overrides {@code key.path=value} settings applied over the file, as {@code --set} gives them
     * @throws ConfigException naming file, key path and line for anything wrong, or the path tried
     *         when the file (or a file it names) is missing
     */
    public static SluiceConfig load(Path file, List<String> overrides) {
        ConfigTree tree = YamlReader.read(file);
        Overrides.apply(tree, overrides);
        return new SluiceConfig(tree, System.getenv());
    }

    /** Reads a configuration file without overrides. */
    public static SluiceConfig load(Path file) {
        return load(file, List.of());
    }

    /**
     * Reads a configuration from a string; its relative paths resolve against {@code baseDir}, and
     * messages name the source {@code "<string>"}.
     *
     * @throws ConfigException as {@link #load(Path, List)}
     */
    public static SluiceConfig parse(String yaml, Path baseDir, List<String> overrides) {
        return parse(yaml, baseDir, overrides, System.getenv());
    }

    /** As {@link #parse(String, Path, List)}, with {@code environment} in place of the process's. */
    static SluiceConfig parse(String yaml, Path baseDir, List<String> overrides, Map<String, String> environment) {
        ConfigTree tree = YamlReader.parse(yaml, "<string>", baseDir.toAbsolutePath());
        Overrides.apply(tree, overrides);
        return new SluiceConfig(tree, environment);
    }

    /**
     * Whether the configuration has a {@code dataset} section. One without describes a pipeline only,
     * its decoder and transforms ({@link ImagePipeline}), and cannot build a loader.
     */
    public boolean hasDataset() {
        return dataset != null || shards != null;
    }

    /**
     * This configuration without its {@code dataset} section, as YAML text with the overrides
     * applied: what a machine without the dataset (an executor of a Spark job) parses with
     * {@link #parse(String, Path, List)} and this configuration's {@link #baseDir()} to build the same
     * {@link ImagePipeline}.
     */
    public String pipelineYaml() {
        Map<String, Object> sections = new LinkedHashMap<>(tree.root());
        sections.remove("dataset");
        return new Dump(DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK).build()).dumpToString(sections);
    }

    /** Whether the dataset is tar shards ({@code dataset.shards}) rather than files named by a label file. */
    public boolean readsShards() {
        return shards != null;
    }

    /** The file the configuration came from, or {@code "<string>"}. */
    public String source() {
        return tree.source();
    }

    /** The folder relative paths resolve against. */
    public Path baseDir() {
        return tree.baseDir();
    }

    ConfigTree tree() {
        return tree;
    }

    /** The dataset of files; null when {@link #readsShards()} or there is no dataset section. */
    DatasetSettings dataset() {
        return dataset;
    }

    /** The shard dataset; null unless {@link #readsShards()}. */
    ShardSettings shards() {
        return shards;
    }

    DecoderSettings decoder() {
        return decoder;
    }

    /**
     * The top level of the configuration, whose {@code transforms} key (absent for no transforms) is
     * the list {@link dev.sluice.core.plugin.TransformResolver} reads.
     */
    Options transforms() {
        Object list = tree.root().get("transforms");
        return list == null ? Options.empty() : Options.of(Map.of("transforms", list));
    }

    LoaderSettings loader() {
        return loader;
    }

    /**
     * A label format's refusal of one of the {@code dataset} section's keys, placed at its line. An
     * unknown key lists every key the section takes (core's and the format's, not only the
     * format's), suggesting the closest; a key only a dataset of the other kind takes says so.
     */
    ConfigException datasetOptionError(OptionsException e) {
        if (e.known().isEmpty() || !e.keyPath().startsWith("dataset.") || e.keyPath().indexOf('.', 8) >= 0) {
            return tree.error(e);
        }
        String key = e.keyPath().substring("dataset.".length());
        Set<String> known = new TreeSet<>(e.known());
        known.addAll(readsShards() ? SHARD_KEYS : DATASET_KEYS);
        Set<String> otherKind = new TreeSet<>(readsShards() ? DATASET_KEYS : SHARD_KEYS);
        otherKind.removeAll(known);
        String suggestion = Suggestions.closest(key, known).map(s -> " Did you mean '" + s + "'?")
                .or(() -> Suggestions.closest(key, otherKind).map(s -> " Did you mean '" + s + "'? It applies to "
                        + (readsShards() ? "a dataset of files (dataset.labels)" : "tar shards (dataset.shards)")
                        + " only."))
                .orElse("");
        return tree.error(e.keyPath(), "unknown key; known: " + String.join(", ", known) + "." + suggestion, e);
    }

    private void requireKnown(String path, Set<String> keys, Set<String> known) {
        for (String key : keys) {
            if (!known.contains(key)) {
                String keyPath = path.isEmpty() ? key : path + "." + key;
                String suggestion = Suggestions.closest(key, known).map(s -> " Did you mean '" + s + "'?").orElse("");
                throw tree.error(keyPath, "unknown key; known: " + String.join(", ", new TreeSet<>(known)) + "."
                        + suggestion);
            }
        }
    }

    private DatasetSettings readDataset(Options options) {
        String format = options.getString("format", "txt");
        if (!options.has("labels")) {
            throw tree.error("dataset.labels", "required: the label file (or the root folder for format folder)");
        }
        Path labels = existing(options, "labels");
        Path root = options.has("root") ? existing(options, "root")
                : Files.isDirectory(labels) ? labels : labels.toAbsolutePath().getParent();
        if (!Files.isDirectory(root)) {
            throw tree.error("dataset.root", "not a folder: " + root);
        }
        return new DatasetSettings(format, labels, root, repeat(options), options.getBoolean("allow_outside_root", false),
                rest(options, DATASET_KEYS));
    }

    private Path existing(Options options, String key) {
        Path path = tree.baseDir().resolve(options.requireString(key)).normalize();
        if (!Files.exists(path)) {
            throw tree.error(options.keyPath(key), "no such file or folder (tried " + path + ")");
        }
        return path;
    }

    private Repeat repeat(Options options) {
        Object value = options.raw("repeat");
        if (value == null) {
            return Repeat.once();
        }
        if ("forever".equals(value)) {
            return Repeat.forever();
        }
        int times = options.getInt("repeat", 1);
        if (times < 1) {
            throw tree.error("dataset.repeat", "must be a count >= 1 or forever, was " + times);
        }
        return Repeat.times(times);
    }

    /**
     * The constant a key names in lower case ({@code mode: gray}), or {@code fallback} when absent.
     *
     * @param keyPath the key's full path, such as {@code decoder.mode}; its last part is the option
     * @param allowed the words accepted, for the message
     */
    private <E extends Enum<E>> E choice(Options options, String keyPath, E fallback, String allowed) {
        String word = options.getString(keyPath.substring(keyPath.lastIndexOf('.') + 1),
                fallback.name().toLowerCase(Locale.ROOT));
        try {
            return Enum.valueOf(fallback.getDeclaringClass(), word.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw tree.error(keyPath, "must be " + allowed + ", was '" + word + "'");
        }
    }

    private DecoderSettings readDecoder(Options options) {
        ColorMode mode = choice(options, "decoder.mode", ColorMode.RGB, "rgb, gray or unchanged");
        // auto (the default): as far as the transforms allow for each image; a number fixes the factor.
        boolean autoReduce = "auto".equals(options.raw("reduce")) || !options.has("reduce");
        int reduce = 1;
        if (!autoReduce) {
            Object value = options.raw("reduce");
            if (!(value instanceof Integer) || !Set.of(1, 2, 4, 8).contains(value)) {
                throw tree.error("decoder.reduce", "must be auto, 1, 2, 4 or 8, was " + (value instanceof String
                        ? "'" + value + "'" : value));
            }
            reduce = (Integer) value;
        }
        long maxPixels = options.getLong("max_pixels", DecodeOptions.DEFAULT_MAX_PIXELS);
        if (maxPixels < 1) {
            throw tree.error("decoder.max_pixels", "must be >= 1, was " + maxPixels);
        }
        DecodeOptions decode = new DecodeOptions(mode, reduce, null, options.getBoolean("apply_exif_orientation", true),
                maxPixels).withStrict(options.getBoolean("strict", true));
        return new DecoderSettings(options.getString("backend", "auto"), decode, autoReduce, rest(options, DECODER_KEYS));
    }

    private LoaderSettings readLoader(Options options, Map<String, String> environment) {
        requireKnown("loader", options.keys(), LOADER_KEYS);
        int batchSize = bounded(options, "batch_size", 1, 1, DataLoaderBuilder.MAX_BATCH_SIZE, "samples");
        int numWorkers = bounded(options, "num_workers", 0, 0, DataLoaderBuilder.MAX_NUM_WORKERS, "worker threads");
        double timeout = options.getDouble("timeout", 0);
        if (timeout < 0 || Double.isNaN(timeout)) {
            throw tree.error("loader.timeout", "must be >= 0 seconds, was " + timeout);
        }
        Integer prefetch = options.has("prefetch_factor")
                ? bounded(options, "prefetch_factor", 2, 1, DataLoaderBuilder.MAX_PREFETCH_FACTOR, "batches per worker")
                : null;
        ErrorPolicy policy = choice(options, "loader.on_error", ErrorPolicy.RAISE, "raise or skip");
        boolean shuffle = options.getBoolean("shuffle", false);
        Rank rank = rank(options, environment);
        SamplerSettings sampler = options.has("sampler") ? SamplerSettings.read(tree, options.raw("sampler")) : null;
        if (sampler != null && shuffle) {
            throw tree.error(SamplerSettings.KEY, "sampler option is mutually exclusive with shuffle");
        }
        if (sampler != null && rank.worldSize() > 1) {
            throw tree.error(SamplerSettings.KEY, "this is rank " + rank.rank() + " of a distributed job of "
                    + rank.worldSize() + ", which reads its share through a DistributedSampler; a sampler of its "
                    + "own cannot be combined with it");
        }
        return new LoaderSettings(batchSize, shuffle, numWorkers,
                options.getBoolean("drop_last", false), options.getLong("seed", 0), policy,
                options.getBoolean("pin_memory", false), timeout, prefetch,
                options.getBoolean("persistent_workers", false), options.getBoolean("in_order", true),
                rank, sampler, options.has("batch_transform")
                        ? BatchTransformSection.read(tree, options.raw("batch_transform")) : null,
                options.getBoolean("warm_up", true));
    }

    /** {@code loader.key} as a count in {@code [min, max]}; the message gives the range and its unit. */
    private int bounded(Options options, String key, int fallback, int min, int max, String unit) {
        long value = options.getLong(key, fallback);
        if (value < min || value > max) {
            throw tree.error("loader." + key, "must be from " + min + " to " + max + " " + unit + ", was " + value);
        }
        return (int) value;
    }

    private Rank rank(Options options, Map<String, String> environment) {
        boolean hasRank = options.has("rank");
        if (hasRank != options.has("world_size")) {
            throw tree.error(hasRank ? "loader.rank" : "loader.world_size", "loader.rank and loader.world_size go "
                    + "together: set both, or neither to take RANK and WORLD_SIZE from the environment");
        }
        if (!hasRank) {
            try {
                return Rank.inEnvironment(environment).orElse(Rank.SINGLE);
            } catch (IllegalStateException e) {
                throw tree.error("loader", "the environment's " + e.getMessage() + "; or set loader.rank and "
                        + "loader.world_size", e);
            }
        }
        int worldSize = options.getInt("world_size", 1);
        if (worldSize < 1) {
            throw tree.error("loader.world_size", "must be >= 1, was " + worldSize);
        }
        int rank = options.getInt("rank", 0);
        if (rank < 0 || rank >= worldSize) {
            throw tree.error("loader.rank", "must be in [0, " + (worldSize - 1) + "] for loader.world_size "
                    + worldSize + ", was " + rank);
        }
        return new Rank(rank, worldSize);
    }

    /** The keys of {@code options} that core does not read, for a plugin's factory. */
    static Options rest(Options options, Set<String> coreKeys) {
        Map<String, Object> rest = new LinkedHashMap<>();
        options.asMap().forEach((key, value) -> {
            if (!coreKeys.contains(key)) {
                rest.put(key, value);
            }
        });
        return Options.of(options.path(), rest);
    }
}
