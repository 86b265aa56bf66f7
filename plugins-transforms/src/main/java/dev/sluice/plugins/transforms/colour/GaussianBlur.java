package dev.sluice.plugins.transforms.colour;

import dev.sluice.api.Image;
import dev.sluice.plugins.transforms.ImageTransform;
import java.util.random.RandomGenerator;

/**
 * {@code gaussian_blur}: torchvision's {@code GaussianBlur}. Each call draws sigma uniformly from
 * {@code sigma} and blurs with a {@code kx x ky} Gaussian kernel (torchvision's: sampled at integer
 * offsets, normalised to sum 1, in float32), the image mirrored at its borders as torchvision's
 * {@code reflect} padding; rounded half to even. The kernel is applied separably in double, where
 * torchvision convolves in float32 with the outer-product kernel, so a result sitting on a rounding
 * tie may differ by one level.
 */
final class GaussianBlur implements ImageTransform {
    private final int kernelX;
    private final int kernelY;
    private final double[] sigma;

    /** @param kernelX width of the kernel, odd; @param kernelY height, odd; @param sigma {min, max}, {@code 0 < min <= max} */
    GaussianBlur(int kernelX, int kernelY, double[] sigma) {
        this.kernelX = kernelX;
        this.kernelY = kernelY;
        this.sigma = sigma.clone();
    }

    /** The sigma of one call: one draw. */
    double sigma(RandomGenerator random) {
        return sigma[0] + (sigma[1] - sigma[0]) * random.nextDouble();
    }

    @Override
    public Image apply(Image image, RandomGenerator random) {
        double s = sigma(random);
        return blur(image, kernelX, kernelY, s, s);
    }

    /** torchvision's {@code _get_gaussian_kernel1d} in float32. */
    static float[] kernel(int size, double sigma) {
        float half = (size - 1) * 0.5f;
        float s = (float) sigma;
        float[] pdf = new float[size];
        float sum = 0f;
        for (int i = 0; i < size; i++) {
            float x = size == 1 ? -half : -half + i * ((2 * half) / (size - 1));
            float z = x / s;
            pdf[i] = (float) Math.exp(-0.5f * (z * z));
            sum += pdf[i];
        }
        for (int i = 0; i < size; i++) {
            pdf[i] /= sum;
        }
        return pdf;
    }

    /** torchvision's {@code gaussian_blur(image, [kx, ky], [sigmaX, sigmaY])}. */
    static Image blur(Image image, int kx, int ky, double sigmaX, double sigmaY) {
        int w = image.width();
        int h = image.height();
        int channels = image.channels();
        if (kx / 2 >= w || ky / 2 >= h) {
            throw new IllegalArgumentException("a " + kx + "x" + ky + " blur mirrors " + kx / 2 + " columns and " + ky / 2
                    + " rows, more than the " + w + "x" + h + " image has");
        }
        float[] wx = kernel(kx, sigmaX);
        float[] wy = kernel(ky, sigmaY);
        int[] columns = mirrored(w, kx / 2);
        int[] rows = mirrored(h, ky / 2);
        byte[] in = image.toArray();
        int rowLength = w * channels;
        double[] horizontal = new double[h * rowLength];
        for (int y = 0; y < h; y++) {
            int row = y * rowLength;
            for (int x = 0; x < w; x++) {
                for (int c = 0; c < channels; c++) {
                    double sum = 0;
                    for (int k = 0; k < kx; k++) {
                        sum += wx[k] * (double) (in[row + columns[x + k] * channels + c] & 0xFF);
                    }
                    horizontal[row + x * channels + c] = sum;
                }
            }
        }
        byte[] out = new byte[in.length];
        for (int y = 0; y < h; y++) {
            for (int i = 0; i < rowLength; i++) {
                double sum = 0;
                for (int k = 0; k < ky; k++) {
                    sum += wy[k] * horizontal[rows[y + k] * rowLength + i];
                }
                int v = (int) Math.rint(sum);
                out[y * rowLength + i] = (byte) (v < 0 ? 0 : Math.min(v, 255));
            }
        }
        return Image.wrap(w, h, channels, out);
    }

    /** Source positions of a line padded by {@code half} on each side, mirrored without repeating the edge. */
    private static int[] mirrored(int size, int half) {
        int[] positions = new int[size + 2 * half];
        for (int i = 0; i < positions.length; i++) {
            int p = i - half;
            positions[i] = p < 0 ? -p : p >= size ? 2 * (size - 1) - p : p;
        }
        return positions;
    }

    @Override
    public String toString() {
        return "gaussian_blur(kernel_size=[" + kernelX + ", " + kernelY + "], sigma=[" + sigma[0] + ", " + sigma[1] + "])";
    }
}
