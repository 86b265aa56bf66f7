package dev.sluice.plugins.transforms.geometry;

import dev.sluice.api.target.BoundingBoxes;
import dev.sluice.api.target.BoxFormat;
import dev.sluice.api.target.KeyPoints;
import dev.sluice.api.target.UnsupportedTargetsException;

/**
 * torchvision v2's {@code perspective_bounding_boxes} and {@code perspective_keypoints}: points move
 * from input to output through the inverse of the output-to-input homography, which v2 computes from
 * the float32 coefficients with the adjugate in doubles and applies in float32; a box becomes the
 * bounding box of its four moved corners, clamped to the (unchanged) canvas.
 */
final class PerspectiveTargets {
    private final float[] inverse;

    /**
     * @param coefficients the eight float32 coefficients a..h mapping output to input
     * @throws UnsupportedTargetsException when {@code a e - b d} is 0 (torchvision raises RuntimeError)
     */
    PerspectiveTargets(float[] coefficients) {
        double a = coefficients[0];
        double b = coefficients[1];
        double c = coefficients[2];
        double d = coefficients[3];
        double e = coefficients[4];
        double f = coefficients[5];
        double g = coefficients[6];
        double h = coefficients[7];
        double denominator = a * e - b * d;
        if (denominator == 0) {
            throw new UnsupportedTargetsException("perspective: the transform has no inverse (a e - b d = 0), so boxes "
                    + "and key points cannot be moved");
        }
        double[] inv = {(e - f * h) / denominator, (-b + c * h) / denominator, (b * f - c * e) / denominator,
            (-d + f * g) / denominator, (a - c * g) / denominator, (-a * f + c * d) / denominator,
            (-e * g + d * h) / denominator, (-a * h + b * g) / denominator};
        inverse = AffineMatrix.toFloats(inv);
    }

    /** The boxes moved, clamped to their canvas, in their own format. */
    BoundingBoxes boxes(BoundingBoxes boxes) {
        float[] xyxy = boxes.to(BoxFormat.XYXY).coordinates();
        float[] out = new float[xyxy.length];
        float[] point = new float[2];
        for (int o = 0; o < xyxy.length; o += 4) {
            float minX = Float.POSITIVE_INFINITY;
            float minY = Float.POSITIVE_INFINITY;
            float maxX = Float.NEGATIVE_INFINITY;
            float maxY = Float.NEGATIVE_INFINITY;
            for (int corner = 0; corner < 4; corner++) {
                // torchvision's corner order: (x1, y1), (x2, y1), (x2, y2), (x1, y2).
                map(xyxy[o + (corner == 0 || corner == 3 ? 0 : 2)], xyxy[o + (corner < 2 ? 1 : 3)], point);
                minX = Math.min(minX, point[0]);
                maxX = Math.max(maxX, point[0]);
                minY = Math.min(minY, point[1]);
                maxY = Math.max(maxY, point[1]);
            }
            out[o] = minX;
            out[o + 1] = minY;
            out[o + 2] = maxX;
            out[o + 3] = maxY;
        }
        return BoundingBoxes.of(BoxFormat.XYXY, boxes.canvas(), out, boxes.labels()).clamped().to(boxes.format());
    }

    /** The key points moved, not clamped. */
    KeyPoints points(KeyPoints points) {
        float[] xy = points.coordinates();
        float[] point = new float[2];
        for (int i = 0; i < xy.length; i += 2) {
            map(xy[i], xy[i + 1], point);
            xy[i] = point[0];
            xy[i + 1] = point[1];
        }
        return points.withCoordinates(xy, points.canvas());
    }

    private void map(float x, float y, float[] out) {
        float denominator = x * inverse[6] + y * inverse[7] + 1f;
        out[0] = (x * inverse[0] + y * inverse[1] + inverse[2]) / denominator;
        out[1] = (x * inverse[3] + y * inverse[4] + inverse[5]) / denominator;
    }
}
