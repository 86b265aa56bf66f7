package dev.sluice.plugins.transforms.colour;

import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;
import dev.sluice.plugins.transforms.DeclaredTransformProvider;
import dev.sluice.plugins.transforms.SharedOptions;
import java.util.Set;

/**
 * {@code grayscale} in configuration: builds the {@link Grayscale} its options describe (one
 * implementation). {@link #create} throws {@link OptionsException} naming the key path when an option
 * is unknown or {@code num_output_channels} is not 1 or 3.
 */
public final class GrayscaleProvider extends DeclaredTransformProvider<Grayscale> {

    /** Constructs the provider; does nothing else. */
    public GrayscaleProvider() {
        super("grayscale", Set.of("num_output_channels"), GrayscaleProvider::build);
    }

    private static Grayscale build(Options options) {
        int channels = options.getInt("num_output_channels", 1);
        return SharedOptions.checkedAt(options, "num_output_channels", () -> Grayscale.of(channels));
    }
}
