package dev.sluice.examples.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A multi-crop sample through the whole loader: {@code ten_crop} after {@code to_tensor} and
 * {@code normalize} gives {@code [10, C, h, w]} per sample, which the loader stacks to
 * {@code [N, 10, C, h, w]} as torchvision users do with {@code torch.stack}; a ten-crop of a crop
 * mirrored left-right is the mirror image of its first-five twin.
 */
class MultiCropBatchTest {
    @TempDir
    Path dir;

    @Test
    void tenCropSamplesBatchAsNByTenCrops() throws IOException {
        Path config = SampleCopy.into(dir.resolve("data"));
        SampleCopy.edit(config, "  - normalize: {mean: [0.485, 0.456, 0.406], std: [0.229, 0.224, 0.225]}",
                "  - normalize: {mean: [0.485, 0.456, 0.406], std: [0.229, 0.224, 0.225]}\n  - ten_crop: {size: [40, 50]}");
        Path out = dir.resolve("out");

        Cli.Result result = Cli.run("dump", config.toString(), "--out", out.toString(), "--batches", "1");

        assertEquals(0, result.status(), result::toString);
        assertTrue(result.outLines().get(0).startsWith("batch-00000: images float32 [7, 10, 3, 40, 50]"),
                result.outLines().get(0));
        NpyReader.Array images = NpyReader.read(out.resolve("batch-00000-images.npy"));
        assertArrayEquals(new int[] {7, 10, 3, 40, 50}, images.shape());
        float[] values = images.floats();
        int plane = 40 * 50;
        int crop = 3 * plane;
        // Sample 2: crop 1 (top-right) and crop 5 (top-left of the mirrored image: the top-right crop, mirrored).
        int first = (2 * 10 + 1) * crop;
        int mirrored = (2 * 10 + 5) * crop;
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < 40; y++) {
                for (int x = 0; x < 50; x++) {
                    assertEquals(values[first + c * plane + y * 50 + x], values[mirrored + c * plane + y * 50 + 49 - x],
                            "channel " + c + " at " + x + ", " + y);
                }
            }
        }
    }
}
