package dev.sluice.plugins.transforms.geometry;

/**
 * torchvision 0.14's {@code _perspective_grid} followed by {@code grid_sample}'s unnormalisation, in
 * float32: output pixel centres {@code (j + 0.5, i + 0.5)} mapped by the homography
 * {@code ((a x + b y + c) / (g x + h y + 1), (d x + e y + f) / (g x + h y + 1))}, normalised by the
 * output's half size, then taken back to input pixel coordinates.
 */
final class PerspectiveGrid implements SourceGrid {
    private final int outWidth;
    private final float r00;
    private final float r10;
    private final float r20;
    private final float r01;
    private final float r11;
    private final float r21;
    private final float g;
    private final float h;
    private final float scaleX;
    private final float scaleY;

    /** @param coeffs the eight float32 coefficients a..h, output to input; the output has the input's size */
    PerspectiveGrid(float[] coeffs, int width, int height) {
        this.outWidth = width;
        float halfW = 0.5f * width;
        float halfH = 0.5f * height;
        r00 = coeffs[0] / halfW;
        r10 = coeffs[1] / halfW;
        r20 = coeffs[2] / halfW;
        r01 = coeffs[3] / halfH;
        r11 = coeffs[4] / halfH;
        r21 = coeffs[5] / halfH;
        g = coeffs[6];
        h = coeffs[7];
        scaleX = width / 2f;
        scaleY = height / 2f;
    }

    @Override
    public void row(int i, float[] xs, float[] ys) {
        float by = 0.5f + i;
        for (int j = 0; j < outWidth; j++) {
            float bx = 0.5f + j;
            float denominator = bx * g + by * h + 1f;
            float gx = (bx * r00 + by * r10 + r20) / denominator - 1f;
            float gy = (bx * r01 + by * r11 + r21) / denominator - 1f;
            xs[j] = (gx + 1f) * scaleX - 0.5f;
            ys[j] = (gy + 1f) * scaleY - 0.5f;
        }
    }
}
