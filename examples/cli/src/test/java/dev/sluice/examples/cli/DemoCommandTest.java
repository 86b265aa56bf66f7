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

/** {@code sluice demo}: the seed walkthrough, line by line. */
class DemoCommandTest {
    // train.txt's labels in file order: subject, then colour.
    static final String FIRST_BATCH = "[[2, 3], [1, 0], [3, 2], [0, 1], [0, 1], [1, 0], [4, 0]]";
    static final String SECOND_BATCH = "[[2, 0], [3, 3], [0, 2]]";

    @TempDir
    Path dir;

    @Test
    void twoEpochsThenFourEndlessStepsThenAContactSheet() throws IOException {
        Path sheet = dir.resolve("first.png");
        Cli.Result result = Cli.run("demo", "--out", sheet.toString());
        assertEquals(0, result.status(), result::toString);
        List<String> lines = result.outLines();
        String images7 = "images float32 [7, 3, 96, 96], labels ";
        String images3 = "images float32 [3, 3, 96, 96], labels ";
        assertEquals(List.of(
                "The seed walkthrough on the sample dataset (ten photographs with two labels each, from "
                        + "examples/sample-data)",
                "",
                "1. 2 epochs of 10 samples in batches of 7",
                "epoch 0 batch 0: " + images7 + FIRST_BATCH,
                "epoch 0 batch 1: " + images3 + SECOND_BATCH,
                "epoch 1 batch 0: " + images7 + FIRST_BATCH,
                "epoch 1 batch 1: " + images3 + SECOND_BATCH,
                "",
                "2. Endless (dataset.repeat: forever), stopped after ceil(10 / 7) * 2 = 4 steps",
                // Batches run on across the passes: 0-6, 7-9 and 0-3, 4-9 and 0, 1-7.
                "step 0: " + images7 + FIRST_BATCH,
                "step 1: " + images7 + "[[2, 0], [3, 3], [0, 2], [2, 3], [1, 0], [3, 2], [0, 1]]",
                "step 2: " + images7 + "[[0, 1], [1, 0], [4, 0], [2, 0], [3, 3], [0, 2], [2, 3]]",
                "step 3: " + images7 + "[[1, 0], [3, 2], [0, 1], [0, 1], [1, 0], [4, 0], [2, 0]]",
                "",
                "3. The first batch as a contact sheet (where the recipe opened a window): " + sheet.toAbsolutePath()),
                lines);
        BufferedImage png = ImageIO.read(sheet.toFile());
        assertTrue(png.getWidth() >= 7 * 96 && png.getHeight() >= 96, png.getWidth() + "x" + png.getHeight());
    }

    @Test
    void withoutOutTheSheetGoesToANewTemporaryFolderAndTheDataCopyIsRemoved() throws IOException {
        Cli.Result result = Cli.run("demo");
        assertEquals(0, result.status(), result::toString);
        String last = result.outLines().get(result.outLines().size() - 1);
        Path sheet = Path.of(last.substring(last.lastIndexOf(": ") + 2));
        try {
            assertTrue(Files.size(sheet) > 1000, sheet + " holds a picture");
            assertEquals("first-batch.png", sheet.getFileName().toString());
            assertFalse(Files.exists(sheet.resolveSibling("sample-data")), "the copy of the sample data is removed");
        } finally {
            Files.deleteIfExists(sheet);
            Files.deleteIfExists(sheet.getParent());
        }
    }

    @Test
    void theDemoTakesSetsButKeepsItsBatchSize() {
        Cli.Result result = Cli.run("demo", "--out", dir.resolve("s.png").toString(), "--set", "loader.batch_size=3",
                "--set", "loader.num_workers=0");
        assertEquals(0, result.status(), result::toString);
        // batch 0 holds 7 samples: with the --set batch size of 3 it would hold 3.
        assertTrue(result.out().contains("in batches of 7"), result::toString);
        assertTrue(result.out().contains("epoch 0 batch 0: images float32 [7, 3, 96, 96]"), result::toString);
        assertTrue(result.out().contains("epoch 0 batch 1: images float32 [3, 3, 96, 96]"), result::toString);
    }
}
