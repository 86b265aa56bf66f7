package dev.sluice.core.wiring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.core.dataset.LabeledSample;
import dev.sluice.core.dataset.SampleLoadException;
import dev.sluice.core.loader.DataLoader;
import dev.sluice.core.loader.LoaderException;
import dev.sluice.core.plugin.PluginRegistry;
import dev.sluice.core.testing.TinyImageDecoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Sluice#decodeOnly}: the configured loader's files decoded on its workers, batches that count them. */
class DecodeOnlyTest {
    private static final PluginRegistry PLUGINS = PluginRegistry.discover(DecodeOnlyTest.class.getClassLoader());

    @TempDir
    Path dir;

    private static List<Integer> epoch(DataLoader<LabeledSample<Object>, Integer> loader) {
        try (loader) {
            List<Integer> batches = new ArrayList<>();
            loader.forEach(batches::add);
            return batches;
        }
    }

    private SluiceConfig project(String config) throws IOException {
        return SluiceConfig.load(TinyProject.write(dir, config));
    }

    @Test
    void eachBatchIsTheNumberOfImagesTheConfiguredLoaderPutsInIt() throws IOException {
        assertEquals(List.of(7, 3), epoch(Sluice.decodeOnly(project(TinyProject.CONFIG), PLUGINS)));
    }

    @Test
    void imagesOfDifferentSizesNeedNoEqualShapes() throws IOException {
        SluiceConfig config = project(TinyProject.CONFIG.replaceAll("(?s)transforms:.*?loader:", "loader:"));
        Files.write(dir.resolve("images/4.tiny"), TinyImageDecoder.encode(9, 5, 1));
        try (DataLoader<?, ?> full = Sluice.fromConfig(config, PLUGINS)) {
            LoaderException refused = assertThrows(LoaderException.class, () -> full.forEach(batch -> { }));
            assertTrue(refused.getMessage().contains("collate failed"), refused.getMessage());
        }
        assertEquals(List.of(7, 3), epoch(Sluice.decodeOnly(config, PLUGINS)));
    }

    @Test
    void everyImageIsDecodedAndAFailureNamesItsFileAsTheLoaderDoes() throws IOException {
        SluiceConfig config = project(TinyProject.CONFIG);
        Files.write(dir.resolve("images/8.tiny"), new byte[] {1, 2});
        SampleLoadException failed = assertThrows(SampleLoadException.class,
                () -> epoch(Sluice.decodeOnly(config, PLUGINS)));
        assertTrue(failed.getMessage().contains("8.tiny") && failed.getMessage().contains("not a tiny image: 2 bytes"),
                failed.getMessage());
        SluiceConfig skipping = SluiceConfig.load(dir.resolve("sluice.yaml"), List.of("loader.on_error=skip"));
        assertEquals(List.of(7, 2), epoch(Sluice.decodeOnly(skipping, PLUGINS)));
    }
}
