package dev.sluice.api.target;

import java.util.function.UnaryOperator;

/**
 * The arithmetic behind {@link Targets}' flips, resize and crop: torchvision v2's
 * ({@code transforms/v2/functional/_geometry.py}), in float32, each box in its own format.
 */
final class Moves {
    private Moves() {
    }

    static Targets each(Targets targets, UnaryOperator<BoundingBoxes> boxes, UnaryOperator<SegmentationMask> mask,
            UnaryOperator<KeyPoints> points) {
        if (targets.isEmpty()) {
            return targets;
        }
        return new Targets(targets.boxes().map(boxes), targets.mask().map(mask), targets.keyPoints().map(points));
    }

    /** {@code horizontal_flip_bounding_boxes} ({@code axis} 0) or the vertical one (1), on a canvas side {@code side}. */
    static BoundingBoxes flipBoxes(BoundingBoxes boxes, int axis, int side) {
        float[] c = boxes.coordinates();
        float s = side;
        for (int o = 0; o < c.length; o += 4) {
            switch (boxes.format()) {
                case XYXY -> {
                    float low = c[o + axis];
                    c[o + axis] = -(c[o + axis + 2] - s);
                    c[o + axis + 2] = -(low - s);
                }
                case XYWH -> c[o + axis] = -((c[o + axis] + c[o + axis + 2]) - s);
                case CXCYWH -> c[o + axis] = -(c[o + axis] - s);
            }
        }
        return boxes.withCoordinates(c, boxes.canvas());
    }

    /**
     * {@code horizontal_flip_keypoints}: {@code x' = -(x - (W - 1))}, then the points reordered by their
     * mirror order if they have one (Ultralytics' {@code flip_idx}); the vertical one on y, in order.
     */
    static KeyPoints flipPoints(KeyPoints points, int axis, int side) {
        float[] c = points.coordinates();
        float s = side - 1;
        for (int i = axis; i < c.length; i += 2) {
            c[i] = -(c[i] - s);
        }
        KeyPoints flipped = points.withCoordinates(c, points.canvas());
        return axis == 0 ? flipped.reorderedByMirror() : flipped;
    }

    /** Positions plus {@code (dx, dy)} in the boxes' own format (sizes untouched), clamped to {@code canvas}. */
    static BoundingBoxes shiftBoxes(BoundingBoxes boxes, float dx, float dy, CanvasSize canvas) {
        float[] c = boxes.coordinates();
        boolean corners = boxes.format() == BoxFormat.XYXY;
        for (int o = 0; o < c.length; o += 4) {
            c[o] += dx;
            c[o + 1] += dy;
            if (corners) {
                c[o + 2] += dx;
                c[o + 3] += dy;
            }
        }
        return boxes.withCoordinates(c, canvas).clamped();
    }

    static KeyPoints shiftPoints(KeyPoints points, float dx, float dy, CanvasSize canvas) {
        float[] c = points.coordinates();
        for (int i = 0; i < c.length; i += 2) {
            c[i] += dx;
            c[i + 1] += dy;
        }
        return points.withCoordinates(c, canvas);
    }

    /** Every x times {@code ratioX} and every y (and width, height) times {@code ratioY}, in float32. */
    static float[] scaled(float[] coordinates, float ratioX, float ratioY) {
        for (int i = 0; i < coordinates.length; i++) {
            coordinates[i] *= i % 2 == 0 ? ratioX : ratioY;
        }
        return coordinates;
    }

    /** torch's nearest source index for each of {@code out} positions: {@code min(floor(dst * scale), in - 1)}, in float. */
    static int[] nearest(int in, int out) {
        float scale = (float) in / out;
        int[] positions = new int[out];
        for (int i = 0; i < out; i++) {
            positions[i] = Math.min((int) Math.floor(i * scale), in - 1);
        }
        return positions;
    }

    static int[] identity(int size) {
        int[] positions = new int[size];
        for (int i = 0; i < size; i++) {
            positions[i] = i;
        }
        return positions;
    }

    static int[] reversed(int size) {
        int[] positions = new int[size];
        for (int i = 0; i < size; i++) {
            positions[i] = size - 1 - i;
        }
        return positions;
    }

    /** Source positions {@code start .. start + count - 1}, each -1 (fill) where outside {@code [0, size)}. */
    static int[] shifted(int size, int start, int count) {
        int[] positions = new int[count];
        for (int i = 0; i < count; i++) {
            long p = (long) start + i;
            positions[i] = p >= 0 && p < size ? (int) p : -1;
        }
        return positions;
    }
}
