package dev.sluice.plugins.transforms.colour;

import dev.sluice.api.Image;
import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;
import dev.sluice.api.Transform;
import dev.sluice.api.spi.TransformProvider;
import dev.sluice.plugins.transforms.SharedOptions;
import java.util.Set;

/**
 * {@code gaussian_blur}: torchvision's {@code GaussianBlur}.
 *
 * <p>Options: {@code kernel_size} (required): a number for a square kernel or {@code [kx, ky]}
 * (width first, as torchvision), each odd and positive; {@code sigma}: a number {@code > 0}, or
 * {@code [min, max]} with {@code 0 < min <= max} (default {@code [0.1, 2.0]}), from which each call
 * draws one sigma, used on both axes. Borders are mirrored without repeating the edge pixel, so the
 * image must be larger than half the kernel.
 *
 * <pre>{@code
 * - gaussian_blur: {kernel_size: 5, sigma: [0.1, 2.0]}
 * }</pre>
 */
public final class GaussianBlurProvider implements TransformProvider {

    /** Constructs the provider; does nothing else. */
    public GaussianBlurProvider() {
    }

    /** {@code "gaussian_blur"}. */
    @Override
    public String id() {
        return "gaussian_blur";
    }

    /** 0: transforms are chosen by id, never by priority. */
    @Override
    public int priority() {
        return 0;
    }

    /**
     * A {@code Transform<Image, Image>} for images of 1 to 4 channels, safe for concurrent use, drawing
     * one number per call; it throws {@link IllegalArgumentException} for an image not larger than half the kernel.
     *
     * @throws OptionsException naming the key path when an option is unknown or out of range
     */
    @Override
    public Transform<Image, Image> create(Options options) {
        options.requireOnly(Set.of("kernel_size", "sigma"));
        int[] kernel = SharedOptions.wholeNumbers(options, "kernel_size", 1, 1, 2);
        if (kernel == null) {
            throw new OptionsException(options.keyPath("kernel_size"), "required option is missing");
        }
        int kx = kernel[0];
        int ky = kernel.length == 2 ? kernel[1] : kernel[0];
        if (kx % 2 == 0 || ky % 2 == 0) {
            throw new OptionsException(options.keyPath("kernel_size"), "Kernel size value should be an odd and positive number, was "
                    + SharedOptions.describe(options.raw("kernel_size")));
        }
        double[] sigma = options.getDoubles("sigma", new double[] {0.1, 2.0});
        if (sigma.length == 1) {
            if (!(sigma[0] > 0)) {
                throw new OptionsException(options.keyPath("sigma"), "If sigma is a single number, it must be positive, was " + sigma[0]);
            }
            sigma = new double[] {sigma[0], sigma[0]};
        } else if (sigma.length != 2 || !(0 < sigma[0] && sigma[0] <= sigma[1]) || Double.isInfinite(sigma[1])) {
            throw new OptionsException(options.keyPath("sigma"), "sigma values should be positive and of the form [min, max], was "
                    + SharedOptions.describe(options.raw("sigma")));
        }
        return new GaussianBlur(kx, ky, sigma);
    }
}
