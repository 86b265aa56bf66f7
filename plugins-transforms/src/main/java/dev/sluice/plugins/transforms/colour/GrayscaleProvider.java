package dev.sluice.plugins.transforms.colour;

import dev.sluice.api.Image;
import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;
import dev.sluice.api.Transform;
import dev.sluice.api.spi.TransformProvider;
import java.util.Set;

/**
 * {@code grayscale}: torchvision's {@code Grayscale}.
 *
 * <p>Option {@code num_output_channels}: 1 (default) or 3 (the grey level repeated). The grey level
 * is torchvision's tensor formula {@code 0.2989 R + 0.587 G + 0.114 B} in float32, truncated; PIL's
 * {@code convert("L")} rounds and is up to one level brighter. A 1-channel image is passed through
 * (or repeated into 3 channels); images with alpha are refused, as torchvision refuses them.
 *
 * <pre>{@code
 * - grayscale: {num_output_channels: 3}
 * }</pre>
 */
public final class GrayscaleProvider implements TransformProvider {

    /** Constructs the provider; does nothing else. */
    public GrayscaleProvider() {
    }

    /** {@code "grayscale"}. */
    @Override
    public String id() {
        return "grayscale";
    }

    /** 0: transforms are chosen by id, never by priority. */
    @Override
    public int priority() {
        return 0;
    }

    /**
     * A {@code Transform<Image, Image>}, safe for concurrent use, that never draws from its random
     * source; it throws {@link IllegalArgumentException} for an image of 2 or 4 channels.
     *
     * @throws OptionsException naming the key path when an option is unknown or {@code num_output_channels} is not 1 or 3
     */
    @Override
    public Transform<Image, Image> create(Options options) {
        options.requireOnly(Set.of("num_output_channels"));
        int channels = options.getInt("num_output_channels", 1);
        if (channels != 1 && channels != 3) {
            throw new OptionsException(options.keyPath("num_output_channels"), "num_output_channels should be either 1 or 3, was "
                    + channels);
        }
        return new Grayscale(channels);
    }
}
