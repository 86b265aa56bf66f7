package dev.sluice.core.wiring;

import dev.sluice.api.Options;
import dev.sluice.api.Sampler;
import dev.sluice.core.dataset.ImageLabelDataset;
import dev.sluice.core.label.LabelIndex;
import dev.sluice.core.sampler.ClassBalance;
import dev.sluice.core.sampler.RandomSampler;
import dev.sluice.core.sampler.SamplerFiles;
import dev.sluice.core.sampler.SubsetRandomSampler;
import dev.sluice.core.sampler.WeightedRandomSampler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code loader.sampler}: which dataset indices an epoch reads, as PyTorch's samplers, one of
 * <pre>{@code
 * sampler: random                                   # RandomSampler(dataset)
 * sampler: {random: {replacement: true, num_samples: 5000}}
 * sampler: {weighted: {weights: weights.txt}}       # one weight per sample, per line
 * sampler: {weighted: {weights: inverse_class_frequency, num_samples: 5000, replacement: true}}
 * sampler: {subset: {indices: train-indices.txt}}   # SubsetRandomSampler: one index per line
 * }</pre>
 * A distributed job's {@code DistributedSampler} is implied by {@code loader.rank}/{@code world_size}
 * (or {@code RANK}/{@code WORLD_SIZE}) and is not named here. Samplers draw from the loader's seed.
 *
 * @param kind {@code random}, {@code weighted} or {@code subset}
 * @param replacement whether an index may be drawn again within an epoch
 * @param numSamples indices per epoch, or null for the sampler's default (the dataset's size)
 * @param file the weights or indices file, or null
 * @param inverseClassFrequency for {@code weighted}: weights computed from the labels
 */
record SamplerSettings(String kind, boolean replacement, Long numSamples, Path file, boolean inverseClassFrequency) {
    static final String KEY = "loader.sampler";
    /** The {@code weights} word that asks for weights from the labels rather than a file. */
    static final String INVERSE_CLASS_FREQUENCY = "inverse_class_frequency";
    private static final Map<String, Set<String>> KEYS = Map.of("random", Set.of("replacement", "num_samples"),
            "weighted", Set.of("weights", "num_samples", "replacement"), "subset", Set.of("indices"));

    /** The settings {@code value} describes: a sampler's name, or a map of one name to its options. */
    static SamplerSettings read(ConfigTree tree, Object value) {
        String kind;
        Options options;
        if (value instanceof String name) {
            kind = name;
            options = Options.of(KEY + "." + name, Map.of());
        } else if (value instanceof Map<?, ?> map && map.size() == 1) {
            kind = String.valueOf(map.keySet().iterator().next());
            Object inner = map.values().iterator().next();
            if (inner != null && !(inner instanceof Map<?, ?>)) {
                throw tree.error(KEY + "." + kind, "must be a map of the sampler's options, was " + inner);
            }
            options = tree.options(KEY + "." + kind, inner == null ? Map.of() : (Map<?, ?>) inner);
        } else {
            throw tree.error(KEY, "must name one sampler (random, weighted or subset), alone or with its options as "
                    + "{weighted: {weights: weights.txt}}, was " + value);
        }
        if (kind.equals("distributed")) {
            throw tree.error(KEY, "distributed is implied by loader.rank and loader.world_size (or the environment's "
                    + "RANK and WORLD_SIZE), not named here");
        }
        Set<String> known = KEYS.get(kind);
        if (known == null) {
            throw tree.error(KEY, "unknown sampler '" + kind + "'; known: random, weighted, subset");
        }
        for (String key : options.keys()) {
            if (!known.contains(key)) {
                throw tree.error(options.keyPath(key), "unknown key; known: " + String.join(", ", new TreeSet<>(known)));
            }
        }
        boolean replacement = replacement(tree, options, kind.equals("weighted"));
        Long numSamples = numSamples(tree, options);
        return switch (kind) {
            case "weighted" -> {
                Object weights = options.raw("weights");
                if (weights == null) {
                    throw tree.error(options.keyPath("weights"), "required: a file of one weight per sample, or "
                            + INVERSE_CLASS_FREQUENCY + " to weigh each sample by 1 / (samples of its class)");
                }
                boolean balance = INVERSE_CLASS_FREQUENCY.equals(weights);
                yield new SamplerSettings(kind, replacement, numSamples, balance ? null
                        : existingFile(tree, options, "weights"), balance);
            }
            case "subset" -> {
                if (!options.has("indices")) {
                    throw tree.error(options.keyPath("indices"), "required: a file of one dataset index per line");
                }
                yield new SamplerSettings(kind, false, null, existingFile(tree, options, "indices"), false);
            }
            default -> new SamplerSettings(kind, replacement, numSamples, null, false);
        };
    }

    /** PyTorch's check and words: {@code replacement should be a boolean value, but got replacement=1}. */
    private static boolean replacement(ConfigTree tree, Options options, boolean fallback) {
        Object value = options.raw("replacement");
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof Boolean flag)) {
            throw tree.error(options.keyPath("replacement"), "replacement should be a boolean value, but got "
                    + "replacement=" + value);
        }
        return flag;
    }

    /** PyTorch's check and words: {@code num_samples should be a positive integer value, but got num_samples=0}. */
    private static Long numSamples(ConfigTree tree, Options options) {
        Object value = options.raw("num_samples");
        if (value == null) {
            return null;
        }
        if (!(value instanceof Integer || value instanceof Long) || ((Number) value).longValue() <= 0) {
            throw tree.error(options.keyPath("num_samples"), "num_samples should be a positive integer value, but "
                    + "got num_samples=" + value);
        }
        return ((Number) value).longValue();
    }

    private static Path existingFile(ConfigTree tree, Options options, String key) {
        Object value = options.raw(key);
        if (!(value instanceof String name)) {
            throw tree.error(options.keyPath(key), "must be a file name, was " + value);
        }
        Path path = tree.baseDir().resolve(name).normalize();
        if (!Files.exists(path)) {
            throw tree.error(options.keyPath(key), "no such file (tried " + path + ")");
        }
        return path;
    }

    /** The key path of the option a problem with the built sampler belongs to. */
    String keyPath(String option) {
        return KEY + "." + kind + "." + option;
    }

    /**
     * The sampler over {@code dataset}, seeded by {@code seed}.
     *
     * @throws IOException naming the file and line of a bad weight or index
     * @throws IllegalArgumentException as the sampler's constructor refuses its arguments
     */
    Sampler build(ImageLabelDataset<?> dataset, long seed) throws IOException {
        long size = dataset.size();
        return switch (kind) {
            case "random" -> replacement ? RandomSampler.withReplacement(size, numSamples == null ? size : numSamples, seed)
                    : RandomSampler.withoutReplacement(size, numSamples == null ? size : numSamples, seed);
            case "weighted" -> {
                double[] weights = inverseClassFrequency ? ClassBalance.inverseFrequency(classes(dataset))
                        : SamplerFiles.weights(file, size);
                yield new WeightedRandomSampler(weights, numSamples == null ? weights.length : numSamples,
                        replacement, seed);
            }
            case "subset" -> new SubsetRandomSampler(SamplerFiles.indices(file, size), seed);
            default -> throw new IllegalStateException("unknown sampler " + kind);
        };
    }

    /** The class of each dataset sample (a repeated dataset's samples repeat its entries). */
    private static long[] classes(ImageLabelDataset<?> dataset) {
        LabelIndex index = dataset.labelIndex();
        long size = dataset.size();
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("the dataset has " + size + " samples, more than per-sample weights "
                    + "can be held for");
        }
        long[] classes = new long[(int) size];
        for (int i = 0; i < classes.length; i++) {
            long entry = i % index.size();
            if (index.labelCount(entry) != 1) {
                throw new IllegalArgumentException(index.origin(entry).orElse("entry " + entry) + " has "
                        + index.labelCount(entry) + " labels; " + INVERSE_CLASS_FREQUENCY + " needs one class per "
                        + "sample");
            }
            classes[i] = index.label(entry, 0);
        }
        return classes;
    }
}
