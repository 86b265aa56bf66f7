package dev.sluice.core.wiring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sluice.api.DecodeException;
import dev.sluice.api.Tensor;
import dev.sluice.core.plugin.PluginRegistry;
import dev.sluice.core.testing.TinyImageDecoder;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
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
    void bytesBecomeTheTransformedSample() throws DecodeException {
        SluiceConfig config = SluiceConfig.parse(PIPELINE, dir, List.of());
        assertFalse(config.hasDataset());
        ImagePipeline pipeline = ImagePipeline.fromConfig(config, PLUGINS);
        Tensor tensor = (Tensor) pipeline.apply(ByteBuffer.wrap(TinyImageDecoder.encode(4, 3, 51)), new SplittableRandom(1));
        assertEquals(List.of(3, 3, 4), List.of(tensor.dim(0), tensor.dim(1), tensor.dim(2)));
        assertEquals(2 * 51 / 255f, tensor.getFloat(0), 1e-6);
        assertEquals(12, pipeline.seed());
        assertThrows(DecodeException.class, () -> pipeline.apply(ByteBuffer.wrap(new byte[] {1}), new SplittableRandom(1)));
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
}
