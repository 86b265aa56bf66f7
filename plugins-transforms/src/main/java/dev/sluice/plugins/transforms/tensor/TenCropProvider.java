package dev.sluice.plugins.transforms.tensor;

import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;
import dev.sluice.plugins.transforms.PackTransformProvider;
import dev.sluice.plugins.transforms.SharedOptions;
import java.util.Set;

/** {@code ten_crop} in configuration: builds the {@link TenCrop} its options describe (one implementation). */
public final class TenCropProvider extends PackTransformProvider {
    private static final Set<String> OPTIONS = Set.of("size", "vertical_flip");

    /** Constructs the provider; does nothing else. */
    public TenCropProvider() {
        super("ten_crop");
    }

    /**
     * The {@link TenCrop} these options describe; its class javadoc says what it does and when it throws.
     *
     * @throws OptionsException naming the key path when an option is unknown, missing or malformed
     */
    @Override
    public TenCrop create(Options options) {
        options.requireOnly(OPTIONS);
        return TenCrop.of(SharedOptions.size(options, "size")).verticalFlip(options.getBoolean("vertical_flip", false));
    }
}
