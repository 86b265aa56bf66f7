package dev.sluice.api.target;

import dev.sluice.api.DType;
import java.util.Arrays;
import java.util.Objects;

/**
 * A segmentation mask, torchvision v2's {@code Mask}: either one {@code [H, W]} map of class indices
 * ({@link Kind#CLASS_INDEX}, as a semantic segmentation label PNG holds it), or {@code [N, H, W]}
 * per-instance masks ({@link Kind#INSTANCE}, layer {@code n} belonging to box {@code n}, 1 inside
 * the instance and 0 outside). Values are uint8, or int32 where they need more (16-bit label PNGs).
 * Rows are stored top to bottom, each left to right, layer after layer. Immutable: arrays are
 * copied in and out.
 *
 * <pre>{@code
 * SegmentationMask mask = SegmentationMask.classIndex(new CanvasSize(2, 3), new byte[] {0, 0, 1, 0, 2, 2});
 * int cls = mask.value(0, 1, 2);   // 2: layer 0, row 1, column 2
 * }</pre>
 */
public final class SegmentationMask {

    /** What the values mean. */
    public enum Kind {
        /** One {@code [H, W]} layer of class indices. */
        CLASS_INDEX,
        /** {@code [N, H, W]}: one layer per instance, in the order of the sample's boxes. */
        INSTANCE
    }

    private static final long MAX_VALUES = Integer.MAX_VALUE - 8;

    private final Kind kind;
    private final CanvasSize canvas;
    private final int layers;
    private final byte[] bytes;
    private final int[] ints;

    private SegmentationMask(Kind kind, CanvasSize canvas, int layers, byte[] bytes, int[] ints) {
        this.kind = kind;
        this.canvas = canvas;
        this.layers = layers;
        this.bytes = bytes;
        this.ints = ints;
    }

    /**
     * A uint8 class-index mask.
     *
     * @param values {@code H * W} values (read as unsigned), row after row; copied
     * @throws IllegalArgumentException if the length is not {@code H * W}
     */
    public static SegmentationMask classIndex(CanvasSize canvas, byte[] values) {
        checkLength(1, canvas, values.length);
        return new SegmentationMask(Kind.CLASS_INDEX, canvas, 1, values.clone(), null);
    }

    /**
     * An int32 class-index mask, for indices above 255.
     *
     * @param values {@code H * W} values, row after row; copied
     * @throws IllegalArgumentException if the length is not {@code H * W}
     */
    public static SegmentationMask classIndex(CanvasSize canvas, int[] values) {
        checkLength(1, canvas, values.length);
        return new SegmentationMask(Kind.CLASS_INDEX, canvas, 1, null, values.clone());
    }

    /**
     * uint8 instance masks.
     *
     * @param count {@code N >= 0}, the number of instances
     * @param values {@code N * H * W} values, layer after layer; copied
     * @throws IllegalArgumentException if {@code count} is negative, or the length is not
     *         {@code N * H * W}, or that product exceeds what one array can hold
     */
    public static SegmentationMask instances(int count, CanvasSize canvas, byte[] values) {
        checkLength(count, canvas, values.length);
        return new SegmentationMask(Kind.INSTANCE, canvas, count, values.clone(), null);
    }

    private static void checkLength(int layers, CanvasSize canvas, int length) {
        Objects.requireNonNull(canvas, "canvas");
        if (layers < 0) {
            throw new IllegalArgumentException("instance count must be >= 0, was " + layers);
        }
        long expected = layers * canvas.pixels();
        if (expected > MAX_VALUES) {
            throw new IllegalArgumentException(layers + " layers of " + canvas + " are " + expected
                    + " values, more than one array holds (" + MAX_VALUES + ")");
        }
        if (length != expected) {
            throw new IllegalArgumentException("a mask of " + layers + (layers == 1 ? " layer" : " layers") + " of "
                    + canvas + " has " + expected + " values, but " + length + " were given");
        }
    }

    /** Class indices or instances. */
    public Kind kind() {
        return kind;
    }

    /** The size of each layer. */
    public CanvasSize canvas() {
        return canvas;
    }

    /** The number of layers: 1 for a class-index mask, {@code N} for instance masks. */
    public int layers() {
        return layers;
    }

    /** {@link DType#UINT8} or {@link DType#INT32}. */
    public DType dtype() {
        return bytes != null ? DType.UINT8 : DType.INT32;
    }

    /**
     * The value at row {@code y}, column {@code x} of layer {@code layer} (unsigned for uint8).
     *
     * @throws IndexOutOfBoundsException if a coordinate is out of range
     */
    public int value(int layer, int y, int x) {
        Objects.checkIndex(layer, layers);
        Objects.checkIndex(y, canvas.height());
        Objects.checkIndex(x, canvas.width());
        int at = (layer * canvas.height() + y) * canvas.width() + x;
        return bytes != null ? bytes[at] & 0xFF : ints[at];
    }

    /**
     * A new array of the uint8 values.
     *
     * @throws IllegalStateException if the mask is int32
     */
    public byte[] toUint8Array() {
        if (bytes == null) {
            throw new IllegalStateException("this mask is int32; use toInt32Array()");
        }
        return bytes.clone();
    }

    /** A new array of the values, widened to int32 where the mask is uint8. */
    public int[] toInt32Array() {
        if (ints != null) {
            return ints.clone();
        }
        int[] out = new int[bytes.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = bytes[i] & 0xFF;
        }
        return out;
    }

    /**
     * The instance layers whose {@code keep} flag is set, in order; a class-index mask is returned
     * as it is (it belongs to no box).
     *
     * @param keep one flag per instance
     * @throws IllegalArgumentException if this is an instance mask and {@code keep} does not have one
     *         flag per layer
     */
    public SegmentationMask select(boolean[] keep) {
        if (kind == Kind.CLASS_INDEX) {
            return this;
        }
        if (keep.length != layers) {
            throw new IllegalArgumentException("one flag per instance: " + layers + " instances but " + keep.length
                    + " flags");
        }
        int plane = (int) canvas.pixels();
        int kept = 0;
        for (boolean k : keep) {
            kept += k ? 1 : 0;
        }
        byte[] out = new byte[kept * plane];
        int at = 0;
        for (int i = 0; i < keep.length; i++) {
            if (keep[i]) {
                System.arraycopy(bytes, i * plane, out, at++ * plane, plane);
            }
        }
        return new SegmentationMask(kind, canvas, kept, out, null);
    }

    /**
     * This mask resampled separably onto {@code canvas}, for a transform that moves whole rows and
     * columns (flip, crop, pad, nearest resize): pixel {@code (y, x)} of each layer comes from source
     * pixel {@code (rows[y], columns[x])}, or is {@code fill} where either is -1.
     *
     * @param columns {@code canvas.width()} source columns, each in {@code [-1, W)}
     * @param rows {@code canvas.height()} source rows, each in {@code [-1, H)}
     * @param fill the level of uncovered pixels: 0 to 255 for a uint8 mask (cast), any int for int32
     * @throws IllegalArgumentException if the tables do not have the canvas' sizes
     * @throws IndexOutOfBoundsException if a source position is outside the mask
     */
    public SegmentationMask remapped(CanvasSize canvas, int[] columns, int[] rows, int fill) {
        if (columns.length != canvas.width() || rows.length != canvas.height()) {
            throw new IllegalArgumentException(columns.length + " columns and " + rows.length + " rows do not make a "
                    + canvas + " canvas");
        }
        int width = canvas.width();
        int[] sources = new int[Math.toIntExact(canvas.pixels())];
        for (int y = 0, at = 0; y < rows.length; y++) {
            int row = rows[y] < 0 ? -1 : Objects.checkIndex(rows[y], this.canvas.height()) * this.canvas.width();
            for (int x = 0; x < width; x++, at++) {
                int column = columns[x] < 0 ? -1 : Objects.checkIndex(columns[x], this.canvas.width());
                sources[at] = row < 0 || column < 0 ? -1 : row + column;
            }
        }
        return remapped(canvas, sources, fill);
    }

    /**
     * This mask resampled onto {@code canvas} pixel by pixel, for a warp that works out each output
     * pixel's nearest source (rotation, affine, perspective): pixel {@code i} (row-major) of each layer
     * is source pixel {@code sources[i]} (row-major in the source layer), or {@code fill} where that is -1.
     * The kind and the element type are kept.
     *
     * @param sources {@code canvas.pixels()} positions, each -1 or in {@code [0, H * W)}
     * @param fill the level of uncovered pixels: 0 to 255 for a uint8 mask (cast), any int for int32
     * @throws IllegalArgumentException if {@code sources} does not have one position per pixel
     * @throws IndexOutOfBoundsException if a position is outside the mask
     */
    public SegmentationMask remapped(CanvasSize canvas, int[] sources, int fill) {
        Objects.requireNonNull(canvas, "canvas");
        if (sources.length != canvas.pixels()) {
            throw new IllegalArgumentException(sources.length + " source positions for a " + canvas + " canvas");
        }
        checkLength(layers, canvas, (int) Math.min(Integer.MAX_VALUE, layers * canvas.pixels()));
        int plane = sources.length;
        int sourcePlane = (int) this.canvas.pixels();
        for (int s : sources) {
            if (s != -1) {
                Objects.checkIndex(s, sourcePlane);
            }
        }
        if (ints != null) {
            int[] out = new int[plane * layers];
            for (int l = 0; l < layers; l++) {
                for (int i = 0; i < plane; i++) {
                    int s = sources[i];
                    out[l * plane + i] = s < 0 ? fill : ints[l * sourcePlane + s];
                }
            }
            return new SegmentationMask(kind, canvas, layers, null, out);
        }
        byte[] out = new byte[plane * layers];
        byte level = (byte) fill;
        for (int l = 0; l < layers; l++) {
            for (int i = 0; i < plane; i++) {
                int s = sources[i];
                out[l * plane + i] = s < 0 ? level : bytes[l * sourcePlane + s];
            }
        }
        return new SegmentationMask(kind, canvas, layers, out, null);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SegmentationMask that && kind == that.kind && layers == that.layers
                && canvas.equals(that.canvas) && Arrays.equals(bytes, that.bytes) && Arrays.equals(ints, that.ints);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, canvas, layers, Arrays.hashCode(bytes), Arrays.hashCode(ints));
    }

    /** E.g. {@code SegmentationMask[INSTANCE 3x480x640 uint8]}. */
    @Override
    public String toString() {
        String shape = kind == Kind.INSTANCE ? layers + "x" + canvas : canvas.toString();
        return "SegmentationMask[" + kind + " " + shape + " " + dtype().id() + "]";
    }
}
