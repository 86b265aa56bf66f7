package dev.sluice.plugins.transforms.tensor;

import dev.sluice.api.OptionsException;
import dev.sluice.plugins.transforms.DeclaredTransformProvider;
import dev.sluice.plugins.transforms.SharedOptions;
import java.util.Set;

/**
 * {@code five_crop} in configuration: builds the {@link FiveCrop} its options describe (one
 * implementation). {@link #create} throws {@link OptionsException} naming the key path when an option
 * is unknown, missing or malformed.
 */
public final class FiveCropProvider extends DeclaredTransformProvider<FiveCrop> {
    private static final Set<String> OPTIONS = Set.of("size");

    /** Constructs the provider; does nothing else. */
    public FiveCropProvider() {
        super("five_crop", OPTIONS, options -> FiveCrop.of(SharedOptions.size(options, "size")));
    }
}
