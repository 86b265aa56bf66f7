package dev.sluice.core.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provider;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.sluice.api.DecodeOptions;
import dev.sluice.api.Image;
import dev.sluice.api.ImageDecoder;
import dev.sluice.api.Transform;
import dev.sluice.core.collate.LabeledBatch;
import dev.sluice.core.dataset.ImageLabelDataset;
import dev.sluice.core.dataset.LabeledSample;
import dev.sluice.core.label.LabelIndex;
import dev.sluice.core.loader.DataLoader;
import dev.sluice.core.plugin.PluginRegistry;
import dev.sluice.core.shard.ShardDataset;
import java.util.Objects;

/**
 * Binds a configured loader for a Guice application: the chosen {@link ImageDecoder}, the
 * {@link DecodeOptions} (which, under {@code decoder.reduce: auto}, carry the bound pipeline's
 * reduce limit), the transform pipeline ({@code Transform<Image, Object>}), the
 * {@link LabelIndex}, the dataset ({@code ImageLabelDataset<Object>}, or {@code ShardDataset<Object>}
 * when the configuration names shards) and the {@code DataLoader<LabeledSample<Object>, LabeledBatch>},
 * each a singleton built from the ones before it. Asking for the kind of dataset the configuration
 * does not describe is a {@link ConfigException}. Install it and override any binding with
 * {@code Modules.override}:
 *
 * <pre>{@code
 * Injector injector = Guice.createInjector(Modules.override(new SluiceModule(SluiceConfig.load(path)))
 *         .with(binder -> binder.bind(ImageDecoder.class).toInstance(myDecoder)));
 * DataLoader<LabeledSample<Object>, LabeledBatch> loader =
 *         injector.getInstance(Key.get(new TypeLiteral<DataLoader<LabeledSample<Object>, LabeledBatch>>() {}));
 * }</pre>
 *
 * The application owns the loader and closes it.
 */
public final class SluiceModule extends AbstractModule {
    private final SluiceConfig config;
    private final PluginRegistry plugins;

    /** A module for {@code config} with the plugins on the thread's context class path. */
    public SluiceModule(SluiceConfig config) {
        this(config, PluginRegistry.discover(Sluice.defaultClassLoader()));
    }

    /** A module for {@code config} with the given plugins. */
    public SluiceModule(SluiceConfig config, PluginRegistry plugins) {
        this.config = Objects.requireNonNull(config, "config");
        this.plugins = Objects.requireNonNull(plugins, "plugins");
    }

    @Override
    protected void configure() {
        bind(SluiceConfig.class).toInstance(config);
        bind(PluginRegistry.class).toInstance(plugins);
    }

    @Provides
    @Singleton
    ConfiguredParts assembly() {
        return new ConfiguredParts(config, plugins);
    }

    @Provides
    @Singleton
    ImageDecoder decoder(ConfiguredParts assembly) {
        return assembly.decoder();
    }

    @Provides
    DecodeOptions decodeOptions(ConfiguredParts assembly, Transform<Image, Object> pipeline) {
        return assembly.decodeOptions(pipeline);
    }

    @Provides
    @Singleton
    Transform<Image, Object> pipeline(ConfiguredParts assembly) {
        return assembly.pipeline();
    }

    @Provides
    @Singleton
    LabelIndex labelIndex(ConfiguredParts assembly) {
        return assembly.labelIndex();
    }

    @Provides
    @Singleton
    ImageLabelDataset<Object> dataset(ConfiguredParts assembly, LabelIndex index, ImageDecoder decoder,
            DecodeOptions decodeOptions, Transform<Image, Object> pipeline) {
        return assembly.dataset(index, decoder, decodeOptions, pipeline);
    }

    @Provides
    @Singleton
    ShardDataset<Object> shardDataset(ConfiguredParts assembly, ImageDecoder decoder, DecodeOptions decodeOptions,
            Transform<Image, Object> pipeline) {
        return assembly.shardDataset(decoder, decodeOptions, pipeline);
    }

    @Provides
    @Singleton
    DataLoader<LabeledSample<Object>, LabeledBatch> loader(ConfiguredParts assembly, Provider<ImageLabelDataset<Object>> files,
            Provider<ShardDataset<Object>> shards) {
        return config.readsShards() ? assembly.loader(shards.get()) : assembly.loader(files.get());
    }
}
