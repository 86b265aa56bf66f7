package dev.sluice.plugins.transforms.geometry;

import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;
import dev.sluice.plugins.transforms.PackTransformProvider;
import dev.sluice.plugins.transforms.SharedOptions;
import java.util.Set;

/** {@code crop} in configuration: builds the {@link Crop} its options describe (one implementation). */
public final class CropProvider extends PackTransformProvider {

    /** Constructs the provider; does nothing else. */
    public CropProvider() {
        super("crop");
    }

    /**
     * The {@link Crop} these options describe; its class javadoc says what it does and when it throws.
     *
     * @throws OptionsException naming the key path when an option is unknown or {@code rect} is missing or malformed
     */
    @Override
    public Crop create(Options options) {
        options.requireOnly(Set.of("rect"));
        return Crop.of(SharedOptions.region(options, "rect"));
    }
}
