package dev.sluice.core.wiring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sluice.api.target.BoundingBoxes;
import dev.sluice.api.target.CanvasSize;
import dev.sluice.core.dataset.ImageLabelDataset;
import dev.sluice.core.dataset.LabeledSample;
import dev.sluice.core.loader.DataLoader;
import dev.sluice.core.plugin.PluginRegistry;
import dev.sluice.core.testing.TinyImageDecoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A configured dataset whose label format gives targets: its samples carry them, and its transforms must move them. */
class TargetsConfigTest {
    private static final PluginRegistry PLUGINS = PluginRegistry.discover(TargetsConfigTest.class.getClassLoader());

    @TempDir
    Path dir;

    private String config(String transforms) throws IOException {
        Path images = Files.createDirectories(dir.resolve("images"));
        Files.write(images.resolve("a.tiny"), TinyImageDecoder.encode(8, 6, 40));
        Files.writeString(dir.resolve("instances.json"), String.join("\n",
                "{\"images\": [{\"id\": 1, \"file_name\": \"a.tiny\", \"height\": 6, \"width\": 8}],",
                "\"annotations\": [{\"id\": 1, \"image_id\": 1, \"category_id\": 3, \"bbox\": [1, 2, 4, 3]}],",
                "\"categories\": [{\"id\": 3, \"name\": \"cat\"}]}"));
        return "dataset: {format: coco, labels: instances.json, root: images}\ndecoder: {backend: tiny}\n" + transforms;
    }

    @Test
    void samplesCarryTheirBoxes() throws IOException {
        SluiceConfig config = SluiceConfig.parse(config(""), dir, List.of());
        try (DataLoader<LabeledSample<Object>, ?> loader = Sluice.fromConfig(config, PLUGINS)) {
            @SuppressWarnings("unchecked")
            LabeledSample<Object> sample = ((ImageLabelDataset<Object>) loader.dataset()).get(0);
            BoundingBoxes boxes = sample.targets().boxes().orElseThrow();
            assertEquals(new CanvasSize(6, 8), boxes.canvas());
            assertArrayEquals(new float[] {1, 2, 4, 3}, boxes.coordinates());
            assertArrayEquals(new long[] {0}, boxes.labels());
        }
    }

    @Test
    void aTransformThatCannotMoveTargetsIsRefusedAtItsKeyPath() throws IOException {
        SluiceConfig config = SluiceConfig.parse(config("transforms:\n  - test-to-tensor: {}\n"), dir, List.of());
        ConfigException e = assertThrows(ConfigException.class, () -> Sluice.fromConfig(config, PLUGINS));
        assertEquals("<string>: transforms[0].test-to-tensor: test-to-tensor cannot move boxes, masks or key points "
                + "with the image, but the label format 'coco' gives each sample targets; leave it out, or use a transform "
                + "that moves them (line 4)", e.getMessage());
    }
}
