package dev.sluice.examples.guice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.sluice.api.ImageDecoder;
import dev.sluice.core.collate.LabeledBatch;
import dev.sluice.core.dataset.LabeledSample;
import dev.sluice.core.loader.DataLoader;
import dev.sluice.core.wiring.Sluice;
import dev.sluice.core.wiring.SluiceConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The application's injector gets Sluice's loader, built around the decoder the application bound. */
class GuiceEmbeddingTest {
    private static final Path CONFIG = Path.of(System.getProperty("sluice.sampleData", "../sample-data"), "sluice.yaml");

    private static List<LabeledBatch> epoch(DataLoader<LabeledSample<Object>, LabeledBatch> loader) {
        List<LabeledBatch> batches = new ArrayList<>();
        loader.forEach(batches::add);
        return batches;
    }

    @Test
    void theOverridingDecoderIsTheOneTheInjectedLoaderUses() {
        Injector injector = Guice.createInjector(GuiceEmbedding.modules(SluiceConfig.load(CONFIG)));
        CachingDecoder decoder = assertInstanceOf(CachingDecoder.class, injector.getInstance(ImageDecoder.class));
        try (DataLoader<LabeledSample<Object>, LabeledBatch> loader = injector.getInstance(GuiceEmbedding.LOADER)) {
            assertSame(loader, injector.getInstance(GuiceEmbedding.LOADER), "one loader per injector");
            ByteArrayOutputStream log = new ByteArrayOutputStream();
            long samples = injector.getInstance(Trainer.class).train(2, new PrintStream(log, true, StandardCharsets.UTF_8));
            assertEquals(20, samples, "two epochs of the ten sample photographs");
            assertEquals(10, decoder.decodes(), "each photograph decoded once; the second epoch came from memory");
            String text = log.toString(StandardCharsets.UTF_8);
            String first = text.substring(0, text.indexOf('\n'));
            assertTrue(first.startsWith("epoch 0 step 0: tensor([[[[") && first.contains(
                    "shape=[7, 3, 96, 96], dtype=float32) labels tensor([[") && first.endsWith("shape=[7, 2], dtype=int64)"),
                    first);
        }
    }

    @Test
    void theOverrideChangesWhoDecodesNotWhatTheBatchesHold() {
        Injector injector = Guice.createInjector(GuiceEmbedding.modules(SluiceConfig.load(CONFIG)));
        try (DataLoader<LabeledSample<Object>, LabeledBatch> guice = injector.getInstance(GuiceEmbedding.LOADER);
                DataLoader<LabeledSample<Object>, LabeledBatch> plain = Sluice.fromConfig(CONFIG)) {
            assertEquals(epoch(plain), epoch(guice));
        }
    }
}
