package dev.sluice.examples.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.Batch;
import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.util.Modules;
import dev.sluice.api.ImageDecoder;
import dev.sluice.api.Options;
import dev.sluice.api.spi.ImageDecoderProvider;
import dev.sluice.core.collate.LabeledBatch;
import dev.sluice.core.dataset.LabeledSample;
import dev.sluice.core.loader.DataLoader;
import dev.sluice.core.plugin.PluginKind;
import dev.sluice.core.plugin.PluginRegistry;
import dev.sluice.core.wiring.SluiceConfig;
import dev.sluice.core.wiring.SluiceModule;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's "Embedding with Guice", run: an application module beside SluiceModule, one binding overridden. */
class GuiceEmbeddingTest {

    /** An application's own module: DJL's dataset over the loader that SluiceModule binds. */
    static final class TrainingModule extends AbstractModule {
        @Provides
        @Singleton
        SluiceDataset trainingData(DataLoader<LabeledSample<Object>, LabeledBatch> loader) {
            return SluiceDataset.of(loader);
        }
    }

    @Test
    void anApplicationGetsItsDjlDatasetFromTheConfiguredLoaderWithTheDecoderItChose(@TempDir Path dir)
            throws Exception {
        PhotoTiles tiles = PhotoTiles.write(dir, 16, 1, 1);
        SluiceConfig config = SluiceConfig.load(PhotoClassifier.copyResource("train.yaml", tiles.root()));
        PluginRegistry plugins = PluginRegistry.discover(getClass().getClassLoader());
        ImageDecoder imageio = plugins.require(PluginKind.DECODER, ImageDecoderProvider.class, "imageio", "this test")
                .create(Options.empty());
        AtomicInteger decoded = new AtomicInteger();
        ImageDecoder counting = (encoded, options) -> {
            decoded.incrementAndGet();
            return imageio.decode(encoded, options);
        };

        Injector injector = Guice.createInjector(
                Modules.override(new SluiceModule(config, plugins))
                        .with(binder -> binder.bind(ImageDecoder.class).toInstance(counting)),
                new TrainingModule());
        SluiceDataset dataset = injector.getInstance(SluiceDataset.class);
        assertSame(dataset, injector.getInstance(SluiceDataset.class), "one dataset per injector");

        try (DataLoader<?, LabeledBatch> loader = dataset.loader(); NDManager manager = NDManager.newBaseManager()) {
            int batches = 0;
            for (Batch batch : dataset.getData(manager)) {
                assertEquals(new Shape(32, 3, 32, 32), batch.getData().head().getShape());
                batch.close();
                batches++;
            }
            assertEquals(2, batches, "64 tiles in batches of 32");
            assertEquals(64, decoded.get(), "every tile went through the overriding decoder");
            assertEquals(0, dataset.arraysCopied());
        }
    }
}
