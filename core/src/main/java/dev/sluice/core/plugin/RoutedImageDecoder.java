package dev.sluice.core.plugin;

import dev.sluice.api.BorrowingImageDecoder;
import dev.sluice.api.DecodeBuffers;
import dev.sluice.api.DecodeException;
import dev.sluice.api.DecodeOptions;
import dev.sluice.api.Image;
import dev.sluice.api.ImageDecoder;
import dev.sluice.api.UnsupportedImageException;
import dev.sluice.api.spi.ImageHeader;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;

/**
 * {@code decoder: auto}: each input to the decoders of its format, by its first bytes, in the order
 * {@link DecoderRouting} ranks them; the next one gets the data only when the one before refuses it
 * as an {@link UnsupportedImageException} (a kind of image it does not read right), never after
 * damage or any other failure. Decode buffers lent to it go to the decoder that decodes.
 */
final class RoutedImageDecoder extends BorrowingImageDecoder {
    /** A decoder on a route, with the id its refusals are reported under. */
    record Choice(String id, ImageDecoder decoder) {
    }

    private final Map<String, List<Choice>> byFormat;
    private final List<Choice> fallback;

    RoutedImageDecoder(Map<String, List<Choice>> byFormat, List<Choice> fallback) {
        this.byFormat = Map.copyOf(byFormat);
        this.fallback = List.copyOf(fallback);
    }

    /**
     * Routes by the first bytes; a file decoded with buffers is read into them first.
     *
     * @param buffers lent to the chosen decoder; null for none, and then the chosen decoder's
     *        two-argument decode is called, since a decoder need not take null buffers
     */
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
