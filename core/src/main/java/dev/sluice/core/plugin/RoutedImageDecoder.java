package dev.sluice.core.plugin;

import dev.sluice.api.DecodeException;
import dev.sluice.api.DecodeOptions;
import dev.sluice.api.Image;
import dev.sluice.api.ImageDecoder;
import dev.sluice.api.spi.ImageHeader;
import java.nio.ByteBuffer;
import java.util.Map;

/** {@code decoder: auto}: each input to the decoder of its format, by its first bytes; see {@link DecoderRouting}. */
final class RoutedImageDecoder implements ImageDecoder {
    private final Map<String, ImageDecoder> byFormat;
    private final ImageDecoder fallback;

    RoutedImageDecoder(Map<String, ImageDecoder> byFormat, ImageDecoder fallback) {
        this.byFormat = Map.copyOf(byFormat);
        this.fallback = fallback;
    }

    @Override
    public Image decode(ByteBuffer encoded, DecodeOptions options) throws DecodeException {
        ImageDecoder decoder = ImageHeader.formatOf(encoded).map(byFormat::get).orElse(fallback);
        return (decoder == null ? fallback : decoder).decode(encoded, options);
    }
}
