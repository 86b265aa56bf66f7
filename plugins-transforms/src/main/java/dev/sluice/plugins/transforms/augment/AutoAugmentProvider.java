package dev.sluice.plugins.transforms.augment;

import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;
import dev.sluice.plugins.transforms.PackTransformProvider;
import dev.sluice.plugins.transforms.SharedOptions;
import dev.sluice.plugins.transforms.resize.Interpolation;
import java.util.Set;

/** {@code auto_augment} in configuration: builds the {@link AutoAugment} its options describe (one implementation). */
public final class AutoAugmentProvider extends PackTransformProvider {

    /** Constructs the provider; does nothing else. */
    public AutoAugmentProvider() {
        super("auto_augment");
    }

    /**
     * The {@link AutoAugment} these options describe; its class javadoc says what it does and when it throws.
     *
     * @throws OptionsException naming the key path when an option is unknown or malformed, or the
     *         policy is not imagenet, cifar10 or svhn
     */
    @Override
    public AutoAugment create(Options options) {
        options.requireOnly(Set.of("policy", "interpolation", "fill"));
        String policy = SharedOptions.oneOf(options, "policy", "imagenet", "imagenet", "cifar10", "svhn");
        AutoAugment transform = AutoAugment.of(AutoAugmentPolicy.of(policy))
                .interpolation(Interpolation.option(options, "interpolation", Interpolation.NEAREST,
                        Interpolation.NEAREST, Interpolation.BILINEAR));
        return options.has("fill") ? transform.fill(SharedOptions.fill(options, "fill")) : transform;
    }
}
