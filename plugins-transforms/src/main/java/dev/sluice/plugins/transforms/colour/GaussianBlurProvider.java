package dev.sluice.plugins.transforms.colour;

import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;
import dev.sluice.plugins.transforms.DeclaredTransformProvider;
import dev.sluice.plugins.transforms.SharedOptions;
import java.util.Set;

/**
 * {@code gaussian_blur} in configuration: builds the {@link GaussianBlur} its options describe (one
 * implementation). {@link #create} throws {@link OptionsException} naming the key path when an option
 * is unknown or out of range.
 */
public final class GaussianBlurProvider extends DeclaredTransformProvider<GaussianBlur> {

    /** Constructs the provider; does nothing else. */
    public GaussianBlurProvider() {
        super("gaussian_blur", Set.of("kernel_size", "sigma"), GaussianBlurProvider::build);
    }

    private static GaussianBlur build(Options options) {
        int[] kernel = SharedOptions.wholeNumbers(options, "kernel_size", 1, 1, 2);
        if (kernel == null) {
            throw new OptionsException(options.keyPath("kernel_size"), "required option is missing");
        }
        GaussianBlur blur = SharedOptions.checkedAt(options, "kernel_size",
                () -> GaussianBlur.of(kernel[0], kernel.length == 2 ? kernel[1] : kernel[0]));
        if (!options.has("sigma")) {
            return blur;
        }
        double[] sigma = options.getDoubles("sigma", null);
        if (sigma.length != 1 && sigma.length != 2) {
            throw new OptionsException(options.keyPath("sigma"), "sigma values should be positive and of the form [min, max], was "
                    + SharedOptions.describe(options.raw("sigma")));
        }
        return SharedOptions.checkedAt(options, "sigma",
                () -> sigma.length == 1 ? blur.sigma(sigma[0]) : blur.sigma(sigma[0], sigma[1]));
    }
}
