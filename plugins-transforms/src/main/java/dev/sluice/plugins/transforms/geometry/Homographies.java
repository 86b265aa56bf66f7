package dev.sluice.plugins.transforms.geometry;

import java.util.Arrays;

/**
 * torchvision's {@code _get_perspective_coeffs}: the homography from the end points to the start
 * points, the eight coefficients a..h of {@code x = (a X + b Y + c) / (g X + h Y + 1)},
 * {@code y = (d X + e Y + f) / (g X + h Y + 1)}, from the same eight equations. torchvision solves
 * them by least squares in float32 (0.14) or float64 (later); four points make the system square, so
 * this solves it exactly in doubles (Gaussian elimination with partial pivoting) and rounds to float32.
 * Written here because the pack depends on the api only, and one 8 x 8 solve per call needs no library.
 */
final class Homographies {
    private Homographies() {
    }

    /**
     * The coefficients taking each of {@code end} to the matching {@code start}.
     *
     * @throws IllegalArgumentException when the points do not determine one (the system is singular)
     */
    static float[] coefficients(int[][] start, int[][] end) {
        double[][] a = new double[8][9];
        for (int i = 0; i < 4; i++) {
            double x = end[i][0];
            double y = end[i][1];
            double u = start[i][0];
            double v = start[i][1];
            a[2 * i] = new double[] {x, y, 1, 0, 0, 0, -u * x, -u * y, u};
            a[2 * i + 1] = new double[] {0, 0, 0, x, y, 1, -v * x, -v * y, v};
        }
        for (int col = 0; col < 8; col++) {
            int pivot = col;
            for (int row = col + 1; row < 8; row++) {
                if (Math.abs(a[row][col]) > Math.abs(a[pivot][col])) {
                    pivot = row;
                }
            }
            if (Math.abs(a[pivot][col]) < 1e-12) {
                throw new IllegalArgumentException("the points " + Arrays.deepToString(start) + " and "
                        + Arrays.deepToString(end) + " do not determine a perspective transform");
            }
            double[] swap = a[col];
            a[col] = a[pivot];
            a[pivot] = swap;
            for (int row = 0; row < 8; row++) {
                if (row != col) {
                    double factor = a[row][col] / a[col][col];
                    for (int k = col; k < 9; k++) {
                        a[row][k] -= factor * a[col][k];
                    }
                }
            }
        }
        float[] coefficients = new float[8];
        for (int i = 0; i < 8; i++) {
            coefficients[i] = (float) (a[i][8] / a[i][i]);
        }
        return coefficients;
    }
}
