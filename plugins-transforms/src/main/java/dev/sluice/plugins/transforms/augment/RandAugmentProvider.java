package dev.sluice.plugins.transforms.augment;

import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;
import dev.sluice.plugins.transforms.DeclaredTransformProvider;
import dev.sluice.plugins.transforms.SharedOptions;
import dev.sluice.plugins.transforms.resize.Interpolation;
import java.util.Set;

/**
 * {@code rand_augment} in configuration: builds the {@link RandAugment} its options describe (one
 * implementation). {@link #create} throws {@link OptionsException} naming the key path when an option
 * is unknown or malformed, {@code num_ops} is negative, {@code num_magnitude_bins} below 2, or {@code
 * magnitude} not one of the bins.
 */
public final class RandAugmentProvider extends DeclaredTransformProvider<RandAugment> {

    /** Constructs the provider; does nothing else. */
    public RandAugmentProvider() {
        super("rand_augment", Set.of("num_ops", "magnitude", "num_magnitude_bins", "interpolation", "fill"),
                RandAugmentProvider::build);
    }

    private static RandAugment build(Options options) {
        int numOps = options.getInt("num_ops", 2);
        int bins = options.getInt("num_magnitude_bins", 31);
        int magnitude = options.getInt("magnitude", 9);
        SharedOptions.checkedAt(options, "num_ops", () -> RandAugment.of().numOps(numOps));
        SharedOptions.checkedAt(options, "num_magnitude_bins", () -> RandAugment.of(0, 0, bins));
        RandAugment transform = SharedOptions.checkedAt(options, "magnitude", () -> RandAugment.of(numOps, magnitude, bins))
                .interpolation(Interpolation.option(options, "interpolation", Interpolation.NEAREST,
                        Interpolation.NEAREST, Interpolation.BILINEAR));
        return options.has("fill") ? transform.fill(SharedOptions.fill(options, "fill")) : transform;
    }
}
