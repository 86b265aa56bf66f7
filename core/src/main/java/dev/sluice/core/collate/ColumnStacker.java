package dev.sluice.core.collate;

import dev.sluice.api.DType;
import dev.sluice.api.Image;
import dev.sluice.api.Tensor;
import dev.sluice.api.TensorAllocator;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.Arrays;

/**
 * Stacks one column of a batch (the same element taken from every sample) into a tensor with a new
 * first axis, in memory from the collate's allocator: the stacking rules and their messages, used
 * by {@link DefaultCollate} and by {@link SlotCollation}, where every labelled batch is assembled.
 * Every check of a whole column runs before the allocation, so a refused column takes no memory.
 *
 * <p>{@code path} locates the column inside a sample for messages ({@code ['image']}, {@code .input});
 * empty at the top level. Entries are positions in the batch.
 */
final class ColumnStacker {

    private ColumnStacker() {
    }

    /** {@code torch.stack(tensors, 0)}: equal dtypes and shapes; the result is N x shape. */
    static Tensor tensors(Object[] column, TensorAllocator allocator, String path) {
        Tensor first = (Tensor) column[0];
        int[] firstShape = first.shape();
        for (int i = 1; i < column.length; i++) {
            Tensor tensor = (Tensor) column[i];
            requireStackable(first.dtype(), firstShape, 0, tensor.dtype(), tensor.shape(), i, path);
        }
        ByteBuffer out = allocate(allocator, column.length, first.byteSize(), "tensors", path);
        for (Object tensor : column) {
            out.put(((Tensor) tensor).data());
        }
        return Tensor.wrap(first.dtype(), batchShape(column.length, first.shape()), out.flip());
    }

    /** Images of one size, channel count and depth, as a uint8 or uint16 N x H x W x C tensor. */
    static Tensor images(Object[] column, TensorAllocator allocator, String path) {
        Image first = (Image) column[0];
        for (int i = 1; i < column.length; i++) {
            requireSameSize(first, (Image) column[i], i, path);
        }
        ByteBuffer out = allocate(allocator, column.length, first.byteSize(), "images", path);
        for (Object image : column) {
            out.put(((Image) image).sampleBytes());
        }
        int[] shape = {column.length, first.height(), first.width(), first.channels()};
        return Tensor.wrap(first.dtype(), shape, out.flip());
    }

    /**
     * The samples' label arrays ({@code long[]}) as int64: a vector of N when each sample has exactly
     * one label, as PyTorch collates class indices (what {@code CrossEntropyLoss} takes); N x K
     * otherwise (K labels each, K = 0 included).
     */
    static Tensor labels(Object[] column, TensorAllocator allocator) {
        return arrays(column, allocator, "labels", "", true);
    }

    /**
     * Primitive arrays of one type and length as an N x K tensor: {@code int[]} and {@code long[]} to
     * int64, {@code float[]} to float32, {@code double[]} to float64, {@code byte[]} to uint8.
     *
     * @param what the plural noun that starts the unequal-length message ("labels")
     */
    static Tensor arrays(Object[] column, TensorAllocator allocator, String what, String path) {
        return arrays(column, allocator, what, path, false);
    }

    private static Tensor arrays(Object[] column, TensorAllocator allocator, String what, String path,
            boolean oneAsVector) {
        Object first = column[0];
        int width = length(first);
        for (int i = 1; i < column.length; i++) {
            int other = length(column[i]);
            if (other != width) {
                throw new IllegalArgumentException(what + " of unequal length: " + width + " at entry 0 and "
                        + other + " at entry " + i + where(path));
            }
        }
        DType dtype = arrayDtype(first);
        ByteBuffer out = allocate(allocator, column.length, (long) width * dtype.byteSize(), what, path);
        // The views share out's memory and leave its position at 0, so out is wrapped as it is.
        if (first instanceof long[]) {
            LongBuffer longs = out.asLongBuffer();
            for (Object row : column) {
                longs.put((long[]) row);
            }
        } else if (first instanceof int[]) {
            LongBuffer longs = out.asLongBuffer();
            for (Object row : column) {
                for (int value : (int[]) row) {
                    longs.put(value);
                }
            }
        } else if (first instanceof float[]) {
            FloatBuffer floats = out.asFloatBuffer();
            for (Object row : column) {
                floats.put((float[]) row);
            }
        } else if (first instanceof double[]) {
            DoubleBuffer doubles = out.asDoubleBuffer();
            for (Object row : column) {
                doubles.put((double[]) row);
            }
        } else {
            for (int i = 0; i < column.length; i++) {
                out.put(i * width, (byte[]) column[i]);
            }
        }
        int[] shape = oneAsVector && width == 1 ? new int[] {column.length} : new int[] {column.length, width};
        return Tensor.wrap(dtype, shape, out);
    }

    /**
     * Boxed scalars of one {@link ColumnKind} as a 1-D tensor of N: integers to int64, Float to float32,
     * Double to float64, Boolean to uint8 0 or 1.
     */
    static Tensor scalars(Object[] column, ColumnKind kind, TensorAllocator allocator, String path) {
        DType dtype = switch (kind) {
            case INTEGER -> DType.INT64;
            case FLOAT -> DType.FLOAT32;
            case DOUBLE -> DType.FLOAT64;
            case BOOLEAN -> DType.UINT8;
            default -> throw new IllegalArgumentException("not a scalar kind: " + kind);
        };
        ByteBuffer out = allocate(allocator, column.length, dtype.byteSize(), "numbers", path);
        switch (kind) {
            case INTEGER -> {
                for (int i = 0; i < column.length; i++) {
                    out.putLong(i * Long.BYTES, ((Number) column[i]).longValue());
                }
            }
            case FLOAT -> {
                for (int i = 0; i < column.length; i++) {
                    out.putFloat(i * Float.BYTES, (Float) column[i]);
                }
            }
            case DOUBLE -> {
                for (int i = 0; i < column.length; i++) {
                    out.putDouble(i * Double.BYTES, (Double) column[i]);
                }
            }
            default -> {
                for (int i = 0; i < column.length; i++) {
                    out.put(i, (Boolean) column[i] ? (byte) 1 : (byte) 0);
                }
            }
        }
        return Tensor.wrap(dtype, new int[] {column.length}, out);
    }

    /** The suffix that places a message inside the sample: {@code " (in ['image'])"}, or nothing. */
    static String where(String path) {
        return path.isEmpty() ? "" : " (in " + path + ")";
    }

    /**
     * Refuses a tensor whose dtype or shape differs from the first one's, in {@code torch.stack}'s
     * words, naming both entries.
     */
    static void requireStackable(DType firstDtype, int[] firstShape, int firstEntry, DType dtype, int[] shape,
            int entry, String path) {
        if (dtype != firstDtype) {
            throw new IllegalArgumentException("stack expects each tensor to have the same dtype, but got "
                    + firstDtype + " at entry " + firstEntry + " and " + dtype + " at entry " + entry + where(path));
        }
        if (!Arrays.equals(firstShape, shape)) {
            throw new IllegalArgumentException("stack expects each tensor to be equal size, but got "
                    + Arrays.toString(firstShape) + " at entry " + firstEntry + " and " + Arrays.toString(shape)
                    + " at entry " + entry + where(path));
        }
    }

    /** Refuses an image whose size, channel count or depth differs from the first one's, naming both entries. */
    static void requireSameSize(Image first, Image image, int entry, String path) {
        if (image.width() != first.width() || image.height() != first.height()
                || image.channels() != first.channels() || image.dtype() != first.dtype()) {
            throw new IllegalArgumentException("stack expects each image to be equal size, but got " + first
                    + " at entry 0 and " + image + " at entry " + entry + where(path));
        }
    }

    static int[] batchShape(int count, int[] sampleShape) {
        int[] shape = new int[sampleShape.length + 1];
        shape[0] = count;
        System.arraycopy(sampleShape, 0, shape, 1, sampleShape.length);
        return shape;
    }

    private static int length(Object array) {
        if (array instanceof long[] longs) {
            return longs.length;
        }
        if (array instanceof int[] ints) {
            return ints.length;
        }
        if (array instanceof float[] floats) {
            return floats.length;
        }
        if (array instanceof double[] doubles) {
            return doubles.length;
        }
        return ((byte[]) array).length;
    }

    private static DType arrayDtype(Object array) {
        if (array instanceof long[] || array instanceof int[]) {
            return DType.INT64;
        }
        if (array instanceof float[]) {
            return DType.FLOAT32;
        }
        if (array instanceof double[]) {
            return DType.FLOAT64;
        }
        return DType.UINT8;
    }

    static ByteBuffer allocate(TensorAllocator allocator, int count, long bytesEach, String what, String path) {
        if (bytesEach > 0 && count > Integer.MAX_VALUE / bytesEach) {
            throw new IllegalArgumentException("a batch of " + count + " " + what + " of " + bytesEach
                    + " bytes each needs more than the " + Integer.MAX_VALUE + " bytes one buffer holds" + where(path));
        }
        long total = count * bytesEach;
        ByteBuffer out = allocator.allocate((int) total);
        if (out.position() != 0 || out.remaining() != total) {
            throw new IllegalStateException("the allocator returned a buffer with position " + out.position()
                    + " and " + out.remaining() + " bytes remaining for a request of " + total + " bytes");
        }
        return out.order(ByteOrder.LITTLE_ENDIAN);
    }
}
