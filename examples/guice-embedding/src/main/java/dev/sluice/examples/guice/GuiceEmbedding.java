package dev.sluice.examples.guice;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.TypeLiteral;
import com.google.inject.util.Modules;
import dev.sluice.api.ImageDecoder;
import dev.sluice.api.Options;
import dev.sluice.core.collate.LabeledBatch;
import dev.sluice.core.dataset.LabeledSample;
import dev.sluice.core.loader.DataLoader;
import dev.sluice.core.plugin.PluginRegistry;
import dev.sluice.core.wiring.SluiceConfig;
import dev.sluice.core.wiring.SluiceModule;
import java.nio.file.Path;

/**
 * Embedding Sluice in a Guice application: install {@link SluiceModule} (built from a YAML file)
 * into the application's injector, and override the one binding the application wants to own, here
 * the {@link ImageDecoder}, with {@link Modules#override}. Everything else (transforms, dataset,
 * loader) stays as the configuration says, and the decoder the override binds is used by the
 * dataset the module builds.
 *
 * <pre>{@code
 * java -cp ... dev.sluice.examples.guice.GuiceEmbedding examples/sample-data/sluice.yaml
 * }</pre>
 */
public final class GuiceEmbedding {
    /** The key of the loader {@link SluiceModule} binds; the application owns it and closes it. */
    public static final Key<DataLoader<LabeledSample<Object>, LabeledBatch>> LOADER =
            Key.get(new TypeLiteral<DataLoader<LabeledSample<Object>, LabeledBatch>>() { });

    private GuiceEmbedding() {
    }

    /**
     * The application's modules: Sluice's, with the decoder replaced by a {@link CachingDecoder}
     * around the decoder {@code backend: auto} chooses (each file to the best decoder for its format).
     */
    public static Module modules(SluiceConfig config) {
        return Modules.override(new SluiceModule(config)).with(new AbstractModule() {
            @Provides
            @Singleton
            ImageDecoder decoder(PluginRegistry plugins) {
                // SluiceModule binds the PluginRegistry it discovered; the override may use it too.
                return new CachingDecoder(plugins.decoder(PluginRegistry.AUTO, Options.empty(), "GuiceEmbedding"));
            }
        });
    }

    /**
     * Trains two epochs on the configuration in {@code args[0]}, then says how often the decoder
     * really decoded.
     *
     * @param args one path: a Sluice YAML configuration
     */
    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: GuiceEmbedding CONFIG.yaml");
            System.exit(2);
        }
        Injector injector = Guice.createInjector(modules(SluiceConfig.load(Path.of(args[0]))));
        DataLoader<LabeledSample<Object>, LabeledBatch> loader = injector.getInstance(LOADER);
        try {
            long samples = injector.getInstance(Trainer.class).train(2, System.out);
            CachingDecoder decoder = (CachingDecoder) injector.getInstance(ImageDecoder.class);
            System.out.println(samples + " samples, " + decoder.decodes() + " decodes: the second epoch came from "
                    + "memory");
        } finally {
            loader.close();
        }
    }
}
