package dev.sluice.plugins.transforms.geometry;

import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;
import dev.sluice.plugins.transforms.PackTransformProvider;
import dev.sluice.plugins.transforms.SharedOptions;
import java.util.Set;

/** {@code center_crop} in configuration: builds the {@link CenterCrop} its options describe (one implementation). */
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
