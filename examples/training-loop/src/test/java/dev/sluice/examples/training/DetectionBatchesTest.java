package dev.sluice.examples.training;

import static dev.sluice.plugins.transforms.Transforms.compose;
import static dev.sluice.plugins.transforms.Transforms.randomHorizontalFlip;
import static dev.sluice.plugins.transforms.Transforms.randomResizedCrop;
import static dev.sluice.plugins.transforms.Transforms.toTensor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.Tensor;
import dev.sluice.api.target.BatchBoxes;
import dev.sluice.core.collate.LabeledBatch;
import dev.sluice.core.dataset.ImageLabelDataset;
import dev.sluice.core.dataset.LabeledSample;
import dev.sluice.core.loader.DataLoader;
import dev.sluice.core.vision.LabeledImages;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Detection batches from the one-line COCO dataset: the loader's {@link LabeledBatch#targets()} hold
 * the samples' boxes flat, in the order and with the batch indices of the samples they came from,
 * the same with 0 and 2 workers.
 */
class DetectionBatchesTest {
    @TempDir
    Path dir;

    /** Four photographs; the third has no annotations. */
    private ImageLabelDataset<Tensor> dataset() throws IOException {
        Path images = Files.createDirectories(dir.resolve("images"));
        String[] photos = {"ladybird.png", "dune-q95-444.jpg", "flower-rgba.png", "ladybird-q90-420.jpg"};
        StringBuilder json = new StringBuilder("{\"images\": [");
        for (int i = 0; i < photos.length; i++) {
            try (InputStream in = getClass().getResourceAsStream("/dev/sluice/api/contract/photos/" + photos[i])) {
                Files.copy(in, images.resolve(photos[i]));
            }
            json.append(i == 0 ? "" : ", ").append("{\"id\": ").append(i).append(", \"file_name\": \"").append(photos[i])
                    .append("\", \"height\": 49, \"width\": 67}");
        }
        json.append("], \"annotations\": [")
                .append("{\"image_id\": 0, \"category_id\": 1, \"bbox\": [17, 2, 49, 27]}, ")
                .append("{\"image_id\": 0, \"category_id\": 2, \"bbox\": [26, 20, 34, 12]}, ")
                .append("{\"image_id\": 1, \"category_id\": 2, \"bbox\": [22, 0, 20, 49]}, ")
                .append("{\"image_id\": 3, \"category_id\": 1, \"bbox\": [17, 2, 49, 27]}], ")
                .append("\"categories\": [{\"id\": 1, \"name\": \"ladybird\"}, {\"id\": 2, \"name\": \"grass\"}]}");
        Path instances = dir.resolve("instances.json");
        Files.writeString(instances, json);
        return LabeledImages.fromCoco(instances, images, compose(randomResizedCrop(32).scale(0.5, 1.0),
                randomHorizontalFlip(), toTensor()));
    }

    private static List<LabeledBatch> epoch(ImageLabelDataset<Tensor> dataset, int batchSize, int workers) {
        return assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            List<LabeledBatch> batches = new ArrayList<>();
            try (DataLoader<LabeledSample<Tensor>, LabeledBatch> loader = DataLoader.builder(dataset)
                    .batchSize(batchSize).numWorkers(workers).seed(11).build()) {
                for (LabeledBatch batch : loader) {
                    batches.add(batch);
                }
            }
            return batches;
        });
    }

    @Test
    void batchesHoldTheirSamplesBoxesFlatWhateverTheWorkerCount() throws IOException {
        ImageLabelDataset<Tensor> dataset = dataset();
        assertEquals(List.of("ladybird", "grass"), dataset.classNames());
        List<LabeledBatch> pairs = epoch(dataset, 2, 2);
        List<LabeledBatch> single = epoch(dataset, 1, 0);
        assertEquals(2, pairs.size());
        for (int b = 0; b < pairs.size(); b++) {
            BatchBoxes boxes = pairs.get(b).targets().orElseThrow().boxes().orElseThrow();
            List<Float> expectedCoordinates = new ArrayList<>();
            List<Long> expectedIndices = new ArrayList<>();
            List<Long> expectedLabels = new ArrayList<>();
            for (int n = 0; n < 2; n++) {
                BatchBoxes own = single.get(2 * b + n).targets().orElseThrow().boxes().orElseThrow();
                for (float value : own.coordinates().toFloatArray()) {
                    expectedCoordinates.add(value);
                }
                for (long label : own.labels().toLongArray()) {
                    expectedLabels.add(label);
                    expectedIndices.add((long) n);
                }
                assertEquals(single.get(2 * b + n).images(), slice(pairs.get(b).images(), n),
                        "sample " + (2 * b + n) + " is the same alone and in a pair");
            }
            assertEquals(expectedCoordinates, floats(boxes.coordinates()));
            assertEquals(expectedIndices, longs(boxes.batchIndices()));
            assertEquals(expectedLabels, longs(boxes.labels()));
        }
        assertEquals(3, pairs.get(0).targets().orElseThrow().boxes().orElseThrow().count());
        assertEquals(List.of(1L), longs(pairs.get(1).targets().orElseThrow().boxes().orElseThrow().batchIndices()),
                "the third photograph has no boxes, the fourth one");
        List<LabeledBatch> serial = epoch(dataset, 2, 0);
        for (int b = 0; b < pairs.size(); b++) {
            assertEquals(serial.get(b).images(), pairs.get(b).images());
            assertEquals(serial.get(b).targets(), pairs.get(b).targets(), "batch " + b + " at 0 and 2 workers");
        }
        boolean moved = false;
        for (LabeledBatch batch : pairs) {
            float[] xyxy = batch.targets().orElseThrow().boxes().orElseThrow().coordinates().toFloatArray();
            for (int i = 0; i < xyxy.length; i += 4) {
                assertTrue(xyxy[i] >= 0 && xyxy[i + 2] <= 32 && xyxy[i + 1] >= 0 && xyxy[i + 3] <= 32,
                        "clamped to the 32 x 32 output");
                moved |= xyxy[i + 2] - xyxy[i] != 49 && xyxy[i + 2] - xyxy[i] != 34 && xyxy[i + 2] - xyxy[i] != 20;
            }
        }
        assertTrue(moved, "the crop moved and scaled the boxes");
    }

    private static Tensor slice(Tensor batch, int n) {
        int[] shape = batch.shape();
        int[] one = shape.clone();
        one[0] = 1;
        float[] all = batch.toFloatArray();
        int size = all.length / shape[0];
        float[] part = new float[size];
        System.arraycopy(all, n * size, part, 0, size);
        return Tensor.ofFloats(one, part);
    }

    private static List<Float> floats(Tensor tensor) {
        List<Float> out = new ArrayList<>();
        for (float value : tensor.toFloatArray()) {
            out.add(value);
        }
        return out;
    }

    private static List<Long> longs(Tensor tensor) {
        List<Long> out = new ArrayList<>();
        for (long value : tensor.toLongArray()) {
            out.add(value);
        }
        return out;
    }
}
