package dev.sluice.plugins.transforms.colour;

import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;
import dev.sluice.plugins.transforms.PackTransformProvider;
import dev.sluice.plugins.transforms.SharedOptions;
import java.util.Set;

/**
 * {@code grayscale}: the configuration's name for {@link Grayscale}, whose javadoc lists the options
 * (torchvision's parameter names, in snake case) and their defaults. It parses the options and builds
 * the same object the Java form builds, so both give the same pixels.
 */
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
