package dev.sluice.plugins.imageio;

import dev.sluice.api.ImageEncoder;
import dev.sluice.api.Options;
import dev.sluice.api.spi.ImageEncoderProvider;
import java.util.Set;

/**
 * The pure-Java image encoder, id {@code imageio}: the JDK's PNG writer (grey, grey + alpha, RGB,
 * RGBA) and JPEG writer (grey, RGB; quality from {@link dev.sluice.api.EncodeOptions#quality()}).
 *
 * <pre>{@code
 * encoder: imageio       # in sluice.yaml
 * }</pre>
 *
 * Found by {@link java.util.ServiceLoader}; core calls {@link #availability()} at discovery and
 * {@link #create} when the configuration chooses this encoder.
 */
public final class ImageIoEncoderProvider extends ImageIoProvider implements ImageEncoderProvider {

    /** Constructs the provider; loads nothing. */
    public ImageIoEncoderProvider() {
    }

    /**
     * A new encoder; thread-safe.
     *
     * @param options none are known: any key is refused
     * @throws dev.sluice.api.OptionsException naming the key path of an option
     */
    @Override
    public ImageEncoder create(Options options) {
        options.requireOnly(Set.of());
        return new ImageIoImageEncoder();
    }
}
