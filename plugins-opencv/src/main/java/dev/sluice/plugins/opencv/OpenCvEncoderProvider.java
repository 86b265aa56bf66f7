package dev.sluice.plugins.opencv;

import dev.sluice.api.ImageEncoder;
import dev.sluice.api.Options;
import dev.sluice.api.spi.ImageEncoderProvider;
import java.util.Set;

/**
 * The native image encoder, id {@code opencv}: OpenCV's {@code imencode}, writing PNG (grey, RGB,
 * RGBA) and JPEG (grey, RGB; quality from {@link dev.sluice.api.EncodeOptions#quality()}).
 *
 * <pre>{@code
 * encoder: opencv        # in sluice.yaml
 * }</pre>
 *
 * Found by {@link java.util.ServiceLoader}; core calls {@link #availability()} at discovery, which
 * loads the native library, and {@link #create} when the configuration chooses this encoder.
 */
public final class OpenCvEncoderProvider extends OpenCvProvider implements ImageEncoderProvider {

    /** Constructs the provider; loads nothing. */
    public OpenCvEncoderProvider() {
    }

    /**
     * A new encoder; thread-safe, holds no native memory between calls.
     *
     * @param options none are known: any key is refused
     * @throws dev.sluice.api.OptionsException naming the key path of an option
     * @throws IllegalStateException with the reason and the hint to use {@code imageio} when the
     *         native library did not load
     */
    @Override
    public ImageEncoder create(Options options) {
        options.requireOnly(Set.of());
        OpenCvNatives.requireAvailable("encoder");
        return new OpenCvImageEncoder();
    }
}
