package dev.sluice.plugins.transforms.geometry;

/**
 * torchvision's {@code _get_inverse_affine_matrix}, in doubles as Python computes it: the map
 * {@code T(center + translate) · scale · R(angle) · SHy(shearY) · SHx(shearX) · T(-center)} as the
 * six numbers [a, b, c, d, e, f] of {@code x' = a x + b y + c, y' = d x + e y + f}, forward or
 * inverted. Angles are in degrees; a positive angle turns clockwise on screen (y down).
 */
final class AffineMatrix {
    private AffineMatrix() {
    }

    /** The inverse map (output to input), as torchvision hands it to {@code grid_sample} and PIL. */
    static double[] inverse(double cx, double cy, double angle, double tx, double ty, double scale, double shearX,
            double shearY) {
        double[] rss = rotationScaleShear(angle, shearX, shearY);
        double a = rss[0];
        double b = rss[1];
        double c = rss[2];
        double d = rss[3];
        double[] m = {d / scale, -b / scale, 0, -c / scale, a / scale, 0};
        m[2] += m[0] * (-cx - tx) + m[1] * (-cy - ty);
        m[5] += m[3] * (-cx - tx) + m[4] * (-cy - ty);
        m[2] += cx;
        m[5] += cy;
        return m;
    }

    /** The forward map (input to output), as torchvision v2 moves box corners and key points. */
    static double[] forward(double cx, double cy, double angle, double tx, double ty, double scale, double shearX,
            double shearY) {
        double[] rss = rotationScaleShear(angle, shearX, shearY);
        double[] m = {rss[0] * scale, rss[1] * scale, 0, rss[2] * scale, rss[3] * scale, 0};
        m[2] += m[0] * -cx + m[1] * -cy;
        m[5] += m[3] * -cx + m[4] * -cy;
        m[2] += cx + tx;
        m[5] += cy + ty;
        return m;
    }

    /** The matrix as float32, as torchvision's tensor path builds {@code theta}. */
    static float[] toFloats(double[] m) {
        float[] theta = new float[m.length];
        for (int i = 0; i < m.length; i++) {
            theta[i] = (float) m[i];
        }
        return theta;
    }

    /** [a, b, c, d]: rotation and shear without scale; its determinant is 1. */
    private static double[] rotationScaleShear(double angle, double shearX, double shearY) {
        double rot = Math.toRadians(angle);
        double sx = Math.toRadians(shearX);
        double sy = Math.toRadians(shearY);
        double a = Math.cos(rot - sy) / Math.cos(sy);
        double b = -Math.cos(rot - sy) * Math.tan(sx) / Math.cos(sy) - Math.sin(rot);
        double c = Math.sin(rot - sy) / Math.cos(sy);
        double d = -Math.sin(rot - sy) * Math.tan(sx) / Math.cos(sy) + Math.cos(rot);
        return new double[] {a, b, c, d};
    }
}
