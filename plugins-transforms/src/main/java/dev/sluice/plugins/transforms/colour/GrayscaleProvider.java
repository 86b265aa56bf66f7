package dev.sluice.plugins.transforms.colour;

import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;
import dev.sluice.plugins.transforms.PackTransformProvider;
import dev.sluice.plugins.transforms.SharedOptions;
import java.util.Set;

/** {@code grayscale} in configuration: builds the {@link Grayscale} its options describe (one implementation). */
public final class GrayscaleProvider extends PackTransformProvider {

    /** Constructs the provider; does nothing else. */
    public GrayscaleProvider() {
        super("grayscale");
    }

    /**
     * The {@link Grayscale} these options describe; its class javadoc says what it does and when it throws.
     *
     * @throws OptionsException naming the key path when an option is unknown or {@code num_output_channels} is not 1 or 3
     */
    @Override
    public Grayscale create(Options options) {
        options.requireOnly(Set.of("num_output_channels"));
        int channels = options.getInt("num_output_channels", 1);
        return SharedOptions.checkedAt(options, "num_output_channels", () -> Grayscale.of(channels));
    }
}
