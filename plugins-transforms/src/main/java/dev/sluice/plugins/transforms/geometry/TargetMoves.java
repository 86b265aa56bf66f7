package dev.sluice.plugins.transforms.geometry;

import dev.sluice.api.DType;
import dev.sluice.api.Image;
import dev.sluice.api.target.BoundingBoxes;
import dev.sluice.api.target.BoxFormat;
import dev.sluice.api.target.CanvasSize;
import dev.sluice.api.target.KeyPoints;
import dev.sluice.api.target.SegmentationMask;
import dev.sluice.api.target.Targets;
import dev.sluice.api.target.UnsupportedTargetsException;
import dev.sluice.plugins.transforms.resize.AxisTables;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

/**
 * How the geometric transforms of this pack move a sample's targets beyond what {@link Targets}
 * itself does (flips, resize, crop, constant pad), with torchvision v2's arithmetic
 * ({@code transforms/v2/functional/_geometry.py}): padding in every mode, OpenCV's scale, and
 * affine maps (rotation; affine and perspective warps elsewhere in the pack). Public only so that
 * the packages of this plugin share it; not for users.
 */
public final class TargetMoves {
    private TargetMoves() {
    }

    /**
     * torchvision's {@code pad}: boxes and points shifted by {@code (left, top)}, boxes clamped to the
     * grown canvas; the mask padded as the image is, by {@code mode} and, in constant mode, with
     * {@code fill}'s one level.
     *
     * @throws UnsupportedTargetsException for boxes or key points with a mode other than constant,
     *         or a mask with a fill of more than one level, as torchvision refuses them
     */
    public static Targets pad(Targets targets, Padding padding, Pad.Mode mode, int[] fill) {
        if (padding.isZero() || targets.isEmpty()) {
            return targets;
        }
        int level = maskFill(fill, targets, "pad");
        if (mode == Pad.Mode.CONSTANT) {
            return targets.padded(padding.left(), padding.top(), padding.right(), padding.bottom(), level);
        }
        if (targets.boxes().isPresent() || targets.keyPoints().isPresent()) {
            throw new UnsupportedTargetsException("padding mode " + mode.id() + " cannot move boxes or key points "
                    + "(torchvision pads them in constant mode only); use padding_mode constant");
        }
        SegmentationMask mask = targets.mask().get();
        CanvasSize from = mask.canvas();
        CanvasSize canvas = new CanvasSize(from.height() + padding.top() + padding.bottom(),
                from.width() + padding.left() + padding.right());
        return targets.withMask(mask.remapped(canvas,
                Pad.sourcePositions(from.width(), padding.left(), padding.right(), mode, "width"),
                Pad.sourcePositions(from.height(), padding.top(), padding.bottom(), mode, "height"), level));
    }

    /**
     * OpenCV's {@code resize(fx, fy)} (the seed's {@code scale_image}) to {@code width x height}:
     * coordinates multiplied by {@code float32(fx)} and {@code float32(fy)}, the factors the pixels are
     * mapped with, not clamped; masks by OpenCV's nearest rule ({@code src = min(floor(dst / fx), in - 1)},
     * in double).
     */
    public static Targets scale(Targets targets, double fx, double fy, int width, int height) {
        if (targets.isEmpty()) {
            return targets;
        }
        CanvasSize from = targets.canvas().get();
        CanvasSize canvas = new CanvasSize(height, width);
        float ratioX = (float) fx;
        float ratioY = (float) fy;
        int[] columns = nearest(from.width(), width, 1 / fx);
        int[] rows = nearest(from.height(), height, 1 / fy);
        return new Targets(targets.boxes().map(b -> b.withCoordinates(times(b.coordinates(), ratioX, ratioY), canvas)),
                targets.mask().map(m -> m.remapped(canvas, columns, rows, 0)),
                targets.keyPoints().map(p -> p.withCoordinates(times(p.coordinates(), ratioX, ratioY), canvas)));
    }

    /**
     * {@link Targets#resized} for an image resized with nearest sampling: boxes and key points as
     * torchvision moves them, and the mask read from the same source pixels as the image (OpenCV's
     * nearest rule, which the pack's image kernel follows; torch's float32 rule can pick the
     * neighbouring pixel where {@code d * in / out} is a whole number), so that it stays on its pixels.
     */
    public static Targets resizedNearest(Targets targets, int width, int height) {
        Targets moved = targets.resized(width, height);
        if (targets.mask().isEmpty() || moved == targets) {
            return moved;
        }
        SegmentationMask mask = targets.mask().get();
        CanvasSize from = mask.canvas();
        int[] columns = AxisTables.nearestPositions(from.width(), width, (double) width / from.width());
        int[] rows = AxisTables.nearestPositions(from.height(), height, (double) height / from.height());
        return moved.withMask(mask.remapped(new CanvasSize(height, width), columns, rows, 0));
    }

    private static float[] times(float[] coordinates, float ratioX, float ratioY) {
        for (int i = 0; i < coordinates.length; i++) {
            coordinates[i] *= i % 2 == 0 ? ratioX : ratioY;
        }
        return coordinates;
    }

    private static int[] nearest(int in, int out, double scale) {
        int[] positions = new int[out];
        for (int i = 0; i < out; i++) {
            positions[i] = Math.min((int) Math.floor(i * scale), in - 1);
        }
        return positions;
    }

    /**
     * torchvision's {@code _affine_bounding_boxes_with_expand} and {@code _affine_keypoints_with_expand}
     * for the forward matrix {@code [a, b, c, d, e, f]} ({@code x' = a x + b y + c}, {@code y' = d x + e y + f},
     * each entry rounded to float32): box corners mapped, each box the minimum and maximum of its
     * corners, then, with {@code expand}, shifted so that the image's mapped corners start at 0;
     * boxes clamped to {@code boxCanvas} (torchvision's box canvas, which with {@code expand} can
     * differ by a pixel from the image's) and placed on {@code canvas}, the image's. Key points are
     * mapped and shifted, not clamped. The mask comes from {@code masks}, which resamples it as the
     * image is resampled, with nearest.
     *
     * @param masks maps the mask to {@code canvas}; called only when there is a mask
     */
    public static Targets affine(Targets targets, double[] forward, boolean expand, CanvasSize boxCanvas,
            CanvasSize canvas, UnaryOperator<SegmentationMask> masks) {
        if (targets.isEmpty()) {
            return targets;
        }
        float[] m = new float[6];
        for (int i = 0; i < 6; i++) {
            m[i] = (float) forward[i];
        }
        float dx = 0f;
        float dy = 0f;
        if (expand) {
            CanvasSize from = targets.canvas().get();
            float w = from.width();
            float h = from.height();
            float[][] corners = {{0f, 0f}, {0f, h}, {w, h}, {w, 0f}};
            dx = Float.POSITIVE_INFINITY;
            dy = Float.POSITIVE_INFINITY;
            for (float[] p : corners) {
                dx = Math.min(dx, mapX(m, p[0], p[1]));
                dy = Math.min(dy, mapY(m, p[0], p[1]));
            }
        }
        float shiftX = dx;
        float shiftY = dy;
        return new Targets(targets.boxes().map(b -> affineBoxes(b, m, shiftX, shiftY, boxCanvas, canvas)),
                targets.mask().map(masks), targets.keyPoints().map(p -> affinePoints(p, m, shiftX, shiftY, canvas)));
    }

    /** {@code x'} of {@code (x, y)} through the float32 matrix {@code m}, as torch's matmul sums {@code [x, y, 1] . m^T}. */
    static float mapX(float[] m, float x, float y) {
        return x * m[0] + y * m[1] + m[2];
    }

    /** {@code y'} of {@code (x, y)}, as {@link #mapX}. */
    static float mapY(float[] m, float x, float y) {
        return x * m[3] + y * m[4] + m[5];
    }

    private static BoundingBoxes affineBoxes(BoundingBoxes boxes, float[] m, float dx, float dy, CanvasSize boxCanvas,
            CanvasSize canvas) {
        float[] xyxy = boxes.to(BoxFormat.XYXY).coordinates();
        float[] out = new float[xyxy.length];
        for (int o = 0; o < xyxy.length; o += 4) {
            float minX = Float.POSITIVE_INFINITY;
            float minY = Float.POSITIVE_INFINITY;
            float maxX = Float.NEGATIVE_INFINITY;
            float maxY = Float.NEGATIVE_INFINITY;
            for (int corner = 0; corner < 4; corner++) {
                // torchvision's corner order: (x1, y1), (x2, y1), (x2, y2), (x1, y2).
                float x = xyxy[o + (corner == 0 || corner == 3 ? 0 : 2)];
                float y = xyxy[o + (corner < 2 ? 1 : 3)];
                float nx = mapX(m, x, y);
                float ny = mapY(m, x, y);
                minX = Math.min(minX, nx);
                maxX = Math.max(maxX, nx);
                minY = Math.min(minY, ny);
                maxY = Math.max(maxY, ny);
            }
            out[o] = minX - dx;
            out[o + 1] = minY - dy;
            out[o + 2] = maxX - dx;
            out[o + 3] = maxY - dy;
        }
        float[] clamped = BoundingBoxes.of(BoxFormat.XYXY, boxCanvas, out, boxes.labels()).clamped().coordinates();
        return BoundingBoxes.of(BoxFormat.XYXY, canvas, clamped, boxes.labels()).to(boxes.format());
    }

    private static KeyPoints affinePoints(KeyPoints points, float[] m, float dx, float dy, CanvasSize canvas) {
        float[] xy = points.coordinates();
        for (int i = 0; i < xy.length; i += 2) {
            float x = xy[i];
            float y = xy[i + 1];
            xy[i] = mapX(m, x, y) - dx;
            xy[i + 1] = mapY(m, x, y) - dy;
        }
        return points.withCoordinates(xy, canvas);
    }

    /**
     * The one level a mask is filled with: torchvision fills a mask with the transform's fill, and
     * refuses a sequence of levels for it.
     *
     * @param transform the transform's id, for the message
     * @throws UnsupportedTargetsException for a per-channel fill when there is a mask
     */
    public static int maskFill(int[] fill, Targets targets, String transform) {
        if (targets.mask().isEmpty()) {
            return 0;
        }
        if (fill.length != 1) {
            throw new UnsupportedTargetsException(transform + ": a fill of " + fill.length + " levels (one per channel) "
                    + "cannot fill a mask; give one level for every channel");
        }
        return fill[0];
    }

    /**
     * A mask resampled onto {@code canvas} by an image kernel that copies whole pixels (nearest
     * sampling): each layer goes through {@code kernel} as an image (one channel for uint8 values, four
     * for the little-endian bytes of int32 ones, so that copying a pixel copies its value exactly),
     * uncovered pixels {@code fill}.
     *
     * @param canvas the size the kernel gives
     * @param kernel resamples an image by nearest sampling, with the given per-channel fill levels
     * @throws IllegalStateException if the kernel gives another size than {@code canvas}
     */
    public static SegmentationMask resampleNearest(SegmentationMask mask, CanvasSize canvas, int fill,
            BiFunction<Image, int[], Image> kernel) {
        CanvasSize from = mask.canvas();
        int plane = (int) from.pixels();
        boolean wide = mask.dtype() == DType.INT32;
        int channels = wide ? 4 : 1;
        int[] levels = wide ? new int[] {fill & 0xFF, (fill >>> 8) & 0xFF, (fill >>> 16) & 0xFF, fill >>> 24}
                : new int[] {fill & 0xFF};
        byte[] values = wide ? littleEndian(mask.toInt32Array()) : mask.toUint8Array();
        int outLayer = Math.multiplyExact((int) canvas.pixels(), channels);
        byte[] out = new byte[Math.multiplyExact(outLayer, mask.layers())];
        for (int l = 0; l < mask.layers(); l++) {
            byte[] layer = new byte[plane * channels];
            System.arraycopy(values, l * plane * channels, layer, 0, layer.length);
            Image moved = kernel.apply(Image.wrap(from.width(), from.height(), channels, layer), levels);
            if (moved.width() != canvas.width() || moved.height() != canvas.height()) {
                throw new IllegalStateException("the kernel gave a " + moved.height() + "x" + moved.width() + " mask for a "
                        + canvas + " image");
            }
            moved.copyTo(out, l * outLayer);
        }
        if (wide) {
            int[] ints = new int[out.length / 4];
            ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(ints);
            return SegmentationMask.classIndex(canvas, ints);
        }
        return mask.kind() == SegmentationMask.Kind.INSTANCE ? SegmentationMask.instances(mask.layers(), canvas, out)
                : SegmentationMask.classIndex(canvas, out);
    }

    private static byte[] littleEndian(int[] values) {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asIntBuffer().put(values);
        return bytes.array();
    }
}
