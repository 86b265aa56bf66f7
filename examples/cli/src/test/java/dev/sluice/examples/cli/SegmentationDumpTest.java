package dev.sluice.examples.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sluice dump} and {@code sluice inspect} on a {@code mask_folder} segmentation dataset made
 * here: two real photographs (49 x 67) with grey class-index PNG masks beside them. The dumped masks
 * are the drawn ones mirrored and doubled (nearest) as the images are, stacked {@code [N, H, W]} uint8.
 */
class SegmentationDumpTest {
    private static final int WIDTH = 67;
    private static final int HEIGHT = 49;

    @TempDir
    Path dir;
    private Path config;

    @BeforeEach
    void makeTheDataset() throws IOException {
        Path images = Files.createDirectories(dir.resolve("images"));
        Path masks = Files.createDirectories(dir.resolve("masks"));
        String[] photos = {"dune-q95-444.jpg", "ladybird-q90-420.jpg"};
        for (int n = 0; n < photos.length; n++) {
            try (InputStream in = getClass().getResourceAsStream("/dev/sluice/api/contract/photos/" + photos[n])) {
                Files.copy(in, images.resolve("photo" + n + ".jpg"));
            }
            BufferedImage mask = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_BYTE_GRAY);
            for (int y = 0; y < HEIGHT; y++) {
                for (int x = 0; x < WIDTH; x++) {
                    mask.getRaster().setSample(x, y, 0, drawnClass(n, x, y));
                }
            }
            ImageIO.write(mask, "png", masks.resolve("photo" + n + ".png").toFile());
        }
        config = dir.resolve("sluice.yaml");
        Files.writeString(config, """
                dataset: {format: mask_folder, labels: masks, root: images}
                decoder: {backend: auto, mode: rgb, reduce: 1}
                transforms:
                  - random_horizontal_flip: {p: 1.0}
                  - resize: {height: 98, width: 134}
                  - to_tensor: {}
                loader: {batch_size: 2, shuffle: false, num_workers: 0, seed: 0}
                """, StandardCharsets.UTF_8);
    }

    /** The class of mask pixel (x, y) of photo n: 1 on a left band, 2 + n on a bottom band, 0 elsewhere. */
    private static int drawnClass(int n, int x, int y) {
        return x < 20 ? 1 : y > 30 + n ? 2 + n : 0;
    }

    @Test
    void dumpWritesTheMovedMasksStackedAsUint8() throws IOException {
        Path out = dir.resolve("out");
        Cli.Result result = Cli.run("dump", config.toString(), "--out", out.toString());
        assertEquals(0, result.status(), result::toString);
        assertEquals(List.of("batch-00000: images float32 [2, 3, 98, 134], labels int64 [2, 0], masks uint8 [2, 98, 134], "
                + "indices [0, 1]", "wrote 1 batches of epoch 0 to " + out), result.outLines());
        NpyReader.Array masks = NpyReader.read(out.resolve("batch-00000-masks.npy"));
        assertEquals("|u1", masks.descr());
        assertArrayEquals(new int[] {2, 98, 134}, masks.shape());
        byte[] expected = new byte[2 * 98 * 134];
        for (int n = 0; n < 2; n++) {
            for (int y = 0; y < 98; y++) {
                for (int x = 0; x < 134; x++) {
                    // Nearest: output pixel (x, y) takes source (x / 2, y / 2) of the mirrored mask.
                    expected[(n * 98 + y) * 134 + x] = (byte) drawnClass(n, WIDTH - 1 - x / 2, y / 2);
                }
            }
        }
        byte[] dumped = new byte[masks.data().remaining()];
        masks.data().duplicate().get(dumped);
        assertArrayEquals(expected, dumped);
        assertFalse(Files.exists(out.resolve("batch-00000-boxes.npy")), "a segmentation dataset has no boxes");
    }

    @Test
    void inspectBlendsEachClassHalfWayToItsColourAndLeavesTheBackgroundAsItIs() throws IOException {
        Path sheet = dir.resolve("sheet.png");
        Cli.Result result = Cli.run("inspect", config.toString(), "--out", sheet.toString());
        assertEquals(0, result.status(), result::toString);
        Path out = dir.resolve("out");
        assertEquals(0, Cli.run("dump", config.toString(), "--out", out.toString()).status());
        NpyReader.Array images = NpyReader.read(out.resolve("batch-00000-images.npy"));
        float[] levels = images.floats();
        BufferedImage png = ImageIO.read(sheet.toFile());
        // Photo 0's right band is class 1 (mirrored from the left): colour 60, 180, 75; its middle is class 0.
        int[][] pixels = {{130, 10}, {60, 10}};
        int[][] expectedColour = {{60, 180, 75}, null};
        for (int k = 0; k < pixels.length; k++) {
            int x = pixels[k][0];
            int y = pixels[k][1];
            int rgb = png.getRGB(2 + x, 2 + y);
            for (int c = 0; c < 3; c++) {
                // The sheet's level of a [0, 1] float, as torchvision's save_image: x * 255 + 0.5, truncated.
                int level = (int) Math.min(255f, levels[(c * 98 + y) * 134 + x] * 255f + 0.5f);
                int drawn = expectedColour[k] == null ? level : (level + expectedColour[k][c] + 1) / 2;
                assertEquals(drawn, rgb >> (16 - 8 * c) & 0xFF, "channel " + c + " at (" + x + ", " + y + ")");
            }
        }
    }
}
