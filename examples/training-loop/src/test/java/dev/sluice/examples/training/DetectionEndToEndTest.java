package dev.sluice.examples.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.Image;
import dev.sluice.api.Region;
import dev.sluice.api.Tensor;
import dev.sluice.api.target.BoundingBoxes;
import dev.sluice.api.target.BoxFormat;
import dev.sluice.api.target.CanvasSize;
import dev.sluice.core.dataset.ImageLabelDataset;
import dev.sluice.core.dataset.LabeledSample;
import dev.sluice.core.dataset.SampleRandom;
import dev.sluice.core.loader.DataLoader;
import dev.sluice.core.wiring.Sluice;
import dev.sluice.plugins.transforms.Size;
import dev.sluice.plugins.transforms.geometry.RandomHorizontalFlip;
import dev.sluice.plugins.transforms.geometry.RandomResizedCrop;
import dev.sluice.plugins.transforms.tensor.ToTensor;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;

/**
 * A small COCO detection dataset made here from real photographs (the api test-jar's) with boxes
 * placed by hand around objects in them, loaded through the {@code coco} format with
 * {@code random_resized_crop} and {@code random_horizontal_flip}, as a detection configuration reads:
 * every output box is the transformed corner points' bounding box for the draws the sample made
 * (replayed here from the same random source), and the pixels inside it are the pixels inside the
 * source box (their mean colour), so that the box sits on the same object.
 */
class DetectionEndToEndTest {
    private static final String PHOTOS = "/dev/sluice/api/contract/photos/";
    private static final int OUT_W = 48;
    private static final int OUT_H = 40;

    /** A photograph and its hand-placed boxes, COCO's XYWH on the stored 67 x 49 pixels, with categories. */
    private record Photo(String file, double[][] boxes, int[] categories) {
    }

    private static final List<Photo> PHOTOS_WITH_BOXES = List.of(
            new Photo("ladybird.png", new double[][] {{17, 2, 49, 27}, {26, 20, 34, 12}, {0, 21, 20, 15}},
                    new int[] {1, 2, 3}),
            new Photo("flower-rgba.png", new double[][] {{34, 30, 33, 19}, {24.5, 21, 11.5, 11}}, new int[] {4, 5}),
            new Photo("dune-q95-444.jpg", new double[][] {{22, 0, 20, 49}, {0, 0, 10, 49}}, new int[] {6, 6}),
            // stored 67 x 49 and turned by its EXIF orientation 6: the boxes are for the stored pixels
            new Photo("dune-exif6.jpg", new double[][] {{22, 0, 20, 49}}, new int[] {6}),
            new Photo("ladybird-q90-420.jpg", new double[][] {{17, 2, 49, 27}}, new int[] {1}));

    @TempDir
    Path dir;

    private Path writeDataset(boolean toTensor) throws IOException {
        Path images = Files.createDirectories(dir.resolve("images"));
        StringBuilder imagesJson = new StringBuilder();
        StringBuilder annotations = new StringBuilder();
        int annotation = 0;
        for (int i = 0; i < PHOTOS_WITH_BOXES.size(); i++) {
            Photo photo = PHOTOS_WITH_BOXES.get(i);
            try (InputStream in = DetectionEndToEndTest.class.getResourceAsStream(PHOTOS + photo.file())) {
                Files.write(images.resolve(photo.file()), in.readAllBytes());
            }
            imagesJson.append(i == 0 ? "" : ",\n").append("{\"id\": ").append(i + 1).append(", \"file_name\": \"")
                    .append(photo.file()).append("\", \"height\": 49, \"width\": 67}");
            for (int b = 0; b < photo.boxes().length; b++) {
                double[] box = photo.boxes()[b];
                annotations.append(annotation == 0 ? "" : ",\n").append("{\"id\": ").append(++annotation)
                        .append(", \"image_id\": ").append(i + 1).append(", \"category_id\": ").append(photo.categories()[b])
                        .append(", \"iscrowd\": 0, \"bbox\": [").append(box[0]).append(", ").append(box[1]).append(", ")
                        .append(box[2]).append(", ").append(box[3]).append("]}");
            }
        }
        StringBuilder categories = new StringBuilder();
        for (int c = 1; c <= 6; c++) {
            categories.append(c == 1 ? "" : ", ").append("{\"id\": ").append(c).append(", \"name\": \"c").append(c).append("\"}");
        }
        Path labels = dir.resolve("instances.json");
        Files.writeString(labels, "{\"images\": [\n" + imagesJson + "],\n\"annotations\": [\n" + annotations
                + "],\n\"categories\": [" + categories + "]}\n");
        Path config = dir.resolve("sluice.yaml");
        Files.writeString(config, String.join("\n",
                "dataset: {format: coco, labels: " + labels + ", root: " + images + "}",
                "decoder: {backend: imageio}",
                "transforms:",
                "  - random_resized_crop: {size: [" + OUT_H + ", " + OUT_W + "], scale: [0.25, 1.0]}",
                "  - random_horizontal_flip: {p: 0.5}",
                toTensor ? "  - to_tensor" : "",
                "loader: {batch_size: 2, num_workers: 2, seed: 5}", ""));
        return config;
    }

    /** With {@code to_tensor} last the crop, flip and conversion run fused in one pass; without, step by step. */
    @ParameterizedTest(name = "to_tensor: {0}")
    @ValueSource(booleans = {true, false})
    void boxesFollowTheirObjectsThroughCropAndFlip(boolean toTensor) throws IOException {
        Path config = writeDataset(toTensor);
        RandomResizedCrop crop = RandomResizedCrop.of(new Size(OUT_W, OUT_H)).scale(0.25, 1.0);
        RandomHorizontalFlip flip = RandomHorizontalFlip.of(0.5);
        int flipped = 0;
        int checkedColours = 0;
        try (DataLoader<?, ?> loader = Sluice.fromConfig(config)) {
            @SuppressWarnings("unchecked")
            ImageLabelDataset<Object> dataset = (ImageLabelDataset<Object>) loader.dataset();
            for (int round = 0; round < 6; round++) {
                for (int i = 0; i < PHOTOS_WITH_BOXES.size(); i++) {
                    Photo photo = PHOTOS_WITH_BOXES.get(i);
                    long index = i;
                    SplittableRandom draws = SampleRandom.at(round, 0, i);
                    LabeledSample<Object> sample = dataset.get(index, SampleRandom.at(round, 0, i));
                    Region window = crop.window(67, 49, draws);
                    boolean mirrored = flip.draw(draws);
                    flipped += mirrored ? 1 : 0;
                    Tensor pixels = toTensor ? (Tensor) sample.image() : ToTensor.of().apply((Image) sample.image(), draws);
                    assertEquals(List.of(3, OUT_H, OUT_W), List.of(pixels.shape()[0], pixels.shape()[1], pixels.shape()[2]));
                    BoundingBoxes boxes = sample.targets().boxes().orElseThrow();
                    assertEquals(new CanvasSize(OUT_H, OUT_W), boxes.canvas());
                    assertEquals(photo.boxes().length, boxes.count(), photo.file());
                    BufferedImage source = decodedStored(photo.file());
                    BoundingBoxes xyxy = boxes.to(BoxFormat.XYXY);
                    for (int b = 0; b < boxes.count(); b++) {
                        double[] expected = expectedBox(photo.boxes()[b], window, mirrored);
                        String what = photo.file() + " box " + b + " round " + round + " crop " + window
                                + (mirrored ? " flipped" : "");
                        for (int k = 0; k < 4; k++) {
                            assertEquals(expected[k], xyxy.coordinate(b, k), 1e-3, what + " coordinate " + k);
                        }
                        assertEquals(photo.categories()[b] - 1, boxes.label(b), "labels are category positions");
                        checkedColours += sameObject(source, photo.boxes()[b], window, pixels, expected, mirrored, what)
                                ? 1 : 0;
                    }
                }
            }
            int batches = 0;
            for (Object batch : loader) {
                batches++;
            }
            assertEquals(3, batches, "an epoch of 5 samples in batches of 2 runs with 2 workers");
        }
        assertTrue(flipped > 5 && flipped < 25, "both flipped and unflipped samples: " + flipped);
        assertTrue(checkedColours > 20, "boxes large enough to compare their pixels: " + checkedColours);
    }

    /**
     * The source box's corners through the crop (shift, clamp to the crop), the resize to the output
     * and the flip, as XYXY.
     */
    private static double[] expectedBox(double[] xywh, Region window, boolean mirrored) {
        double sx = (double) OUT_W / window.width();
        double sy = (double) OUT_H / window.height();
        double x1 = clamp(xywh[0] - window.x(), window.width()) * sx;
        double x2 = clamp(xywh[0] + xywh[2] - window.x(), window.width()) * sx;
        double y1 = clamp(xywh[1] - window.y(), window.height()) * sy;
        double y2 = clamp(xywh[1] + xywh[3] - window.y(), window.height()) * sy;
        return mirrored ? new double[] {OUT_W - x2, y1, OUT_W - x1, y2} : new double[] {x1, y1, x2, y2};
    }

    private static double clamp(double value, int side) {
        return Math.max(0, Math.min(side, value));
    }

    /**
     * For a box that keeps at least 8 x 8 output pixels: the mean colour inside it on the output equals
     * the mean colour of the source pixels it came from (within 12 levels). Returns whether the box was
     * large enough to check.
     */
    private static boolean sameObject(BufferedImage source, double[] xywh, Region window, Tensor pixels, double[] box,
            boolean mirrored, String what) {
        int x1 = (int) Math.ceil(box[0]);
        int y1 = (int) Math.ceil(box[1]);
        int x2 = (int) Math.floor(box[2]);
        int y2 = (int) Math.floor(box[3]);
        if (x2 - x1 < 8 || y2 - y1 < 8) {
            return false;
        }
        double[] out = outputMean(pixels, x1, y1, x2, y2);
        // the source pixels whose centres map into [x1, x2) x [y1, y2) of the output
        double sx = (double) window.width() / OUT_W;
        double sy = (double) window.height() / OUT_H;
        double[] in = new double[3];
        int count = 0;
        for (int y = 0; y < 49; y++) {
            for (int x = 0; x < 67; x++) {
                double ox = (x + 0.5 - window.x()) / sx;
                double oy = (y + 0.5 - window.y()) / sy;
                double mx = mirrored ? OUT_W - ox : ox;
                if (mx >= x1 && mx < x2 && oy >= y1 && oy < y2) {
                    int rgb = source.getRGB(x, y);
                    in[0] += (rgb >> 16) & 0xFF;
                    in[1] += (rgb >> 8) & 0xFF;
                    in[2] += rgb & 0xFF;
                    count++;
                }
            }
        }
        double distance = 0;
        for (int c = 0; c < 3; c++) {
            in[c] /= count;
            distance = Math.max(distance, Math.abs(in[c] - out[c]));
        }
        assertTrue(distance <= 12, what + ": the box's pixels are not the source box's, mean colours " + Arrays.toString(out)
                + " vs " + Arrays.toString(in));
        return true;
    }

    private static double[] outputMean(Tensor chw, int x1, int y1, int x2, int y2) {
        double[] mean = new double[3];
        for (int c = 0; c < 3; c++) {
            for (int y = y1; y < y2; y++) {
                for (int x = x1; x < x2; x++) {
                    mean[c] += chw.getFloat((c * OUT_H + y) * OUT_W + x) * 255.0;
                }
            }
            mean[c] /= (double) (x2 - x1) * (y2 - y1);
        }
        return mean;
    }

    /** The photograph's stored pixels (no EXIF turn), RGB. */
    private static BufferedImage decodedStored(String file) throws IOException {
        try (InputStream in = DetectionEndToEndTest.class.getResourceAsStream(PHOTOS + file)) {
            return ImageIO.read(in);
        }
    }
}
