package dev.sluice.core.testing;

import dev.sluice.api.ImageEncoder;
import dev.sluice.api.Options;
import dev.sluice.api.spi.AbstractPluginProvider;
import dev.sluice.api.spi.ImageEncoderProvider;
import java.util.Set;

/**
 * Registers encoder {@code tiny} for the tests: it writes an image in {@link TinyImageDecoder}'s
 * three-byte format (width, height, and the first sample as the fill), whatever format is asked.
 */
public final class TinyEncoderProvider extends AbstractPluginProvider implements ImageEncoderProvider {
    public TinyEncoderProvider() {
        super("tiny", 10);
    }

    @Override
    public ImageEncoder create(Options options) {
        options.requireOnly(Set.of());
        return (image, encodeOptions) -> TinyImageDecoder.encode(image.width(), image.height(), image.get(0, 0, 0));
    }
}
