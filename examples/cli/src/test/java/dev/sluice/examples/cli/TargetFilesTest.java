package dev.sluice.examples.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.sluice.api.Tensor;
import dev.sluice.api.target.BatchBoxes;
import dev.sluice.api.target.BatchKeyPoints;
import dev.sluice.api.target.BatchTargets;
import dev.sluice.api.target.CanvasSize;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The .npy files of a batch's targets, read back as numpy would read them. */
class TargetFilesTest {
    private static final CanvasSize CANVAS = new CanvasSize(2, 3);

    @TempDir
    Path dir;

    @Test
    void boxesAreWrittenAsRowsOfBatchIndexAndCornersWithTheirLabelsAndTheMasks() throws IOException {
        BatchBoxes boxes = new BatchBoxes(Tensor.ofFloats(new int[] {3, 4}, 1, 2, 3, 4, 0.5f, 0, 2.5f, 1, 0, 0, 3, 2),
                Tensor.ofLongs(new int[] {3}, 0, 0, 2), Tensor.ofLongs(new int[] {3}, 7, 8, 9), Optional.empty());
        Tensor masks = Tensor.ofBytes(new int[] {3, 2, 3}, new byte[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14,
            15, 16, (byte) 255});
        BatchKeyPoints points = new BatchKeyPoints(Tensor.ofFloats(new int[] {1, 2}, 2.5f, 1.5f),
                Tensor.ofLongs(new int[] {1}, 1));

        String line = TargetFiles.write(dir, "batch-00004", new BatchTargets(3, CANVAS, Optional.of(boxes),
                Optional.of(masks), Optional.of(points)));

        assertEquals(", boxes [3, 5], masks uint8 [3, 2, 3], key points [1, 3]", line);
        NpyReader.Array rows = NpyReader.read(dir.resolve("batch-00004-boxes.npy"));
        assertEquals("<f4", rows.descr());
        assertArrayEquals(new int[] {3, 5}, rows.shape());
        assertArrayEquals(new float[] {0, 1, 2, 3, 4, 0, 0.5f, 0, 2.5f, 1, 2, 0, 0, 3, 2}, rows.floats());
        NpyReader.Array labels = NpyReader.read(dir.resolve("batch-00004-box-labels.npy"));
        assertEquals("<i8", labels.descr());
        assertArrayEquals(new int[] {3}, labels.shape());
        assertArrayEquals(new long[] {7, 8, 9}, labels.longs());
        NpyReader.Array stacked = NpyReader.read(dir.resolve("batch-00004-masks.npy"));
        assertEquals("|u1", stacked.descr());
        assertArrayEquals(new int[] {3, 2, 3}, stacked.shape());
        assertEquals(masks.data(), stacked.data());
        NpyReader.Array keyPoints = NpyReader.read(dir.resolve("batch-00004-keypoints.npy"));
        assertArrayEquals(new float[] {1, 2.5f, 1.5f}, keyPoints.floats());
    }

    @Test
    void keyPointsWithVisibilityAreRowsOfBatchIndexXYAndVisibility() throws IOException {
        BatchKeyPoints points = new BatchKeyPoints(Tensor.ofFloats(new int[] {2, 2}, 2.5f, 1.5f, 0, 1),
                Tensor.ofLongs(new int[] {2}, 0, 1), Optional.of(Tensor.ofFloats(new int[] {2}, 2, 0)));

        String line = TargetFiles.write(dir, "batch-00001", new BatchTargets(2, CANVAS, Optional.empty(),
                Optional.empty(), Optional.of(points)));

        assertEquals(", key points [2, 4]", line);
        NpyReader.Array keyPoints = NpyReader.read(dir.resolve("batch-00001-keypoints.npy"));
        assertArrayEquals(new int[] {2, 4}, keyPoints.shape());
        assertArrayEquals(new float[] {0, 2.5f, 1.5f, 2, 1, 0, 1, 0}, keyPoints.floats());
    }

    @Test
    void aBatchWithoutBoxesWritesEmptyArraysOfTheirShapeAndNoMasks() throws IOException {
        BatchBoxes none = new BatchBoxes(Tensor.ofFloats(new int[] {0, 4}), Tensor.ofLongs(new int[] {0}),
                Tensor.ofLongs(new int[] {0}), Optional.empty());

        String line = TargetFiles.write(dir, "batch-00000", new BatchTargets(2, CANVAS, Optional.of(none),
                Optional.empty(), Optional.empty()));

        assertEquals(", boxes [0, 5]", line);
        assertArrayEquals(new int[] {0, 5}, NpyReader.read(dir.resolve("batch-00000-boxes.npy")).shape());
        assertArrayEquals(new int[] {0}, NpyReader.read(dir.resolve("batch-00000-box-labels.npy")).shape());
        assertFalse(Files.exists(dir.resolve("batch-00000-masks.npy")));
    }
}
