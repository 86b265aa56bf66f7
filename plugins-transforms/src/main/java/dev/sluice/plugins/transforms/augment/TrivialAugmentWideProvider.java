package dev.sluice.plugins.transforms.augment;

import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;
import dev.sluice.plugins.transforms.DeclaredTransformProvider;
import dev.sluice.plugins.transforms.SharedOptions;
import dev.sluice.plugins.transforms.resize.Interpolation;
import java.util.Set;

/**
 * {@code trivial_augment_wide} in configuration: builds the {@link TrivialAugmentWide} its options
 * describe (one implementation). {@link #create} throws {@link OptionsException} naming the key path
 * when an option is unknown or malformed, or {@code num_magnitude_bins} is below 2.
 */
public final class TrivialAugmentWideProvider extends DeclaredTransformProvider<TrivialAugmentWide> {

    /** Constructs the provider; does nothing else. */
    public TrivialAugmentWideProvider() {
        super("trivial_augment_wide", Set.of("num_magnitude_bins", "interpolation", "fill"),
                TrivialAugmentWideProvider::build);
    }

    private static TrivialAugmentWide build(Options options) {
        int bins = options.getInt("num_magnitude_bins", 31);
        TrivialAugmentWide transform = SharedOptions.checkedAt(options, "num_magnitude_bins",
                () -> TrivialAugmentWide.of().numMagnitudeBins(bins))
                .interpolation(Interpolation.option(options, "interpolation", Interpolation.NEAREST,
                        Interpolation.NEAREST, Interpolation.BILINEAR));
        return options.has("fill") ? transform.fill(SharedOptions.fill(options, "fill")) : transform;
    }
}
