package dev.sluice.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sluice inspect}: a contact sheet of one batch. */
class InspectCommandTest {
    @TempDir
    Path dir;

    @Test
    void theFirstBatchIsDrawnToAPng() throws IOException {
        Path sheet = dir.resolve("batch.png");
        Cli.Result result = Cli.run("inspect", Cli.sampleConfig(), "--out", sheet.toString());
        assertEquals(0, result.status(), result::toString);
        assertEquals(List.of("batch 0 (7 samples, labels " + DemoCommandTest.FIRST_BATCH + ") drawn to " + sheet),
                result.outLines());
        BufferedImage png = ImageIO.read(sheet.toFile());
        assertTrue(png.getWidth() >= 7 * 96, "seven pictures side by side: " + png.getWidth());
    }

    @Test
    void batchChoosesWhichBatchAndAJpegNameWritesAJpeg() throws IOException {
        Path sheet = dir.resolve("batch.jpg");
        Cli.Result result = Cli.run("inspect", Cli.sampleConfig(), "--out", sheet.toString(), "--batch", "1");
        assertEquals(0, result.status(), result::toString);
        assertEquals(List.of("batch 1 (3 samples, labels " + DemoCommandTest.SECOND_BATCH + ") drawn to " + sheet),
                result.outLines());
        byte[] bytes = Files.readAllBytes(sheet);
        assertEquals(0xFF, bytes[0] & 0xFF);
        assertEquals(0xD8, bytes[1] & 0xFF, "a JPEG start-of-image marker");
    }

    @Test
    void aBatchPastTheEndIsAUsageErrorAndWritesNothing() {
        Path sheet = dir.resolve("batch.png");
        Cli.Result result = Cli.run("inspect", Cli.sampleConfig(), "--out", sheet.toString(), "--batch", "2");
        assertEquals(2, result.status(), result::toString);
        assertEquals(List.of("sluice: sluice inspect: --batch 2 is past the end of epoch 0, which has 2 batches (0 to 1)"),
                result.errLines());
        assertFalse(Files.exists(sheet));
    }

    @Test
    void anOutputWithoutExtensionIsRefusedBeforeLoading() {
        Cli.Result result = Cli.run("inspect", Cli.sampleConfig(), "--out", dir.resolve("sheet").toString());
        assertEquals(2, result.status(), result::toString);
        assertEquals(List.of("sluice: " + dir.resolve("sheet") + ": no file extension to choose an image format by; "
                + "name it .png or .jpg"), result.errLines());
    }
}
