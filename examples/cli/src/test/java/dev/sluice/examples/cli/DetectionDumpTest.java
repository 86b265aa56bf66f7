package dev.sluice.examples.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * {@code sluice dump} and {@code sluice inspect} on a COCO detection dataset made here from three real
 * photographs (49 x 67 crops from sluice-api's test-jar) with hand-placed boxes: the dumped boxes are
 * the hand-placed ones mirrored and doubled, as the configuration's flip and resize move them, and the
 * contact sheet outlines them where they are.
 */
class DetectionDumpTest {
    private static final String PHOTOS = "/dev/sluice/api/contract/photos/";
    private static final int WIDTH = 67;
    private static final int HEIGHT = 49;
    /** COCO's XYWH boxes of dune.jpg (category 7, "dune") and ladybird.jpg (category 3, "ladybird"). */
    private static final float[][] DUNE_BOXES = {{4, 10, 30, 20}, {40.5f, 2, 20, 30.25f}};
    private static final float[][] LADYBIRD_BOXES = {{20, 15, 25, 18}};

    @TempDir
    Path dir;
    private Path config;

    @BeforeEach
    void makeTheDataset() throws IOException {
        Path images = Files.createDirectories(dir.resolve("images"));
        copy("dune-q95-444.jpg", images.resolve("dune.jpg"));
        copy("ladybird-q90-420.jpg", images.resolve("ladybird.jpg"));
        copy("flower-progressive.jpg", images.resolve("flower.jpg"));
        String json = "{\"images\": [" + image(1, "dune.jpg") + ", " + image(2, "ladybird.jpg") + ", "
                + image(3, "flower.jpg") + "],\n\"annotations\": [" + annotation(1, 1, 7, DUNE_BOXES[0]) + ",\n"
                + annotation(2, 1, 3, DUNE_BOXES[1]) + ",\n" + annotation(3, 2, 3, LADYBIRD_BOXES[0]) + "],\n"
                + "\"categories\": [{\"id\": 3, \"name\": \"ladybird\"}, {\"id\": 7, \"name\": \"dune\"}]}\n";
        Files.writeString(dir.resolve("instances.json"), json, StandardCharsets.UTF_8);
        config = dir.resolve("sluice.yaml");
        Files.writeString(config, """
                dataset: {format: coco, labels: instances.json, root: images}
                decoder: {backend: auto, mode: rgb, reduce: 1}
                transforms:
                  - random_horizontal_flip: {p: 1.0}
                  - resize: {height: 98, width: 134}
                  - to_tensor: {}
                loader: {batch_size: 2, shuffle: false, num_workers: 2, seed: 0}
                """, StandardCharsets.UTF_8);
    }

    private static void copy(String photo, Path to) throws IOException {
        try (InputStream in = DetectionDumpTest.class.getResourceAsStream(PHOTOS + photo)) {
            Files.copy(in, to);
        }
    }

    private static String image(int id, String name) {
        return "{\"id\": " + id + ", \"file_name\": \"" + name + "\", \"height\": " + HEIGHT + ", \"width\": " + WIDTH + "}";
    }

    /** A COCO annotation whose outline is the box's rectangle. */
    private static String annotation(int id, int image, int category, float[] xywh) {
        float right = xywh[0] + xywh[2];
        float bottom = xywh[1] + xywh[3];
        return "{\"id\": " + id + ", \"image_id\": " + image + ", \"category_id\": " + category + ", \"bbox\": [" + xywh[0]
                + ", " + xywh[1] + ", " + xywh[2] + ", " + xywh[3] + "], \"iscrowd\": 0, \"segmentation\": [[" + xywh[0] + ", "
                + xywh[1] + ", " + right + ", " + xywh[1] + ", " + right + ", " + bottom + ", " + xywh[0] + ", " + bottom + "]]}";
    }

    /** A hand-placed XYWH box flipped left to right on the 67-pixel-wide photo, then doubled by the resize. */
    private static float[] moved(float[] xywh) {
        return new float[] {2 * (WIDTH - xywh[0] - xywh[2]), 2 * xywh[1], 2 * (WIDTH - xywh[0]), 2 * (xywh[1] + xywh[3])};
    }

    @Test
    void dumpWritesEachBatchsBoxesAsRowsOfBatchIndexAndMovedCornersWithTheirLabels() throws IOException {
        Path out = dir.resolve("out");
        Cli.Result result = Cli.run("dump", config.toString(), "--out", out.toString());
        assertEquals(0, result.status(), result::toString);
        assertEquals(List.of("batch-00000: images float32 [2, 3, 98, 134], labels int64 [2, 0], boxes [3, 5], indices [0, 1]",
                "batch-00001: images float32 [1, 3, 98, 134], labels int64 [1, 0], boxes [0, 5], indices [2]",
                "wrote 2 batches of epoch 0 to " + out), result.outLines());

        NpyReader.Array boxes = NpyReader.read(out.resolve("batch-00000-boxes.npy"));
        assertEquals("<f4", boxes.descr());
        assertArrayEquals(new int[] {3, 5}, boxes.shape());
        float[] expected = new float[15];
        float[][] rows = {moved(DUNE_BOXES[0]), moved(DUNE_BOXES[1]), moved(LADYBIRD_BOXES[0])};
        float[] owners = {0, 0, 1};
        for (int t = 0; t < 3; t++) {
            expected[t * 5] = owners[t];
            System.arraycopy(rows[t], 0, expected, t * 5 + 1, 4);
        }
        assertArrayEquals(expected, boxes.floats(), 1e-4f);
        NpyReader.Array labels = NpyReader.read(out.resolve("batch-00000-box-labels.npy"));
        assertEquals("<i8", labels.descr());
        assertArrayEquals(new long[] {1, 0, 0}, labels.longs(), "categories by position of their id: 3 -> 0, 7 -> 1");

        NpyReader.Array none = NpyReader.read(out.resolve("batch-00001-boxes.npy"));
        assertArrayEquals(new int[] {0, 5}, none.shape(), "the flower has no annotations: no rows, the same columns");
        assertArrayEquals(new int[] {0}, NpyReader.read(out.resolve("batch-00001-box-labels.npy")).shape());
        assertFalse(Files.exists(out.resolve("batch-00000-masks.npy")), "boxes only, no masks");
    }

    /**
     * The same file with every id a string, as pycocotools reads them: the same boxes, the labels now the
     * categories' positions in string order ("dune" before "ladybird"), and no id in what is written.
     */
    @Test
    void stringIdsGiveTheSameBoxesWithLabelsInTheStringOrderOfTheCategoryIds() throws IOException {
        Path instances = dir.resolve("instances.json");
        String json = Files.readString(instances, StandardCharsets.UTF_8);
        String[] names = {"dune", "ladybird", "flower"};
        for (int id = 1; id <= 3; id++) {
            json = json.replace("{\"id\": " + id + ", \"file_name\"", "{\"id\": \"" + names[id - 1] + "\", \"file_name\"")
                    .replace("\"image_id\": " + id + ",", "\"image_id\": \"" + names[id - 1] + "\",");
        }
        json = json.replace("\"category_id\": 7,", "\"category_id\": \"dune\",")
                .replace("\"category_id\": 3,", "\"category_id\": \"ladybird\",")
                .replace("{\"id\": 3, \"name\"", "{\"id\": \"ladybird\", \"name\"")
                .replace("{\"id\": 7, \"name\"", "{\"id\": \"dune\", \"name\"");
        assertFalse(json.matches("(?s).*(\"(image_id|category_id)\": [0-9]|\"id\": [0-9]+, \"(file_)?name\").*"), json);
        Files.writeString(instances, json, StandardCharsets.UTF_8);
        Path out = dir.resolve("out");
        Cli.Result result = Cli.run("dump", config.toString(), "--out", out.toString(), "--batches", "1");
        assertEquals(0, result.status(), result::toString);
        float[][] rows = {moved(DUNE_BOXES[0]), moved(DUNE_BOXES[1]), moved(LADYBIRD_BOXES[0])};
        float[] expected = new float[15];
        float[] owners = {0, 0, 1};
        for (int t = 0; t < 3; t++) {
            expected[t * 5] = owners[t];
            System.arraycopy(rows[t], 0, expected, t * 5 + 1, 4);
        }
        assertArrayEquals(expected, NpyReader.read(out.resolve("batch-00000-boxes.npy")).floats(), 1e-4f);
        assertArrayEquals(new long[] {0, 1, 1}, NpyReader.read(out.resolve("batch-00000-box-labels.npy")).longs(),
                "categories by position of their id: \"dune\" -> 0, \"ladybird\" -> 1");
    }

    @Test
    void instanceMasksAreWrittenOneLayerPerBoxInsideItsMovedBox() throws IOException {
        Files.writeString(config, Files.readString(config).replace("root: images}", "root: images, masks: true}"));
        Path out = dir.resolve("out");
        Cli.Result result = Cli.run("dump", config.toString(), "--out", out.toString(), "--batches", "1");
        assertEquals(0, result.status(), result::toString);
        assertEquals("batch-00000: images float32 [2, 3, 98, 134], labels int64 [2, 0], boxes [3, 5], instance masks "
                + "uint8 [3, 98, 134], indices [0, 1]", result.outLines().get(0));
        NpyReader.Array layers = NpyReader.read(out.resolve("batch-00000-instance-masks.npy"));
        float[][] boxes = {moved(DUNE_BOXES[0]), moved(DUNE_BOXES[1]), moved(LADYBIRD_BOXES[0])};
        for (int t = 0; t < 3; t++) {
            int inside = 0;
            int outside = 0;
            for (int y = 0; y < 98; y++) {
                for (int x = 0; x < 134; x++) {
                    if (layers.data().get((t * 98 + y) * 134 + x) != 0) {
                        boolean in = x >= boxes[t][0] - 2 && x < boxes[t][2] + 2 && y >= boxes[t][1] - 2 && y < boxes[t][3] + 2;
                        inside += in ? 1 : 0;
                        outside += in ? 0 : 1;
                    }
                }
            }
            float area = (boxes[t][2] - boxes[t][0]) * (boxes[t][3] - boxes[t][1]);
            assertEquals(0, outside, "layer " + t + " has pixels outside its box");
            assertTrue(inside > 0.9 * area, "layer " + t + " fills its box: " + inside + " of " + area);
        }
    }

    @Test
    void inspectOutlinesTheMovedBoxesInTheColourOfTheirLabel() throws IOException {
        Path sheet = dir.resolve("sheet.png");
        Cli.Result result = Cli.run("inspect", config.toString(), "--out", sheet.toString());
        assertEquals(0, result.status(), result::toString);
        BufferedImage png = ImageIO.read(sheet.toFile());
        // The first picture sits at (2, 2); the ladybird box (label 0, first palette colour 230, 25, 75) is the
        // second box of the dune picture; its right side runs down x2 = 2 * (67 - 40.5) = 53.
        float[] box = moved(DUNE_BOXES[1]);
        int x = 2 + (int) box[2];
        int y = 2 + (int) ((box[1] + box[3]) / 2);
        assertEquals(0xE6194B, png.getRGB(x, y) & 0xFFFFFF, "the outline at (" + x + ", " + y + ")");
        int dune = 0;
        for (int row = 0; row < png.getHeight(); row++) {
            for (int column = 0; column < png.getWidth(); column++) {
                dune += (png.getRGB(column, row) & 0xFFFFFF) == 0x3CB44B ? 1 : 0;
            }
        }
        // The dune box (label 1, 60, 180, 75) is 60 x 40 pixels: an outline of about 200 pixels and its name.
        assertTrue(dune > 190, "pixels of the dune box's colour: " + dune);
    }
}
