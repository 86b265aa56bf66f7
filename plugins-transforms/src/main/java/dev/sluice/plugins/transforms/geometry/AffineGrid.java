package dev.sluice.plugins.transforms.geometry;

/**
 * torchvision 0.14's {@code _gen_affine_grid} followed by {@code grid_sample}'s unnormalisation, in
 * float32 as PyTorch computes them: output pixel centres relative to the output's centre, mapped by
 * the inverse matrix {@code theta} (itself relative to the input's centre), then taken back to input
 * pixel coordinates.
 */
final class AffineGrid implements SourceGrid {
    private final int outWidth;
    private final int outHeight;
    private final float r00;
    private final float r10;
    private final float r20;
    private final float r01;
    private final float r11;
    private final float r21;
    private final float scaleX;
    private final float scaleY;

    /**
     * @param theta the inverse affine matrix [a, b, c, d, e, f] in float32, about the input's centre
     * @param width the input's width; {@code height} likewise
     */
    AffineGrid(float[] theta, int width, int height, int outWidth, int outHeight) {
        this.outWidth = outWidth;
        this.outHeight = outHeight;
        float halfW = 0.5f * width;
        float halfH = 0.5f * height;
        r00 = theta[0] / halfW;
        r10 = theta[1] / halfW;
        r20 = theta[2] / halfW;
        r01 = theta[3] / halfH;
        r11 = theta[4] / halfH;
        r21 = theta[5] / halfH;
        scaleX = width / 2f;
        scaleY = height / 2f;
    }

    @Override
    public void row(int i, float[] xs, float[] ys) {
        float by = -outHeight * 0.5f + 0.5f + i;
        for (int j = 0; j < outWidth; j++) {
            float bx = -outWidth * 0.5f + 0.5f + j;
            float gx = bx * r00 + by * r10 + r20;
            float gy = bx * r01 + by * r11 + r21;
            xs[j] = (gx + 1f) * scaleX - 0.5f;
            ys[j] = (gy + 1f) * scaleY - 0.5f;
        }
    }
}
