package dev.sluice.core.wiring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import com.google.inject.util.Modules;
import dev.sluice.api.DecodeException;
import dev.sluice.api.DecodeOptions;
import dev.sluice.api.Image;
import dev.sluice.api.ImageDecoder;
import dev.sluice.api.ReduceLimit;
import dev.sluice.core.collate.LabeledBatch;
import dev.sluice.core.dataset.LabeledSample;
import dev.sluice.core.loader.DataLoader;
import dev.sluice.core.plugin.PluginRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A configuration becomes a loader, the same with and without Guice, and any binding can be overridden. */
class SluiceWiringTest {
    private static final Key<DataLoader<LabeledSample<Object>, LabeledBatch>> LOADER =
            Key.get(new TypeLiteral<DataLoader<LabeledSample<Object>, LabeledBatch>>() { });

    @TempDir
    Path dir;

    private static List<LabeledBatch> epoch(DataLoader<LabeledSample<Object>, LabeledBatch> loader) {
        try (loader) {
            List<LabeledBatch> batches = new ArrayList<>();
            loader.forEach(batches::add);
            return batches;
        }
    }

    @Test
    void theConfiguredLoaderDeliversTransformedLabelledBatches() throws IOException {
        List<LabeledBatch> batches = epoch(Sluice.fromConfig(TinyProject.write(dir, TinyProject.CONFIG)));
        assertEquals(2, batches.size());
        assertArrayEquals(new int[] {7, 3, 3, 4}, batches.get(0).images().shape());
        assertArrayEquals(new int[] {3, 2}, batches.get(1).labels().shape());
        assertArrayEquals(new long[] {1, 17, 2, 18, 0, 19}, batches.get(1).labels().toLongArray());
        // Image 9 is filled with 180: test-to-tensor gives 180/255, test-scale doubles it.
        assertEquals(2 * 180 / 255f, batches.get(1).images().getFloat(2L * 3 * 3 * 4), 1e-6);
    }

    @Test
    void guiceBuildsTheSameLoader() throws IOException {
        SluiceConfig config = SluiceConfig.load(TinyProject.write(dir, TinyProject.CONFIG));
        Injector injector = Guice.createInjector(new SluiceModule(config));
        List<LabeledBatch> fromGuice = epoch(injector.getInstance(LOADER));
        List<LabeledBatch> byHand = epoch(Sluice.fromConfig(config, PluginRegistry.discover(getClass().getClassLoader())));
        assertEquals(byHand, fromGuice);
    }

    @Test
    void guiceBindsDecodeOptionsThatCarryTheBoundPipelinesLimit() throws IOException {
        String resized = TinyProject.CONFIG.replace("  - test-to-tensor: {}", "  - test-resize: {width: 20, height: 10}\n"
                + "  - test-to-tensor: {}");
        Injector injector = Guice.createInjector(new SluiceModule(SluiceConfig.load(TinyProject.write(dir, resized))));
        assertEquals(8, injector.getInstance(DecodeOptions.class).autoReduce().largestReduce(200, 100));
        Injector optedOut = Guice.createInjector(new SluiceModule(SluiceConfig.load(TinyProject.write(dir,
                resized.replace("mode: rgb", "reduce: 1")))));
        assertSame(ReduceLimit.NONE, optedOut.getInstance(DecodeOptions.class).autoReduce());
    }

    @Test
    void anApplicationCanOverrideTheDecoderBinding() throws IOException {
        SluiceConfig config = SluiceConfig.load(TinyProject.write(dir, TinyProject.CONFIG));
        ImageDecoder white = (encoded, options) -> {
            byte[] pixels = new byte[4 * 3 * 3];
            Arrays.fill(pixels, (byte) 255);
            return Image.wrap(4, 3, 3, pixels);
        };
        Injector injector = Guice.createInjector(Modules.override(new SluiceModule(config))
                .with(binder -> binder.bind(ImageDecoder.class).toInstance(white)));
        assertSame(white, injector.getInstance(ImageDecoder.class));
        for (LabeledBatch batch : epoch(injector.getInstance(LOADER))) {
            assertEquals(2f, batch.images().getFloat(0), 1e-6, "every pixel white, doubled");
        }
    }

    @Test
    void anUnknownTransformIsReportedWithItsLineAndTheKnownOnes() throws IOException {
        Path file = TinyProject.write(dir, TinyProject.CONFIG.replace("test-scale:", "test-scal:"));
        ConfigException e = assertThrows(ConfigException.class, () -> Sluice.fromConfig(file));
        assertEquals(file + ": transforms[1].test-scal: no transform with this id; known: test-resize, test-scale, "
                + "test-to-tensor. Did you mean 'test-scale'? (line 12)", e.getMessage());
    }

    @Test
    void aPluginsOwnOptionErrorIsPlacedAtItsLine() throws IOException {
        Path file = TinyProject.write(dir, TinyProject.CONFIG.replace("{factor: 2}", "{factr: 2}"));
        ConfigException e = assertThrows(ConfigException.class, () -> Sluice.fromConfig(file));
        assertEquals(file + ": transforms[1].test-scale.factr: unknown option; known: factor. Did you mean 'factor'? "
                + "(line 12)", e.getMessage());
    }

    @Test
    void transformsThatDoNotFitTogetherAreRefusedBeforeLoading() throws IOException {
        String swapped = TinyProject.CONFIG.replace("  - test-to-tensor: {}\n  - test-scale: {factor: 2}\n",
                "  - test-scale: {factor: 2}\n  - test-to-tensor: {}\n");
        Path file = TinyProject.write(dir, swapped);
        ConfigException e = assertThrows(ConfigException.class, () -> Sluice.fromConfig(file));
        assertEquals(file + ": transforms[0].test-scale: test-scale takes a Tensor, but the decoder before it gives an "
                + "Image; put to_tensor before it (line 11)", e.getMessage());
    }

    @Test
    void theLoaderOptionsArePyTorchsAndTheirContradictionsNameTheSection() throws IOException {
        Path file = TinyProject.write(dir, TinyProject.CONFIG.replace("num_workers: 2", "num_workers: 0")
                + "  persistent_workers: true\n");
        ConfigException e = assertThrows(ConfigException.class, () -> Sluice.fromConfig(file));
        assertEquals(file + ": loader: persistent_workers option needs num_workers > 0 (line 13)", e.getMessage());
    }

    @Test
    void aBadLabelFileNamesItsLine() throws IOException {
        Path file = TinyProject.write(dir, TinyProject.CONFIG);
        Files.writeString(dir.resolve("train.txt"), "0.tiny 1\n1.tiny one\n");
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> Sluice.fromConfig(file));
        assertTrue(e.getMessage().contains("train.txt:2: "), e.getMessage());
    }

    @Test
    void raggedLabelsAreRefusedWhenTheLoaderIsBuiltNamingBothLines() throws IOException {
        Path file = TinyProject.write(dir, TinyProject.CONFIG);
        Path labels = dir.resolve("train.txt");
        Files.writeString(labels, Files.readString(labels).replace("6.tiny 0 16\n", "6.tiny 0\n"));
        ConfigException e = assertThrows(ConfigException.class, () -> Sluice.fromConfig(file));
        assertTrue(e.getMessage().contains("dataset.labels: " + labels + ":7 has 1 label where " + labels
                + ":1 has 2 labels: a batch stacks the labels"), e.getMessage());
    }

    @Test
    void aSampleThatFailsToDecodeNamesItsIndexPathAndLabelFileLine() throws IOException {
        Path file = TinyProject.write(dir, TinyProject.CONFIG);
        Files.write(dir.resolve("images/3.tiny"), new byte[] {1});
        try (DataLoader<LabeledSample<Object>, LabeledBatch> loader = Sluice.fromConfig(file)) {
            RuntimeException e = assertThrows(RuntimeException.class, () -> loader.iterator().next());
            assertTrue(e.getMessage().startsWith("sample 3 (" + dir.resolve("images/3.tiny") + ", " + dir.resolve("train.txt")
                    + ":4) of epoch 0, batch 0: "),
                    e.getMessage());
            assertTrue(e.getCause() instanceof DecodeException, String.valueOf(e.getCause()));
        }
    }
}
