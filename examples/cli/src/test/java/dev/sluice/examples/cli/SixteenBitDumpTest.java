package dev.sluice.examples.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sluice.api.Image;
import dev.sluice.api.contract.SixteenBitImages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code sluice dump} of 16-bit PNGs decoded with {@code mode: unchanged}: the images stay uint16
 * through decode, a centre crop and collate, and land in the .npy file as {@code <u2}; through
 * {@code to_tensor} they become floats scaled by 65535. Both decoder backends, read back from the files.
 */
class SixteenBitDumpTest {
    private static final int WIDTH = 40;
    private static final int HEIGHT = 30;

    @TempDir
    Path dir;

    /** Two 40x30 RGB gradients using the whole 16-bit range, the second the first's negative. */
    private Image[] writeImages() throws IOException {
        Image first = SixteenBitImages.gradient(WIDTH, HEIGHT, 3);
        short[] negative = new short[WIDTH * HEIGHT * 3];
        first.copyTo(negative, 0);
        for (int i = 0; i < negative.length; i++) {
            negative[i] = (short) (65535 - (negative[i] & 0xFFFF));
        }
        Image second = Image.wrapUint16(WIDTH, HEIGHT, 3, negative);
        Files.createDirectories(dir.resolve("images"));
        Files.write(dir.resolve("images/a.png"), SixteenBitImages.png(first));
        Files.write(dir.resolve("images/b.tif"), SixteenBitImages.tiff(second));
        Files.writeString(dir.resolve("train.txt"), "a.png 0\nb.tif 1\n");
        return new Image[] {first, second};
    }

    private Path config(String backend, String transforms) throws IOException {
        return Files.writeString(dir.resolve("sluice.yaml"), String.join("\n",
                "dataset: {format: txt, labels: train.txt, root: images}",
                "decoder: {backend: " + backend + ", mode: unchanged, reduce: 1}",
                "transforms:",
                transforms,
                "loader: {batch_size: 2, shuffle: false, num_workers: 1, seed: 0}", ""));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"imageio", "opencv"})
    void croppedSixteenBitImagesAreDumpedAsUint16(String backend) throws IOException {
        Image[] sources = writeImages();
        Path out = dir.resolve("out");
        Cli.Result result = Cli.run("dump", config(backend, "  - center_crop: {size: [20, 30]}").toString(),
                "--out", out.toString(), "--batches", "1");
        assertEquals(0, result.status(), result::toString);
        NpyReader.Array images = NpyReader.read(out.resolve("batch-00000-images.npy"));
        assertEquals("<u2", images.descr());
        assertArrayEquals(new int[] {2, 20, 30, 3}, images.shape());
        int[] levels = images.uint16s();
        int at = 0;
        for (Image source : sources) {
            for (int y = 5; y < 25; y++) {
                for (int x = 5; x < 35; x++) {
                    for (int c = 0; c < 3; c++) {
                        assertEquals(source.get(x, y, c), levels[at++], "sample (" + x + ", " + y + ", " + c + ")");
                    }
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"imageio", "opencv"})
    void toTensorScalesSixteenBitLevelsBy65535(String backend) throws IOException {
        Image[] sources = writeImages();
        Path out = dir.resolve("out");
        Cli.Result result = Cli.run("dump", config(backend, "  - to_tensor: {}").toString(), "--out", out.toString(),
                "--batches", "1");
        assertEquals(0, result.status(), result::toString);
        NpyReader.Array images = NpyReader.read(out.resolve("batch-00000-images.npy"));
        assertEquals("<f4", images.descr());
        assertArrayEquals(new int[] {2, 3, HEIGHT, WIDTH}, images.shape());
        float[] values = images.floats();
        int at = 0;
        for (Image source : sources) {
            for (int c = 0; c < 3; c++) {
                for (int y = 0; y < HEIGHT; y++) {
                    for (int x = 0; x < WIDTH; x++) {
                        assertEquals(source.get(x, y, c) / 65535f, values[at++], "sample (" + x + ", " + y + ", " + c + ")");
                    }
                }
            }
        }
    }
}
