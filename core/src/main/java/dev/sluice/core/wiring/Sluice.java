package dev.sluice.core.wiring;

import dev.sluice.api.DecodeOptions;
import dev.sluice.api.Image;
import dev.sluice.api.ImageDecoder;
import dev.sluice.api.Transform;
import dev.sluice.core.collate.LabeledBatch;
import dev.sluice.core.dataset.ImageLabelDataset;
import dev.sluice.core.dataset.LabeledSample;
import dev.sluice.core.loader.DataLoader;
import dev.sluice.core.plugin.PluginRegistry;
import java.nio.file.Path;

/**
 * The loader a configuration describes, for applications without Guice; it builds the same graph
 * as {@link SluiceModule}.
 *
 * <pre>{@code
 * try (DataLoader<LabeledSample<Object>, LabeledBatch> loader = Sluice.fromConfig(Path.of("sluice.yaml"))) {
 *     for (LabeledBatch batch : loader) {
 *         train(batch.images(), batch.labels());
 *     }
 * }
 * }</pre>
 */
public final class Sluice {
    private Sluice() {
    }

    /**
     * Reads {@code file} and builds its loader with the plugins on the class path: over the image
     * files its label file names, or over its tar shards ({@link dev.sluice.core.shard.ShardDataset}).
     *
     * @throws ConfigException for a wrong configuration, naming file, key and line
     * @throws dev.sluice.core.plugin.PluginException when a named plugin is missing or unavailable
     * @throws java.io.UncheckedIOException when the label source cannot be read or is malformed
     */
    public static DataLoader<LabeledSample<Object>, LabeledBatch> fromConfig(Path file) {
        return fromConfig(SluiceConfig.load(file), PluginRegistry.discover(defaultClassLoader()));
    }

    /** Builds the loader {@code config} describes with the given plugins; throws as {@link #fromConfig(Path)}. */
    public static DataLoader<LabeledSample<Object>, LabeledBatch> fromConfig(SluiceConfig config, PluginRegistry plugins) {
        ConfiguredParts assembly = new ConfiguredParts(config, plugins);
        // Plugins and parameters first, so that a typo is reported before a large label file is read; the
        // transforms before the decoder, so that the warm-up runs them while the decoder loads.
        Transform<Image, Object> pipeline = assembly.pipeline();
        DecodeOptions options = assembly.decodeOptions(pipeline);
        try (WarmUp warmUp = assembly.warmUp(pipeline, options)) {
            ImageDecoder decoder = assembly.decoder();
            warmUp.decodeWith(decoder);
            DataLoader<LabeledSample<Object>, LabeledBatch> loader = config.readsShards()
                    ? assembly.loader(assembly.shardDataset(decoder, options, pipeline))
                    : assembly.loader(assembly.dataset(assembly.labelIndex(), decoder, options, pipeline));
            warmUp.awaitMinimum();
            return loader;
        }
    }

    /**
     * The loader {@code config} describes with its transforms left out and its batches not assembled:
     * for measuring what decoding alone costs on the loader's own threads ({@code sluice bench
     * --decode-only}). Its workers read and decode the same files in the same order as the configured
     * loader's, with the same decoder and decode options (under {@code decoder.reduce: auto}, the
     * factors the configured transforms allow), and each batch is the number of images decoded into
     * it, each image dropped as soon as it is decoded. The batch transform ({@code loader.batch_transform}), having
     * no tensors to mix, is left out too. Throws as {@link #fromConfig(Path)}.
     */
    public static DataLoader<LabeledSample<Object>, Integer> decodeOnly(SluiceConfig config, PluginRegistry plugins) {
        ConfiguredParts assembly = new ConfiguredParts(config, plugins);
        // The decode options of the configured transforms, so that reduce: auto reduces as the full loader does.
        DecodeOptions options = assembly.decodeOptions(assembly.pipeline());
        try (WarmUp warmUp = assembly.warmUp(DecodedSize.OF_IMAGE, options)) {
            ImageDecoder decoder = assembly.decoder();
            warmUp.decodeWith(decoder);
            DataLoader<LabeledSample<Object>, Integer> loader = config.readsShards()
                    ? assembly.countingLoader(assembly.shardDataset(decoder, options, DecodedSize.OF_IMAGE))
                    : assembly.countingLoader(assembly.dataset(assembly.labelIndex(), decoder, options,
                            DecodedSize.OF_IMAGE));
            warmUp.awaitMinimum();
            return loader;
        }
    }

    static ClassLoader defaultClassLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : Sluice.class.getClassLoader();
    }
}
