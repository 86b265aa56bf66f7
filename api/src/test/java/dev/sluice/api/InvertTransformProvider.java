package dev.sluice.api;

import dev.sluice.api.spi.AbstractPluginProvider;
import dev.sluice.api.spi.TransformProvider;
import java.util.Set;

/**
 * A test fixture: {@code test-invert}, a deterministic transform that turns every sample {@code v}
 * of an image into {@code 255 - v}, so that the api's own build runs {@code TransformContract}
 * against a transform that ignores its random source. Public only because
 * {@link java.util.ServiceLoader} needs it so.
 */
public final class InvertTransformProvider extends AbstractPluginProvider implements TransformProvider {

    /** Constructs the provider; does nothing else. */
    public InvertTransformProvider() {
        super("test-invert", 0);
    }

    /**
     * The inverting transform, {@code Transform<Image, Image>}.
     *
     * @throws OptionsException for any option: it has none
     */
    @Override
    public Transform<Image, Image> create(Options options) {
        options.requireOnly(Set.of());
        return (image, random) -> {
            byte[] samples = image.toArray();
            for (int i = 0; i < samples.length; i++) {
                samples[i] = (byte) (255 - (samples[i] & 0xFF));
            }
            return Image.wrap(image.width(), image.height(), image.channels(), samples);
        };
    }
}
