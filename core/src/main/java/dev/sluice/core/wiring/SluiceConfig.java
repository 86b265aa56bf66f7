package dev.sluice.core.wiring;

import dev.sluice.api.ColorMode;
import dev.sluice.api.DecodeOptions;
import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;
import dev.sluice.api.Suggestions;
import dev.sluice.core.dataset.Repeat;
import dev.sluice.core.loader.ErrorPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A whole loader described in YAML: the dataset (label format, label file, image root, repeat),
 * the decoder (backend and decode options), the transform pipeline, and the DataLoader options.
 * Relative paths resolve against the file's folder. Core keys are checked here, each error naming
 * the file, key path and line; keys a plugin defines are passed to its factory, and its errors are
 * placed at their line too when the loader is assembled.
 *
 * <pre>{@code
 * SluiceConfig config = SluiceConfig.load(Path.of("sluice.yaml"), List.of("loader.num_workers=4"));
 * }</pre>
 */
public final class SluiceConfig {
    private static final Set<String> SECTIONS = Set.of("dataset", "decoder", "transforms", "loader");
    private static final Set<String> DATASET_KEYS = Set.of("format", "labels", "root", "repeat", "allow_outside_root");
    private static final Set<String> DECODER_KEYS = Set.of("backend", "mode", "reduce", "apply_exif_orientation",
            "max_pixels");
    private static final Set<String> LOADER_KEYS = Set.of("batch_size", "shuffle", "num_workers", "drop_last", "seed",
            "on_error", "pin_memory", "timeout", "prefetch_factor", "persistent_workers", "in_order");

    private final ConfigTree tree;
    private final DatasetSettings dataset;
    private final DecoderSettings decoder;
    private final List<TransformStep> transforms;
    private final LoaderSettings loader;

    private SluiceConfig(ConfigTree tree) {
        this.tree = tree;
        requireKnown("", tree.root().keySet(), SECTIONS);
        try {
            this.dataset = readDataset(tree.section("dataset"));
            this.decoder = readDecoder(tree.section("decoder"));
            this.transforms = readTransforms();
            this.loader = readLoader(tree.section("loader"));
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
        return new SluiceConfig(tree);
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
        ConfigTree tree = YamlReader.parse(yaml, "<string>", baseDir.toAbsolutePath());
        Overrides.apply(tree, overrides);
        return new SluiceConfig(tree);
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

    DatasetSettings dataset() {
        return dataset;
    }

    DecoderSettings decoder() {
        return decoder;
    }

    List<TransformStep> transforms() {
        return transforms;
    }

    LoaderSettings loader() {
        return loader;
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

    private DecoderSettings readDecoder(Options options) {
        String modeName = options.getString("mode", "rgb");
        ColorMode mode;
        try {
            mode = ColorMode.valueOf(modeName.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw tree.error("decoder.mode", "must be rgb, gray or unchanged, was '" + modeName + "'");
        }
        int reduce = options.getInt("reduce", 1);
        if (reduce != 1 && reduce != 2 && reduce != 4 && reduce != 8) {
            throw tree.error("decoder.reduce", "must be 1, 2, 4 or 8, was " + reduce);
        }
        long maxPixels = options.getLong("max_pixels", DecodeOptions.DEFAULT_MAX_PIXELS);
        if (maxPixels < 1) {
            throw tree.error("decoder.max_pixels", "must be >= 1, was " + maxPixels);
        }
        DecodeOptions decode = new DecodeOptions(mode, reduce, null, options.getBoolean("apply_exif_orientation", true),
                maxPixels);
        return new DecoderSettings(options.getString("backend", "auto"), decode, rest(options, DECODER_KEYS));
    }

    private List<TransformStep> readTransforms() {
        Object value = tree.root().get("transforms");
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> items)) {
            throw tree.error("transforms", "must be a list of transforms, e.g. '- resize: {size: 256}'");
        }
        List<TransformStep> steps = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String path = "transforms[" + i + "]";
            Object item = items.get(i);
            if (item instanceof String id) {
                steps.add(new TransformStep(id, Options.of(path + "." + id, Map.of())));
            } else if (item instanceof Map<?, ?> map && map.size() == 1) {
                Map.Entry<?, ?> entry = map.entrySet().iterator().next();
                String id = String.valueOf(entry.getKey());
                Object parameters = entry.getValue();
                if (parameters != null && !(parameters instanceof Map<?, ?>)) {
                    throw tree.error(path + "." + id, "the parameters must be a map, e.g. {size: 256}, was " + parameters);
                }
                Map<?, ?> params = parameters == null ? Map.of() : (Map<?, ?>) parameters;
                steps.add(new TransformStep(id, tree.options(path + "." + id, params)));
            } else {
                throw tree.error(path, "each transform is one id with its parameters, e.g. '- resize: {size: 256}'");
            }
        }
        return List.copyOf(steps);
    }

    private LoaderSettings readLoader(Options options) {
        requireKnown("loader", options.keys(), LOADER_KEYS);
        int batchSize = options.getInt("batch_size", 1);
        if (batchSize < 1) {
            throw tree.error("loader.batch_size", "must be >= 1, was " + batchSize);
        }
        int numWorkers = options.getInt("num_workers", 0);
        if (numWorkers < 0) {
            throw tree.error("loader.num_workers", "must be >= 0, was " + numWorkers);
        }
        double timeout = options.getDouble("timeout", 0);
        if (timeout < 0) {
            throw tree.error("loader.timeout", "must be >= 0 seconds, was " + timeout);
        }
        Integer prefetch = options.has("prefetch_factor") ? options.getInt("prefetch_factor", 2) : null;
        if (prefetch != null && prefetch < 1) {
            throw tree.error("loader.prefetch_factor", "must be >= 1, was " + prefetch);
        }
        String onError = options.getString("on_error", "raise");
        ErrorPolicy policy;
        try {
            policy = ErrorPolicy.valueOf(onError.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw tree.error("loader.on_error", "must be raise or skip, was '" + onError + "'");
        }
        return new LoaderSettings(batchSize, options.getBoolean("shuffle", false), numWorkers,
                options.getBoolean("drop_last", false), options.getLong("seed", 0), policy,
                options.getBoolean("pin_memory", false), timeout, prefetch,
                options.getBoolean("persistent_workers", false), options.getBoolean("in_order", true));
    }

    /** The keys of {@code options} that core does not read, for a plugin's factory. */
    private static Options rest(Options options, Set<String> coreKeys) {
        Map<String, Object> rest = new LinkedHashMap<>();
        options.asMap().forEach((key, value) -> {
            if (!coreKeys.contains(key)) {
                rest.put(key, value);
            }
        });
        return Options.of(options.path(), rest);
    }
}
