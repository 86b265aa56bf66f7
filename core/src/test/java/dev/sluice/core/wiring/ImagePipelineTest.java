package dev.sluice.core.wiring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sluice.api.DecodeException;
import dev.sluice.api.ColorMode;
import dev.sluice.api.DecodeOptions;
import dev.sluice.api.ReduceLimit;
import dev.sluice.api.Tensor;
import dev.sluice.core.plugin.PluginRegistry;
import dev.sluice.core.testing.TinyImageDecoder;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A configuration without a dataset is a pipeline: bytes in, the transformed sample out. */
class ImagePipelineTest {
    private static final PluginRegistry PLUGINS = PluginRegistry.discover(ImagePipelineTest.class.getClassLoader());
    private static final String PIPELINE = "decoder:\n  backend: tiny\ntransforms:\n  - test-to-tensor: {}\n"
            + "  - test-scale: {factor: 2}\nloader:\n  seed: 12\n";

    @TempDir
    Path dir;

    @Test
    void bytesBecomeTheTransformedSample() {
        SluiceConfig config = SluiceConfig.parse(PIPELINE, dir, List.of());
        assertFalse(config.hasDataset());
        ImagePipeline pipeline = ImagePipeline.fromConfig(config, PLUGINS);
        Tensor tensor = (Tensor) pipeline.apply("a", ByteBuffer.wrap(TinyImageDecoder.encode(4, 3, 51)),
                IllegalArgumentException::new);
        assertEquals(List.of(3, 3, 4), List.of(tensor.dim(0), tensor.dim(1), tensor.dim(2)));
        assertEquals(2 * 51 / 255f, tensor.getFloat(0), 1e-6);
        assertEquals(12, pipeline.seed());
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> pipeline.apply("b",
                ByteBuffer.wrap(new byte[] {1}), (reason, cause) -> new IllegalArgumentException("b: " + reason, cause)));
        assertEquals("b: not a tiny image: 1 bytes, expected 3", refused.getMessage());
        assertInstanceOf(DecodeException.class, refused.getCause());
    }

    @Test
    void thePipelineYamlIsTheConfigurationWithoutItsDatasetAndWithItsOverrides() throws java.io.IOException {
        SluiceConfig full = SluiceConfig.load(TinyProject.write(dir, TinyProject.CONFIG), List.of("loader.seed=33"));
        SluiceConfig pipelineOnly = SluiceConfig.parse(full.pipelineYaml(), full.baseDir(), List.of());
        assertFalse(pipelineOnly.hasDataset());
        assertEquals(33, ImagePipeline.fromConfig(pipelineOnly, PLUGINS).seed());
        assertEquals(full.transforms(), pipelineOnly.transforms());
        assertEquals(full.decoder(), pipelineOnly.decoder());
    }

    @Test
    void aLoaderNeedsADataset() {
        SluiceConfig config = SluiceConfig.parse(PIPELINE, dir, List.of());
        ConfigException e = assertThrows(ConfigException.class, () -> Sluice.fromConfig(config, PLUGINS));
        assertEquals("<string>: dataset: required to build a loader: name a label file (dataset.labels) or tar shards "
                + "(dataset.shards)", e.getMessage());
    }

    @Test
    void thePixelLimitIsLoweredToWhatTheWorkersCanDecodeAtOnceWithinTheHeap() {
        String config = "decoder:\n  backend: tiny\n  max_pixels: 1000000000000000\nloader:\n  num_workers: 4\n";
        DecodeOptions budgeted = ImagePipeline.fromConfig(SluiceConfig.parse(config, dir, List.of()), PLUGINS).decodeOptions();
        assertEquals(DecodeBudget.maxPixels(Runtime.getRuntime().maxMemory(), 4, ColorMode.RGB), budgeted.maxPixels());
        DecodeOptions lower = ImagePipeline.fromConfig(SluiceConfig.parse(config.replace("1000000000000000", "1000"), dir,
                List.of()), PLUGINS).decodeOptions();
        assertEquals(1000, lower.maxPixels(), "a limit below the budget stays");
    }

    @Test
    void underReduceAutoTheDecodeOptionsCarryThePipelinesLimit() {
        String resized = "decoder:\n  backend: tiny\ntransforms:\n  - test-resize: {width: 20, height: 10}\n"
                + "  - test-to-tensor: {}\n";
        DecodeOptions auto = ImagePipeline.fromConfig(SluiceConfig.parse(resized, dir, List.of()), PLUGINS).decodeOptions();
        assertEquals(1, auto.reduce());
        assertEquals(8, auto.autoReduce().largestReduce(200, 100), "25 x 13 is still at least 20 x 10");
        assertEquals(4, auto.autoReduce().largestReduce(100, 50));
        assertEquals(1, auto.autoReduce().largestReduce(30, 15));
        DecodeOptions explicit = ImagePipeline.fromConfig(SluiceConfig.parse(resized.replace("tiny\n",
                "tiny\n  reduce: auto\n"), dir, List.of()), PLUGINS).decodeOptions();
        assertEquals(8, explicit.autoReduce().largestReduce(200, 100));

        DecodeOptions optOut = ImagePipeline.fromConfig(SluiceConfig.parse(resized.replace("tiny\n",
                "tiny\n  reduce: 1\n"), dir, List.of()), PLUGINS).decodeOptions();
        assertEquals(1, optOut.reduce());
        assertSame(ReduceLimit.NONE, optOut.autoReduce(), "reduce: 1 opts out");
        DecodeOptions fixed = ImagePipeline.fromConfig(SluiceConfig.parse(resized.replace("tiny\n",
                "tiny\n  reduce: 2\n"), dir, List.of()), PLUGINS).decodeOptions();
        assertEquals(2, fixed.reduce());
        assertSame(ReduceLimit.NONE, fixed.autoReduce());
    }

    @Test
    void aPipelineThatSetsNoSizeAllowsNoReduction() {
        DecodeOptions options = ImagePipeline.fromConfig(SluiceConfig.parse(PIPELINE, dir, List.of()), PLUGINS)
                .decodeOptions();
        assertEquals(1, options.autoReduce().largestReduce(4000, 3000), "test-to-tensor and test-scale keep the size");
    }
}
