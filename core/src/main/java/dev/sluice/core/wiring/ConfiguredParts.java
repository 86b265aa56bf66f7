package dev.sluice.core.wiring;

import dev.sluice.api.ColorMode;
import dev.sluice.api.DecodeOptions;
import dev.sluice.api.Image;
import dev.sluice.api.ImageDecoder;
import dev.sluice.api.LabelFormat;
import dev.sluice.api.Options;
import dev.sluice.api.Sampler;
import dev.sluice.api.OptionsException;
import dev.sluice.api.ReduceLimit;
import dev.sluice.api.Transform;
import dev.sluice.api.spi.LabelFormatProvider;
import dev.sluice.core.collate.LabeledBatch;
import dev.sluice.core.collate.LabeledCollate;
import dev.sluice.core.dataset.ImageLabelDataset;
import dev.sluice.core.dataset.LabeledSample;
import dev.sluice.core.label.LabelIndex;
import dev.sluice.core.loader.DataLoader;
import dev.sluice.core.loader.DataLoaderBuilder;
import dev.sluice.core.plugin.PluginKind;
import dev.sluice.core.plugin.PluginRegistry;
import dev.sluice.core.plugin.TransformResolver;
import dev.sluice.core.sampler.DistributedSampler;
import dev.sluice.core.sampler.Rank;
import dev.sluice.core.shard.ShardDataset;
import dev.sluice.core.shard.ShardDatasetBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds each part of a configured loader from a {@link SluiceConfig} and the plugins found. The
 * Guice module and {@link Sluice#fromConfig} both build through it, so the graph is the same with
 * and without Guice; each method takes its dependencies as arguments, so Guice can substitute any.
 */
final class ConfiguredParts {
    private static final Logger LOG = LoggerFactory.getLogger(ConfiguredParts.class);
    private final SluiceConfig config;
    private final PluginRegistry plugins;

    ConfiguredParts(SluiceConfig config, PluginRegistry plugins) {
        this.config = config;
        this.plugins = plugins;
    }

    ImageDecoder decoder() {
        DecoderSettings settings = config.decoder();
        try {
            return plugins.decoder(settings.backend(), settings.backendOptions(), config.tree().where("decoder.backend"));
        } catch (OptionsException e) {
            throw config.tree().error(e);
        }
    }

    /** The decode options as configured, without automatic reduction: for decoding outside the pipeline. */
    DecodeOptions decodeOptions() {
        return config.decoder().decodeOptions();
    }

    /**
     * The decode options for images that go through {@code pipeline}: under {@code reduce: auto},
     * each is decoded at the largest factor the pipeline allows for its size
     * ({@link Transform#reduceLimit}); with a fixed {@code reduce}, at that factor.
     */
    DecodeOptions decodeOptions(Transform<Image, Object> pipeline) {
        DecoderSettings settings = config.decoder();
        DecodeOptions options = withinHeap(settings.decodeOptions());
        if (!settings.autoReduce()) {
            return options;
        }
        return options.withAutoReduce(pipeline.reduceLimit(ReduceLimit.NONE));
    }

    /**
     * The options with their pixel limit lowered to what the loader's workers can decode at once
     * within this JVM's heap ({@link DecodeBudget}), so that a too-large image is a sample error
     * naming it, which {@code on_error: skip} skips, and not an OutOfMemoryError that ends the run.
     */
    private DecodeOptions withinHeap(DecodeOptions options) {
        int workers = config.loader().numWorkers();
        long budget = DecodeBudget.maxPixels(Runtime.getRuntime().maxMemory(), workers, options.mode());
        if (budget >= options.maxPixels()) {
            return options;
        }
        LOG.info("decoder.max_pixels lowered from {} to {}: {} workers decoding {} images at once fit in the {} MB heap "
                + "(-Xmx) with images of at most that size", options.maxPixels(), budget, Math.max(1, workers),
                options.mode(), Runtime.getRuntime().maxMemory() >> 20);
        return options.withMaxPixels(budget);
    }

    /**
     * The transforms in order, checked end to end from the decoder's image on: each takes what the
     * one before gives, and the channels it gets (from {@code decoder.mode}, where the mode fixes them).
     * Built by core's one transform resolver, which hands the list to the transform pack's chain
     * (fusing the runs it knows) when there is one.
     */
    @SuppressWarnings("unchecked")
    Transform<Image, Object> pipeline() {
        ColorMode mode = config.decoder().decodeOptions().mode();
        Transform<Image, Object> pipeline;
        try {
            pipeline = (Transform<Image, Object>) (Transform<?, ?>) new TransformResolver(plugins)
                    .pipeline(config.transforms(), "transforms", Image.class, mode.channels(), "the decoder");
        } catch (OptionsException e) {
            throw config.tree().error(e);
        }
        boolean noTransforms = !(config.transforms().raw("transforms") instanceof List<?> steps) || steps.isEmpty();
        if (config.loader().batchTransform() != null && (noTransforms
                || Image.class.isAssignableFrom(pipeline.outputType()))) {
            throw config.tree().error(BatchTransformSection.KEY, "mixes batches of tensors [N, C, H, W], but the "
                    + "transforms end with decoded images (a batch of them is uint8 N x H x W x C): end them with "
                    + "to_tensor");
        }
        return pipeline;
    }

    /**
     * Starts warming up {@code pipeline} on images decoded with {@code decodeOptions} ({@link WarmUp}),
     * or, under {@code loader.warm_up: false}, a warm-up that does nothing; the caller closes it
     * before the loader is handed out.
     */
    WarmUp warmUp(Transform<Image, Object> pipeline, DecodeOptions decodeOptions) {
        LoaderSettings settings = config.loader();
        return settings.warmUp() ? WarmUp.start(pipeline, decodeOptions, settings.pinMemory()) : WarmUp.none();
    }

    /** The label format the dataset section names, made with the section's remaining keys. */
    private LabelFormat labelFormat(String id, Options options) {
        LabelFormatProvider provider = plugins.require(PluginKind.LABEL_FORMAT, LabelFormatProvider.class, id,
                config.tree().where("dataset.format"));
        try {
            return provider.create(options);
        } catch (OptionsException e) {
            throw config.datasetOptionError(e);
        }
    }

    LabelIndex labelIndex() {
        DatasetSettings settings = requireFiles("label index");
        LabelFormat format = labelFormat(settings.format(), settings.formatOptions());
        try {
            return settings.allowOutsideRoot()
                    ? LabelIndex.readAllowingOutsideRoot(format, settings.labels(), settings.root())
                    : LabelIndex.read(format, settings.labels(), settings.root());
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    ImageLabelDataset<Object> dataset(LabelIndex index, ImageDecoder decoder, DecodeOptions decodeOptions,
            Transform<Image, Object> pipeline) {
        DatasetSettings settings = requireFiles("dataset of image files");
        if (config.loader().batchSize() > 1 && index.unequalLabelCounts().isPresent()) {
            throw config.tree().error("dataset.labels", index.unequalLabelCounts().get() + ": a batch stacks the labels of "
                    + "its samples, which needs the same number on every line (PyTorch's default collate refuses them too)");
        }
        if (index.hasTargets() && !pipeline.carriesTargets()) {
            try {
                new TransformResolver(plugins).requireTargets(config.transforms(), "transforms",
                        "the label format '" + settings.format() + "'");
            } catch (OptionsException e) {
                throw config.tree().error(e);
            }
            throw config.tree().error("transforms", "cannot move the boxes, masks or key points the label format '"
                    + settings.format() + "' gives each sample");
        }
        return ImageLabelDataset.builder(index, settings.root(), decoder).decodeOptions(decodeOptions)
                .allowOutsideRoot(settings.allowOutsideRoot()).transform(pipeline).repeat(settings.repeat()).build();
    }

    /** The shard dataset: split by the loader's rank, shuffled when the loader shuffles, seeded by its seed. */
    ShardDataset<Object> shardDataset(ImageDecoder decoder, DecodeOptions decodeOptions,
            Transform<Image, Object> pipeline) {
        requireDataset();
        ShardSettings settings = config.shards();
        if (settings == null) {
            throw config.tree().error("dataset", "names no shards (dataset.shards), so there is no shard dataset");
        }
        LoaderSettings loader = config.loader();
        ShardDatasetBuilder<Object> builder = ShardDataset.builder(settings.shards(), decoder)
                .decodeOptions(decodeOptions).transform(pipeline).imageExtensions(settings.imageMembers())
                .seed(loader.seed()).shuffle(loader.shuffle()).shuffleBuffer(settings.shuffleBuffer())
                .rank(loader.rank()).onError(loader.onError());
        if (settings.labelMember() == null) {
            builder.noLabels();
        } else {
            builder.labels(settings.labelMember(), labelFormat(settings.format(), settings.formatOptions()));
        }
        return builder.build();
    }

    private DatasetSettings requireFiles(String what) {
        requireDataset();
        if (config.dataset() == null) {
            throw config.tree().error("dataset", "names shards (dataset.shards), so there is no " + what);
        }
        return config.dataset();
    }

    private void requireDataset() {
        if (!config.hasDataset()) {
            throw config.tree().error("dataset", "required to build a loader: name a label file (dataset.labels) or "
                    + "tar shards (dataset.shards)");
        }
    }

    /**
     * The loader over a dataset of files; in a distributed job (world size above 1) it reads this
     * rank's share through a {@link DistributedSampler}, shuffled when the loader shuffles.
     */
    DataLoader<LabeledSample<Object>, LabeledBatch> loader(ImageLabelDataset<Object> dataset) {
        LoaderSettings settings = config.loader();
        try {
            DataLoaderBuilder<LabeledSample<Object>, LabeledBatch> builder = configured(DataLoader.builder(dataset), dataset);
            if (settings.batchTransform() != null) {
                builder.batchTransform(settings.batchTransform());
            }
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw config.tree().error("loader", e.getMessage(), e);
        }
    }

    /**
     * The loader over {@code dataset} as configured (rank, sampler, batches, workers, order), with
     * batches that only count their samples ({@link Sluice#decodeOnly}); without the batch transform,
     * which has no tensors to mix.
     */
    DataLoader<LabeledSample<Object>, Integer> countingLoader(ImageLabelDataset<Object> dataset) {
        try {
            return configured(DataLoader.builder(dataset).collate(SampleCount.INSTANCE), dataset).build();
        } catch (IllegalArgumentException e) {
            throw config.tree().error("loader", e.getMessage(), e);
        }
    }

    /** As {@link #countingLoader(ImageLabelDataset)}, over tar shards, which split and shuffle themselves. */
    DataLoader<LabeledSample<Object>, Integer> countingLoader(ShardDataset<Object> dataset) {
        try {
            return config.loader().applyTo(DataLoader.builder(dataset), false).collate(SampleCount.INSTANCE).build();
        } catch (IllegalArgumentException e) {
            throw config.tree().error("loader", e.getMessage(), e);
        }
    }

    /** {@code builder} with the loader section's settings, its rank's share and its sampler. */
    private <B> DataLoaderBuilder<LabeledSample<Object>, B> configured(DataLoaderBuilder<LabeledSample<Object>, B> builder,
            ImageLabelDataset<Object> dataset) {
        LoaderSettings settings = config.loader();
        Rank rank = settings.rank();
        if (rank.worldSize() > 1) {
            settings.applyTo(builder, false).sampler(new DistributedSampler(dataset.size(), rank.worldSize(),
                    rank.rank(), settings.shuffle(), settings.seed(), false));
        } else {
            settings.applyTo(builder, true);
        }
        if (settings.sampler() != null) {
            builder.sampler(sampler(settings.sampler(), dataset, settings.seed()));
        }
        return builder;
    }

    /** The configured sampler over {@code dataset}; a bad file or argument is an error at the sampler's key. */
    private Sampler sampler(SamplerSettings settings, ImageLabelDataset<Object> dataset, long seed) {
        String option = settings.kind().equals("subset") ? "indices" : settings.kind().equals("weighted")
                ? "weights" : "num_samples";
        try {
            return settings.build(dataset, seed);
        } catch (IOException e) {
            throw config.tree().error(settings.keyPath(option), e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw config.tree().error(settings.file() == null && !settings.inverseClassFrequency()
                    ? SamplerSettings.KEY : settings.keyPath(option), e.getMessage(), e);
        }
    }

    /** The loader over a shard dataset, which splits and shuffles itself. */
    DataLoader<LabeledSample<Object>, LabeledBatch> loader(ShardDataset<Object> dataset) {
        try {
            return config.loader().applyTo(DataLoader.builder(dataset), false).collate(new LabeledCollate()).build();
        } catch (IllegalArgumentException e) {
            throw config.tree().error("loader", e.getMessage(), e);
        }
    }
}
