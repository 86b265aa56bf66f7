package dev.sluice.examples.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sluice.api.Image;
import dev.sluice.api.Tensor;
import dev.sluice.api.contract.TestImages;
import dev.sluice.api.target.BatchKeyPoints;
import dev.sluice.api.target.KeyPoints;
import dev.sluice.core.collate.LabeledBatch;
import dev.sluice.core.dataset.ImageLabelDataset;
import dev.sluice.core.dataset.LabeledSample;
import dev.sluice.core.dataset.SampleRandom;
import dev.sluice.core.loader.DataLoader;
import dev.sluice.core.wiring.ConfigException;
import dev.sluice.core.wiring.Sluice;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A YOLO pose dataset made here: real JPEG photographs of two "faces" of 5 points each (nose, left
 * eye, right eye, left ear, right ear, as COCO's first five), each point a square of its own colour,
 * with {@code kpt_shape: [5, 3]} and Ultralytics' {@code flip_idx: [0, 2, 1, 4, 3]}, loaded through
 * the configuration, the label index, the decoder, {@code random_horizontal_flip} at {@code p = 1}
 * and the loader's collate. After the flip, each point sits on the square of the point it mirrors
 * (the left eye on the mirrored right eye's square), at {@code x' = W - 1 - x}, its visibility moved
 * with it; without {@code flip_idx} the points keep their order, as torchvision's flip keeps it.
 */
class PoseFlipEndToEndTest {
    private static final int SIDE = 64;
    private static final int[] FLIP_IDX = {0, 2, 1, 4, 3};
    /** One colour per key point: red, green, blue, yellow, magenta. */
    private static final int[][] COLOURS = {{230, 20, 20}, {20, 200, 20}, {20, 20, 230}, {230, 220, 20}, {220, 20, 220}};
    private static final int[] GREY = {128, 128, 128};

    /** Per image, per face: 5 points of (column, row, visibility); a visibility-0 point is (0, 0) and has no square. */
    private static final int[][][][] FACES = {
        {
            {{32, 20, 2}, {24, 14, 2}, {40, 14, 1}, {16, 22, 2}, {48, 22, 1}},
            {{12, 48, 2}, {8, 44, 1}, {20, 44, 2}, {0, 0, 0}, {24, 52, 2}},
        },
        {
            {{44, 40, 2}, {36, 32, 2}, {56, 32, 2}, {28, 44, 1}, {60, 44, 2}},
        },
    };

    @TempDir
    Path dir;

    private Path dataset(String flipIdx, String transforms) throws IOException {
        Path images = Files.createDirectories(dir.resolve("images"));
        Path labels = Files.createDirectories(dir.resolve("labels"));
        for (int i = 0; i < FACES.length; i++) {
            Files.write(images.resolve("p" + i + ".jpg"), TestImages.jpeg(drawn(FACES[i]), 95));
            StringBuilder lines = new StringBuilder();
            for (int[][] face : FACES[i]) {
                lines.append("0 0.5 0.5 0.5 0.5");
                for (int[] point : face) {
                    lines.append(' ').append(point[0] / (double) SIDE).append(' ').append(point[1] / (double) SIDE)
                            .append(' ').append(point[2]);
                }
                lines.append('\n');
            }
            Files.writeString(labels.resolve("p" + i + ".txt"), lines);
        }
        Path config = dir.resolve("sluice.yaml");
        Files.writeString(config, String.join("\n",
                "dataset: {format: yolo, labels: " + labels + ", root: " + images + ", kpt_shape: [5, 3]" + flipIdx
                        + "}",
                "decoder: {backend: imageio}",
                "transforms:",
                transforms,
                "loader: {batch_size: 2, num_workers: 2, seed: 3}", ""));
        return config;
    }

    /** A grey image with a 7 x 7 square of each labelled point's colour centred on its pixel. */
    private static Image drawn(int[][][] faces) {
        byte[] rgb = new byte[SIDE * SIDE * 3];
        for (int p = 0; p < SIDE * SIDE; p++) {
            for (int c = 0; c < 3; c++) {
                rgb[p * 3 + c] = (byte) GREY[c];
            }
        }
        for (int[][] face : faces) {
            for (int k = 0; k < face.length; k++) {
                if (face[k][2] == 0) {
                    continue;
                }
                for (int y = face[k][1] - 3; y <= face[k][1] + 3; y++) {
                    for (int x = face[k][0] - 3; x <= face[k][0] + 3; x++) {
                        for (int c = 0; c < 3; c++) {
                            rgb[(y * SIDE + x) * 3 + c] = (byte) COLOURS[k][c];
                        }
                    }
                }
            }
        }
        return Image.wrap(SIDE, SIDE, 3, rgb);
    }

    private record Loaded(List<LabeledSample<Object>> samples, List<BatchKeyPoints> batches) {
    }

    private static Loaded load(Path config) {
        List<LabeledSample<Object>> samples = new ArrayList<>();
        List<BatchKeyPoints> batches = new ArrayList<>();
        try (DataLoader<?, ?> loader = Sluice.fromConfig(config)) {
            @SuppressWarnings("unchecked")
            ImageLabelDataset<Object> dataset = (ImageLabelDataset<Object>) loader.dataset();
            for (int i = 0; i < FACES.length; i++) {
                samples.add(dataset.get(i, SampleRandom.at(0, 0, i)));
            }
            for (Object batch : loader) {
                batches.add(((LabeledBatch) batch).targets().orElseThrow().keyPoints().orElseThrow());
            }
        }
        return new Loaded(samples, batches);
    }

    /** The index of the point colour nearest to the pixel under {@code (x, y)}, or -1 for the grey background. */
    private static int colourAt(Object image, float x, float y) {
        int column = Math.round(x);
        int row = Math.round(y);
        int[] rgb = new int[3];
        for (int c = 0; c < 3; c++) {
            rgb[c] = image instanceof Tensor tensor
                    ? Math.round(tensor.toFloatArray()[(c * SIDE + row) * SIDE + column] * 255)
                    : ((Image) image).get(column, row, c);
        }
        int nearest = -1;
        int best = distance(rgb, GREY);
        for (int k = 0; k < COLOURS.length; k++) {
            int d = distance(rgb, COLOURS[k]);
            if (d < best) {
                best = d;
                nearest = k;
            }
        }
        return nearest;
    }

    private static int distance(int[] a, int[] b) {
        return (a[0] - b[0]) * (a[0] - b[0]) + (a[1] - b[1]) * (a[1] - b[1]) + (a[2] - b[2]) * (a[2] - b[2]);
    }

    /**
     * Checks every sample's points after a left-right flip: point {@code j} of a face has the mirrored
     * x and the y and visibility of point {@code order[j]}, and sits on that point's colour.
     */
    private static void assertMirrored(Loaded loaded, int[] order) {
        for (int i = 0; i < FACES.length; i++) {
            LabeledSample<Object> sample = loaded.samples().get(i);
            KeyPoints points = sample.targets().keyPoints().orElseThrow();
            assertEquals(FACES[i].length * 5, points.count());
            float[] visibility = points.visibility().orElseThrow();
            for (int n = 0; n < FACES[i].length; n++) {
                for (int j = 0; j < 5; j++) {
                    int[] source = FACES[i][n][order[j]];
                    int p = n * 5 + j;
                    String what = "image " + i + " face " + n + " point " + j;
                    assertEquals(SIDE - 1 - source[0], points.x(p), 1e-4, what + " x");
                    assertEquals(source[1], points.y(p), 1e-4, what + " y");
                    assertEquals(source[2], visibility[p], what + " visibility");
                    if (source[2] != 0) {
                        assertEquals(order[j], colourAt(sample.image(), points.x(p), points.y(p)),
                                what + " sits on the square of point " + order[j]);
                    }
                }
            }
        }
        assertEquals(1, loaded.batches().size(), "two images in one batch");
        BatchKeyPoints batch = loaded.batches().get(0);
        List<Float> expected = new ArrayList<>();
        List<Float> expectedVisibility = new ArrayList<>();
        for (LabeledSample<Object> sample : loaded.samples()) {
            KeyPoints points = sample.targets().keyPoints().orElseThrow();
            for (float value : points.coordinates()) {
                expected.add(value);
            }
            for (float value : points.visibility().orElseThrow()) {
                expectedVisibility.add(value);
            }
        }
        assertEquals(expected, floats(batch.coordinates()), "the batch holds the samples' flipped points");
        assertEquals(expectedVisibility, floats(batch.visibility().orElseThrow()));
    }

    private static List<Float> floats(Tensor tensor) {
        List<Float> out = new ArrayList<>();
        for (float value : tensor.toFloatArray()) {
            out.add(value);
        }
        return out;
    }

    /** With {@code to_tensor} last the flip runs fused with the conversion; without, on its own. */
    @ParameterizedTest(name = "to_tensor: {0}")
    @ValueSource(booleans = {false, true})
    void withFlipIdxAHorizontalFlipSwapsLeftAndRightPoints(boolean toTensor) throws IOException {
        Path config = dataset(", flip_idx: [0, 2, 1, 4, 3]",
                "  - random_horizontal_flip: {p: 1.0}" + (toTensor ? "\n  - to_tensor" : ""));
        assertMirrored(load(config), FLIP_IDX);
    }

    @ParameterizedTest(name = "to_tensor: {0}")
    @ValueSource(booleans = {false, true})
    void withoutFlipIdxAHorizontalFlipKeepsThePointsOrderAsTorchvisionDoes(boolean toTensor) throws IOException {
        Path config = dataset("", "  - random_horizontal_flip: {p: 1.0}" + (toTensor ? "\n  - to_tensor" : ""));
        assertMirrored(load(config), new int[] {0, 1, 2, 3, 4});
    }

    @Test
    void aVerticalFlipKeepsThePointsOrderAsUltralyticsDoes() throws IOException {
        Path config = dataset(", flip_idx: [0, 2, 1, 4, 3]", "  - random_vertical_flip: {p: 1.0}");
        Loaded loaded = load(config);
        for (int i = 0; i < FACES.length; i++) {
            LabeledSample<Object> sample = loaded.samples().get(i);
            KeyPoints points = sample.targets().keyPoints().orElseThrow();
            for (int p = 0; p < points.count(); p++) {
                int[] source = FACES[i][p / 5][p % 5];
                assertEquals(source[0], points.x(p), 1e-4);
                assertEquals(SIDE - 1 - source[1], points.y(p), 1e-4);
                assertEquals(source[2], points.visibility().orElseThrow()[p]);
                if (source[2] != 0) {
                    assertEquals(p % 5, colourAt(sample.image(), points.x(p), points.y(p)));
                }
            }
        }
    }

    @Test
    void aFlipIdxThatIsNotAPermutationOfThePointsIsRefusedByItsKey() throws IOException {
        String rule = "dataset.flip_idx: must list, for each of the 5 key points of kpt_shape, the point it becomes in "
                + "a left-right mirror (each of 0 to 4 once), as flip_idx in the dataset's YAML; ";
        Path twice = dataset(", flip_idx: [0, 2, 2, 4, 3]", "  - random_horizontal_flip: {p: 1.0}");
        ConfigException e = assertThrows(ConfigException.class, () -> Sluice.fromConfig(twice).close());
        assertEquals(twice + ": " + rule + "2 is at flip_idx[1] and again at flip_idx[2], was [0, 2, 2, 4, 3] (line 1)",
                e.getMessage());
        Path shorter = dataset(", flip_idx: [0, 2, 1]", "  - random_horizontal_flip: {p: 1.0}");
        e = assertThrows(ConfigException.class, () -> Sluice.fromConfig(shorter).close());
        assertEquals(shorter + ": " + rule + "it has 3 values, was [0, 2, 1] (line 1)", e.getMessage());
    }
}
