package dev.sluice.plugins.transforms.tensor;

import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;
import dev.sluice.plugins.transforms.PackTransformProvider;
import dev.sluice.plugins.transforms.SharedOptions;
import java.util.Set;

/** {@code five_crop} in configuration: builds the {@link FiveCrop} its options describe (one implementation). */
public final class FiveCropProvider extends PackTransformProvider {
    private static final Set<String> OPTIONS = Set.of("size");

    /** Constructs the provider; does nothing else. */
    public FiveCropProvider() {
        super("five_crop");
    }

    /**
     * The {@link FiveCrop} these options describe; its class javadoc says what it does and when it throws.
     *
     * @throws OptionsException naming the key path when an option is unknown, missing or malformed
     */
    @Override
    public FiveCrop create(Options options) {
        options.requireOnly(OPTIONS);
        return FiveCrop.of(SharedOptions.size(options, "size"));
    }
}
