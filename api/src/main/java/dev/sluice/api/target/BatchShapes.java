package dev.sluice.api.target;

import dev.sluice.api.DType;
import dev.sluice.api.Tensor;
import java.util.Arrays;

/** The dtype and shape checks of the batch target types, worded alike. */
final class BatchShapes {
    private BatchShapes() {
    }

    static void require(String what, Tensor tensor, DType dtype, int rank) {
        if (tensor.dtype() != dtype || tensor.rank() != rank) {
            throw new IllegalArgumentException(what + " must be " + dtype + " of rank " + rank + ", were "
                    + tensor.dtype() + " " + Arrays.toString(tensor.shape()));
        }
    }

    static void requireRows(String what, Tensor tensor, DType dtype, int rank, int rows) {
        require(what, tensor, dtype, rank);
        if (tensor.dim(0) != rows) {
            throw new IllegalArgumentException(what + " must have " + rows + " rows, one per box or point, but have "
                    + tensor.dim(0));
        }
    }
}
