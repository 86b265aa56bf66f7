package dev.sluice.plugins.transforms.geometry;

import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;
import dev.sluice.plugins.transforms.PackTransformProvider;
import dev.sluice.plugins.transforms.SharedOptions;
import java.util.Set;

/**
 * {@code center_crop}: the configuration's name for {@link CenterCrop}, whose javadoc lists the options
 * (torchvision's parameter names, in snake case) and their defaults. It parses the options and builds
 * the same object the Java form builds, so both give the same pixels.
 */
public final class CenterCropProvider extends PackTransformProvider {

    /** Constructs the provider; does nothing else. */
    public CenterCropProvider() {
        super("center_crop");
    }

    /**
     * The {@link CenterCrop} these options describe; its class javadoc says what it does and when it throws.
     *
     * @throws OptionsException naming the key path when an option is unknown, or {@code size} is missing or not positive
     */
    @Override
    public CenterCrop create(Options options) {
        options.requireOnly(Set.of("size"));
        return CenterCrop.of(SharedOptions.size(options, "size"));
    }
}
