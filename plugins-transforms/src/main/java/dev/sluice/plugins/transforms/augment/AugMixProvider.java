package dev.sluice.plugins.transforms.augment;

import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;
import dev.sluice.plugins.transforms.DeclaredTransformProvider;
import dev.sluice.plugins.transforms.SharedOptions;
import dev.sluice.plugins.transforms.resize.Interpolation;
import java.util.Set;

/**
 * {@code aug_mix} in configuration: builds the {@link AugMix} its options describe (one
 * implementation). {@link #create} throws {@link OptionsException} naming the key path when an option
 * is unknown or malformed, or {@code severity}, {@code mixture_width} or {@code alpha} is out of
 * range.
 */
public final class AugMixProvider extends DeclaredTransformProvider<AugMix> {
    private static final Set<String> OPTIONS = Set.of("severity", "mixture_width", "chain_depth", "alpha", "all_ops",
            "interpolation", "fill");

    /** Constructs the provider; does nothing else. */
    public AugMixProvider() {
        super("aug_mix", OPTIONS, AugMixProvider::build);
    }

    private static AugMix build(Options options) {
        AugMix severity = SharedOptions.checkedAt(options, "severity", () -> AugMix.of().severity(options.getInt("severity", 3)));
        AugMix width = SharedOptions.checkedAt(options, "mixture_width",
                () -> severity.mixtureWidth(options.getInt("mixture_width", 3)));
        AugMix alpha = SharedOptions.checkedAt(options, "alpha", () -> width.alpha(options.getDouble("alpha", 1.0)));
        AugMix transform = alpha.chainDepth(options.getInt("chain_depth", -1)).allOps(options.getBoolean("all_ops", true))
                .interpolation(Interpolation.option(options, "interpolation", Interpolation.BILINEAR,
                        Interpolation.NEAREST, Interpolation.BILINEAR));
        return options.has("fill") ? transform.fill(SharedOptions.fill(options, "fill")) : transform;
    }
}
