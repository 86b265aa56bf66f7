package dev.sluice.plugins.transforms.augment;

import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;
import dev.sluice.plugins.transforms.DeclaredTransformProvider;
import dev.sluice.plugins.transforms.SharedOptions;
import dev.sluice.plugins.transforms.resize.Interpolation;
import java.util.Set;

/**
 * {@code auto_augment} in configuration: builds the {@link AutoAugment} its options describe (one
 * implementation). {@link #create} throws {@link OptionsException} naming the key path when an option
 * is unknown or malformed, or the policy is not imagenet, cifar10 or svhn.
 */
public final class AutoAugmentProvider extends DeclaredTransformProvider<AutoAugment> {

    /** Constructs the provider; does nothing else. */
    public AutoAugmentProvider() {
        super("auto_augment", Set.of("policy", "interpolation", "fill"), AutoAugmentProvider::build);
    }

    private static AutoAugment build(Options options) {
        String policy = SharedOptions.oneOf(options, "policy", "imagenet", "imagenet", "cifar10", "svhn");
        AutoAugment transform = AutoAugment.of(AutoAugmentPolicy.of(policy))
                .interpolation(Interpolation.option(options, "interpolation", Interpolation.NEAREST,
                        Interpolation.NEAREST, Interpolation.BILINEAR));
        return options.has("fill") ? transform.fill(SharedOptions.fill(options, "fill")) : transform;
    }
}
