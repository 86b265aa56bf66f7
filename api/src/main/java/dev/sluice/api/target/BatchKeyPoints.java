package dev.sluice.api.target;

import dev.sluice.api.DType;
import dev.sluice.api.Tensor;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * The key points of a whole batch, flat as {@link BatchBoxes} are: the {@code P} points of every
 * sample one after another in batch order, row {@code p} of every tensor describing the same point.
 *
 * @param coordinates float32 {@code [P, 2]}, {@code (x, y)} in pixels of the batch's images
 * @param batchIndices int64 {@code [P]}: the position in the batch of each point's sample, non-decreasing
 * @param visibility float32 {@code [P]}, each point's {@link KeyPoints#visibility()}, when the points
 *        have one
 */
public record BatchKeyPoints(Tensor coordinates, Tensor batchIndices, Optional<Tensor> visibility) {

    /**
     * @throws IllegalArgumentException naming the tensor, its dtype and shape when one is not as described
     * @throws NullPointerException if an argument is null
     */
    public BatchKeyPoints {
        Objects.requireNonNull(coordinates, "coordinates");
        Objects.requireNonNull(batchIndices, "batchIndices");
        Objects.requireNonNull(visibility, "visibility");
        BatchShapes.require("key point coordinates", coordinates, DType.FLOAT32, 2);
        if (coordinates.dim(1) != 2) {
            throw new IllegalArgumentException("key point coordinates must be [P, 2], were "
                    + Arrays.toString(coordinates.shape()));
        }
        BatchShapes.requireRows("key point batch indices", batchIndices, DType.INT64, 1, coordinates.dim(0));
        visibility.ifPresent(v -> BatchShapes.requireRows("key point visibility", v, DType.FLOAT32, 1,
                coordinates.dim(0)));
    }

    /** Points without visibility. @throws IllegalArgumentException as the canonical constructor */
    public BatchKeyPoints(Tensor coordinates, Tensor batchIndices) {
        this(coordinates, batchIndices, Optional.empty());
    }

    /** The number of points in the batch, {@code P >= 0}. */
    public int count() {
        return coordinates.dim(0);
    }
}
