package dev.sluice.core.plugin;

import dev.sluice.api.DecodeBuffers;
import dev.sluice.api.DecodeException;
import dev.sluice.api.DecodeOptions;
import dev.sluice.api.Image;
import dev.sluice.api.ImageDecoder;
import dev.sluice.api.UnsupportedImageException;
import dev.sluice.api.spi.ImageHeader;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code decoder: auto}: each input to the decoders of its format, by its first bytes, in the order
 * {@link DecoderRouting} ranks them; the next one gets the data only when the one before refuses it
 * as an {@link UnsupportedImageException} (a kind of image it does not read right), never after
 * damage or any other failure. Decode buffers lent to it go to the decoder that decodes.
 */
final class RoutedImageDecoder implements ImageDecoder {
    /** A decoder on a route, with the id its refusals are reported under. */
    record Choice(String id, ImageDecoder decoder) {
    }

    private final Map<String, List<Choice>> byFormat;
    private final List<Choice> fallback;

    RoutedImageDecoder(Map<String, List<Choice>> byFormat, List<Choice> fallback) {
        this.byFormat = Map.copyOf(byFormat);
        this.fallback = List.copyOf(fallback);
    }

    @Override
    public Image decode(ByteBuffer encoded, DecodeOptions options) throws DecodeException {
        return decode(encoded, options, null);
    }

    /** The file read into the buffers, then routed by its first bytes. */
    @Override
    public Image decode(Path file, DecodeOptions options, DecodeBuffers buffers) throws DecodeException {
        return ImageDecoder.decodeFile(this, file, options, buffers);
    }

    /** @param buffers lent to the chosen decoder; null for none */
    @Override
    public Image decode(ByteBuffer encoded, DecodeOptions options, DecodeBuffers buffers) throws DecodeException {
        List<Choice> choices = ImageHeader.formatOf(encoded).map(byFormat::get).orElse(fallback);
        UnsupportedImageException first = null;
        StringBuilder refusals = new StringBuilder();
        for (Choice choice : choices) {
            try {
                return buffers == null ? choice.decoder().decode(encoded.duplicate(), options)
                        : choice.decoder().decode(encoded.duplicate(), options, buffers);
            } catch (UnsupportedImageException e) {
                first = first == null ? e : first;
                refusals.append(refusals.length() == 0 ? "" : "; ").append(choice.id()).append(": ").append(e.reason());
            }
        }
        if (choices.size() == 1) {
            throw first;
        }
        throw new UnsupportedImageException(first.source(), "no available decoder reads this image ("
                + refusals + ")");
    }
}
