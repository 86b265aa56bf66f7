package dev.sluice.plugins.transforms.geometry;

import dev.sluice.api.OptionsException;
import dev.sluice.plugins.transforms.DeclaredTransformProvider;
import dev.sluice.plugins.transforms.SharedOptions;
import java.util.Set;

/**
 * {@code center_crop} in configuration: builds the {@link CenterCrop} its options describe (one
 * implementation). {@link #create} throws {@link OptionsException} naming the key path when an option
 * is unknown, or {@code size} is missing or not positive.
 */
public final class CenterCropProvider extends DeclaredTransformProvider<CenterCrop> {

    /** Constructs the provider; does nothing else. */
    public CenterCropProvider() {
        super("center_crop", Set.of("size"), options -> CenterCrop.of(SharedOptions.size(options, "size")));
    }
}
