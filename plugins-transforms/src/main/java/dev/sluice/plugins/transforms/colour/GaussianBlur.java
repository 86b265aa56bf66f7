package dev.sluice.plugins.transforms.colour;

import dev.sluice.api.Image;
import dev.sluice.plugins.transforms.ImageTransform;
import dev.sluice.plugins.transforms.KeepsTargets;
import java.util.random.RandomGenerator;

/**
 * {@code gaussian_blur}: torchvision's {@code GaussianBlur}. Each call draws sigma uniformly from
 * {@code sigma} and blurs with a {@code kx x ky} Gaussian kernel (torchvision's: sampled at integer
 * offsets, normalised to sum 1, in float32), the image mirrored at its borders without repeating the
 * edge pixel, as torchvision's {@code reflect} padding; rounded half to even. The kernel is applied
 * separably in double, where torchvision convolves in float32 with the outer-product kernel, so a
 * result sitting on a rounding tie may differ by one level.
 *
 * <p>Parameters (torchvision name = YAML key, Java, default):
 * <ul>
 *   <li>{@code kernel_size} ({@link #of(int)}, {@link #of(int, int)}; required): a number for a square
 *       kernel or {@code [kx, ky]} (width first, as torchvision), each odd and positive;</li>
 *   <li>{@code sigma} ({@link #sigma(double)}, {@link #sigma(double, double)}; {@code [0.1, 2.0]}): a
 *       number {@code > 0}, or {@code [min, max]} with {@code 0 < min <= max}, from which each call
 *       draws one sigma, used on both axes.</li>
 * </ul>
 *
 * <pre>{@code
 * - gaussian_blur: {kernel_size: 5, sigma: [0.1, 2.0]}     # YAML
 * GaussianBlur.of(5).sigma(0.1, 2.0)                       // Java
 * }</pre>
 *
 * <p>Immutable, safe for concurrent use, drawing one number per call; images of 1 to 4 channels,
 * larger than half the kernel (it throws {@link IllegalArgumentException} for smaller ones).
 */
public final class GaussianBlur implements ImageTransform, KeepsTargets<Image, Image> {
    private final int kernelX;
    private final int kernelY;
    private final double[] sigma;

    private GaussianBlur(int kernelX, int kernelY, double[] sigma) {
        if (kernelX < 1 || kernelY < 1 || kernelX % 2 == 0 || kernelY % 2 == 0) {
            throw new IllegalArgumentException("Kernel size value should be an odd and positive number, was [" + kernelX
                    + ", " + kernelY + "]");
        }
        this.kernelX = kernelX;
        this.kernelY = kernelY;
        this.sigma = sigma;
    }

    /**
     * A square kernel of side {@code kernelSize}, sigma drawn from [0.1, 2.0].
     *
     * @throws IllegalArgumentException unless odd and positive
     */
    public static GaussianBlur of(int kernelSize) {
        return of(kernelSize, kernelSize);
    }

    /**
     * A kernel {@code kernelWidth} wide and {@code kernelHeight} high, sigma drawn from [0.1, 2.0].
     *
     * @throws IllegalArgumentException unless both are odd and positive
     */
    public static GaussianBlur of(int kernelWidth, int kernelHeight) {
        return new GaussianBlur(kernelWidth, kernelHeight, new double[] {0.1, 2.0});
    }

    /**
     * This blur with the fixed sigma {@code sigma}.
     *
     * @throws IllegalArgumentException unless {@code sigma > 0}
     */
    public GaussianBlur sigma(double sigma) {
        if (!(sigma > 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("If sigma is a single number, it must be positive, was " + sigma);
        }
        return new GaussianBlur(kernelX, kernelY, new double[] {sigma, sigma});
    }

    /**
     * This blur with sigma drawn uniformly from {@code [min, max]}.
     *
     * @throws IllegalArgumentException unless {@code 0 < min <= max}, finite
     */
    public GaussianBlur sigma(double min, double max) {
        if (!(0 < min && min <= max) || Double.isInfinite(max)) {
            throw new IllegalArgumentException("sigma values should be positive and of the form [min, max], was [" + min
                    + ", " + max + "]");
        }
        return new GaussianBlur(kernelX, kernelY, new double[] {min, max});
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
