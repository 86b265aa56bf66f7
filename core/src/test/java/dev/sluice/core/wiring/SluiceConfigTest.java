package dev.sluice.core.wiring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.ColorMode;
import dev.sluice.core.dataset.ErrorPolicy;
import dev.sluice.core.sampler.Rank;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading configuration: values, defaults, overrides, and errors that name file, key and line. */
class SluiceConfigTest {
    @TempDir
    Path dir;

    private SluiceConfig load(String config, String... overrides) throws IOException {
        return SluiceConfig.load(TinyProject.write(dir, config), List.of(overrides));
    }

    private ConfigException refused(String config, String... overrides) throws IOException {
        Path file = TinyProject.write(dir, config);
        return assertThrows(ConfigException.class, () -> SluiceConfig.load(file, List.of(overrides)));
    }

    private String file() {
        return dir.resolve("sluice.yaml").toString();
    }

    @Test
    void theSeedConfigurationIsRead() throws IOException {
        SluiceConfig config = load(TinyProject.CONFIG);
        assertEquals("txt", config.dataset().format());
        assertEquals(dir.resolve("train.txt"), config.dataset().labels());
        assertEquals(dir.resolve("images"), config.dataset().root());
        assertEquals("tiny", config.decoder().backend());
        assertEquals(ColorMode.RGB, config.decoder().decodeOptions().mode());
        assertEquals(List.of(Map.of("test-to-tensor", Map.of()), Map.of("test-scale", Map.of("factor", 2))),
                config.transforms().raw("transforms"));
        assertEquals(new LoaderSettings(7, false, 2, false, 0, ErrorPolicy.RAISE, false, 0, null, false, true, Rank.SINGLE, null, null, true),
                config.loader());
    }

    @Test
    void defaultsAreTheSeedsAndPyTorchs() throws IOException {
        SluiceConfig config = load("dataset:\n  labels: train.txt\n  root: images\n");
        assertEquals("txt", config.dataset().format());
        assertEquals("auto", config.decoder().backend());
        assertEquals(1, config.decoder().decodeOptions().reduce());
        assertTrue(config.decoder().autoReduce(), "reduce: auto by default");
        assertTrue(config.decoder().decodeOptions().applyExifOrientation());
        assertFalse(config.transforms().has("transforms"));
        assertEquals(new LoaderSettings(1, false, 0, false, 0, ErrorPolicy.RAISE, false, 0, null, false, true, Rank.SINGLE, null, null, true),
                config.loader());
    }

    @Test
    void aBadValueNamesTheFileTheKeyAndTheLine() throws IOException {
        ConfigException e = refused(TinyProject.CONFIG.replace("batch_size: 7", "batch_size: 0"));
        assertEquals(file() + ": loader.batch_size: must be from 1 to 1048576 samples, was 0 (line 14)", e.getMessage());
        assertEquals("loader.batch_size", e.keyPath());
        assertEquals(14, e.line());
    }

    @Test
    void aWronglyTypedValueNamesTheKeyAndTheLine() throws IOException {
        ConfigException e = refused(TinyProject.CONFIG.replace("num_workers: 2", "num_workers: two"));
        assertEquals(file() + ": loader.num_workers: must be a whole number, was 'two' (line 16)", e.getMessage());
    }

    @Test
    void anUnknownKeyListsTheKnownOnesAndSuggestsOne() throws IOException {
        ConfigException e = refused(TinyProject.CONFIG.replace("batch_size: 7", "batch_sise: 7"));
        assertEquals(file() + ": loader.batch_sise: unknown key; known: batch_size, batch_transform, drop_last, "
                + "in_order, num_workers, on_error, persistent_workers, pin_memory, prefetch_factor, rank, sampler, seed, "
                + "shuffle, timeout, warm_up, world_size. "
                + "Did you mean 'batch_size'? (line 14)", e.getMessage());
    }

    @Test
    void anUnknownSectionIsRefused() throws IOException {
        ConfigException e = refused(TinyProject.CONFIG + "loaders:\n  batch_size: 2\n");
        assertTrue(e.getMessage().startsWith(file() + ": loaders: unknown key; known: dataset, decoder, loader, "
                + "transforms. Did you mean 'loader'?"), e.getMessage());
        assertEquals(20, e.line());
    }

    @Test
    void aMissingFileNamesThePathItTried() throws IOException {
        ConfigException e = refused(TinyProject.CONFIG.replace("labels: train.txt", "labels: tran.txt"));
        assertEquals(file() + ": dataset.labels: no such file or folder (tried " + dir.resolve("tran.txt") + ") (line 4)",
                e.getMessage());
        Path missing = dir.resolve("nowhere.yaml");
        ConfigException noConfig = assertThrows(ConfigException.class, () -> SluiceConfig.load(missing));
        assertEquals(missing + ": no such file (tried " + missing.toAbsolutePath() + ")", noConfig.getMessage());
    }

    @Test
    void malformedYamlNamesTheLine() throws IOException {
        ConfigException e = refused("dataset:\n  labels: [train.txt\nloader:\n  batch_size: 2\n");
        assertTrue(e.getMessage().startsWith(file() + ": not valid YAML: "), e.getMessage());
        assertTrue(e.line() >= 2, "line " + e.line());
    }

    @Test
    void aKeyWrittenTwiceIsRefused() throws IOException {
        ConfigException e = refused(TinyProject.CONFIG + "  batch_size: 3\n");
        assertEquals(file() + ": loader.batch_size: appears twice (first at line 14) (line 20)", e.getMessage());
    }

    @Test
    void aKeyWithoutAValueIsRefused() throws IOException {
        ConfigException e = refused(TinyProject.CONFIG.replace("shuffle: false", "shuffle:"));
        assertEquals(file() + ": loader.shuffle: has no value (line 15)", e.getMessage());
    }

    @Test
    void overridesFromTheCommandLineWin() throws IOException {
        SluiceConfig config = load(TinyProject.CONFIG, "loader.num_workers=4", "transforms[1].test-scale.factor=0.5",
                "dataset.repeat=forever");
        assertEquals(4, config.loader().numWorkers());
        assertEquals(List.of(Map.of("test-to-tensor", Map.of()), Map.of("test-scale", Map.of("factor", 0.5))),
                config.transforms().raw("transforms"));
        assertTrue(config.dataset().repeat().isForever());
    }

    @Test
    void aBadOverrideSaysItCameFromTheCommandLine() throws IOException {
        ConfigException e = refused(TinyProject.CONFIG, "loader.batch_size=-2");
        assertEquals(file() + ": loader.batch_size: must be from 1 to 1048576 samples, was -2 (set with --set)", e.getMessage());
        ConfigException notKeyValue = refused(TinyProject.CONFIG, "loader.batch_size");
        assertEquals("--set: 'loader.batch_size' is not KEY=VALUE, e.g. loader.num_workers=4", notKeyValue.getMessage());
        ConfigException noItem = refused(TinyProject.CONFIG, "transforms[5].resize.size=3");
        assertEquals("--set: transforms[5].resize.size: there is no list item [5] to set", noItem.getMessage());
    }

    @Test
    void aConfigurationCanComeFromAString() throws IOException {
        TinyProject.write(dir, "");
        SluiceConfig config = SluiceConfig.parse("dataset: {labels: train.txt, root: images}\nloader: {batch_size: 3}",
                dir, List.of());
        assertEquals("<string>", config.source());
        assertEquals(3, config.loader().batchSize());
        ConfigException e = assertThrows(ConfigException.class,
                () -> SluiceConfig.parse("dataset: {labels: train.txt}\nloader:\n  on_error: ignore\n", dir, List.of()));
        assertEquals("<string>: loader.on_error: must be raise or skip, was 'ignore' (line 3)", e.getMessage());
    }

    @Test
    void badDecoderSettingsAreRefused() throws IOException {
        assertEquals(file() + ": decoder.mode: must be rgb, gray or unchanged, was 'grey' (line 9)",
                refused(TinyProject.CONFIG.replace("mode: rgb", "mode: grey")).getMessage());
        assertEquals(file() + ": decoder.reduce: must be auto, 1, 2, 4 or 8, was 3 (line 9)",
                refused(TinyProject.CONFIG.replace("mode: rgb", "reduce: 3")).getMessage());
        assertEquals(file() + ": decoder.reduce: must be auto, 1, 2, 4 or 8, was 'half' (line 9)",
                refused(TinyProject.CONFIG.replace("mode: rgb", "reduce: half")).getMessage());
        assertEquals(file() + ": decoder.reduce: must be auto, 1, 2, 4 or 8, was 2.0 (line 9)",
                refused(TinyProject.CONFIG.replace("mode: rgb", "reduce: 2.0")).getMessage());
    }

    @Test
    void reduceIsAutoOrAFixedFactor() throws IOException {
        DecoderSettings auto = load(TinyProject.CONFIG.replace("mode: rgb", "reduce: auto")).decoder();
        assertTrue(auto.autoReduce());
        assertEquals(1, auto.decodeOptions().reduce());
        for (int factor : new int[] {1, 2, 4, 8}) {
            DecoderSettings fixed = load(TinyProject.CONFIG.replace("mode: rgb", "reduce: " + factor)).decoder();
            assertFalse(fixed.autoReduce(), "reduce: " + factor);
            assertEquals(factor, fixed.decodeOptions().reduce());
        }
    }

    @Test
    void decodingIsStrictUnlessTheDecoderSectionSaysStrictFalse() throws IOException {
        assertTrue(load(TinyProject.CONFIG).decoder().decodeOptions().strict());
        assertFalse(load(TinyProject.CONFIG.replace("mode: rgb", "strict: false")).decoder().decodeOptions().strict());
        assertTrue(load(TinyProject.CONFIG.replace("mode: rgb", "strict: false")).decoder().backendOptions().keys().isEmpty());
    }

    @Test
    void repeatIsACountOrForever() throws IOException {
        assertEquals(file() + ": dataset.repeat: must be a count >= 1 or forever, was 0 (line 6)",
                refused(TinyProject.CONFIG.replace("repeat: 1", "repeat: 0")).getMessage());
        assertEquals(file() + ": dataset.repeat: must be a whole number, was 'often' (line 6)",
                refused(TinyProject.CONFIG.replace("repeat: 1", "repeat: often")).getMessage());
        assertEquals(3, load(TinyProject.CONFIG.replace("repeat: 1", "repeat: 3")).dataset().repeat().count());
    }
}
