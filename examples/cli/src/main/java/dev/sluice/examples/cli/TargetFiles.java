package dev.sluice.examples.cli;

import dev.sluice.api.Tensor;
import dev.sluice.api.target.BatchBoxes;
import dev.sluice.api.target.BatchKeyPoints;
import dev.sluice.api.target.BatchTargets;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes a batch's targets beside its images as {@code .npy} files, for {@code sluice dump}:
 * <ul>
 * <li>{@code STEM-boxes.npy}: float32 {@code [T, 5]}, rows {@code [index_in_batch, x1, y1, x2, y2]}
 *     (XYXY in pixels of the output image), the layout of torchvision's {@code roi_align} boxes;</li>
 * <li>{@code STEM-box-labels.npy}: int64 {@code [T]};</li>
 * <li>{@code STEM-instance-masks.npy}: uint8 {@code [T, H, W]}, layer t box t's, when the boxes have them;</li>
 * <li>{@code STEM-masks.npy}: the class-index masks, uint8 (int32 for wide indices) {@code [N, H, W]},
 *     when the samples have them;</li>
 * <li>{@code STEM-keypoints.npy}: float32 {@code [P, 3]}, rows {@code [index_in_batch, x, y]}, when the
 *     samples have key points; {@code [P, 4]}, rows {@code [index_in_batch, x, y, visibility]}, when the
 *     points have visibilities (YOLO pose).</li>
 * </ul>
 */
final class TargetFiles {
    private TargetFiles() {
    }

    /**
     * Writes the files {@code targets} has parts for, named {@code stem} + suffix in {@code folder}.
     *
     * @return what was written, for the command's line: {@code ", boxes [3, 5], masks uint8 [7, 96, 96]"}
     */
    static String write(Path folder, String stem, BatchTargets targets) throws IOException {
        StringBuilder written = new StringBuilder();
        if (targets.boxes().isPresent()) {
            BatchBoxes boxes = targets.boxes().get();
            Tensor rows = withBatchIndex(boxes.batchIndices(), boxes.coordinates());
            NpyFiles.write(folder.resolve(stem + "-boxes.npy"), rows);
            NpyFiles.write(folder.resolve(stem + "-box-labels.npy"), boxes.labels());
            written.append(", boxes ").append(Shapes.shape(rows.shape()));
            if (boxes.instanceMasks().isPresent()) {
                NpyFiles.write(folder.resolve(stem + "-instance-masks.npy"), boxes.instanceMasks().get());
                written.append(", instance masks ").append(Shapes.describe(boxes.instanceMasks().get()));
            }
        }
        if (targets.masks().isPresent()) {
            NpyFiles.write(folder.resolve(stem + "-masks.npy"), targets.masks().get());
            written.append(", masks ").append(Shapes.describe(targets.masks().get()));
        }
        if (targets.keyPoints().isPresent()) {
            BatchKeyPoints points = targets.keyPoints().get();
            Tensor rows = withBatchIndex(points.batchIndices(), points.visibility()
                    .map(v -> withColumn(points.coordinates(), v)).orElse(points.coordinates()));
            NpyFiles.write(folder.resolve(stem + "-keypoints.npy"), rows);
            written.append(", key points ").append(Shapes.shape(rows.shape()));
        }
        return written.toString();
    }

    /** float32 {@code [R, C + 1]}: each row of {@code coordinates} ({@code [R, C]}) followed by its value of {@code last}. */
    static Tensor withColumn(Tensor coordinates, Tensor last) {
        int rows = coordinates.dim(0);
        int columns = coordinates.dim(1);
        float[] values = coordinates.toFloatArray();
        float[] extra = last.toFloatArray();
        float[] out = new float[rows * (columns + 1)];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(values, r * columns, out, r * (columns + 1), columns);
            out[r * (columns + 1) + columns] = extra[r];
        }
        return Tensor.ofFloats(new int[] {rows, columns + 1}, out);
    }

    /** float32 {@code [R, 1 + C]}: each row of {@code coordinates} ({@code [R, C]}) after its batch index. */
    static Tensor withBatchIndex(Tensor batchIndices, Tensor coordinates) {
        int rows = coordinates.dim(0);
        int columns = coordinates.dim(1);
        float[] values = coordinates.toFloatArray();
        float[] out = new float[rows * (columns + 1)];
        for (int r = 0; r < rows; r++) {
            // Batch positions are below 2^24, so float32 holds them exactly.
            out[r * (columns + 1)] = batchIndices.getLong(r);
            System.arraycopy(values, r * columns, out, r * (columns + 1) + 1, columns);
        }
        return Tensor.ofFloats(new int[] {rows, columns + 1}, out);
    }
}
