package dev.sluice.plugins.transforms.geometry;

import dev.sluice.api.OptionsException;
import dev.sluice.plugins.transforms.DeclaredTransformProvider;
import dev.sluice.plugins.transforms.SharedOptions;
import java.util.Set;

/**
 * {@code crop} in configuration: builds the {@link Crop} its options describe (one implementation).
 * {@link #create} throws {@link OptionsException} naming the key path when an option is unknown or
 * {@code rect} is missing or malformed.
 */
public final class CropProvider extends DeclaredTransformProvider<Crop> {

    /** Constructs the provider; does nothing else. */
    public CropProvider() {
        super("crop", Set.of("rect"), options -> Crop.of(SharedOptions.region(options, "rect")));
    }
}
