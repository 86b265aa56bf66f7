package dev.sluice.plugins.transforms.tensor;

import dev.sluice.api.OptionsException;
import dev.sluice.plugins.transforms.DeclaredTransformProvider;
import dev.sluice.plugins.transforms.SharedOptions;
import java.util.Set;

/**
 * {@code ten_crop} in configuration: builds the {@link TenCrop} its options describe (one
 * implementation). {@link #create} throws {@link OptionsException} naming the key path when an option
 * is unknown, missing or malformed.
 */
public final class TenCropProvider extends DeclaredTransformProvider<TenCrop> {
    private static final Set<String> OPTIONS = Set.of("size", "vertical_flip");

    /** Constructs the provider; does nothing else. */
    public TenCropProvider() {
        super("ten_crop", OPTIONS,
                options -> TenCrop.of(SharedOptions.size(options, "size")).verticalFlip(options.getBoolean("vertical_flip", false)));
    }
}
