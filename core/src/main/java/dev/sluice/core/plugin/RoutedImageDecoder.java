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
import java.util.Optional;

/**
 * {@code decoder: auto}: each input to the decoders of its format, by its first bytes, in the order
 * {@link DecoderRouting} ranks them; the next one gets the data only when the one before refuses it
 * as an {@link UnsupportedImageException} (a kind of image it does not read right), never after
 * damage or any other failure. Input in no recognised format goes to the first decoder of the
 * fallback list that can be made, whose error is the answer. A decoder made on first use
 * ({@link DecoderOnRoute}) that turns out unavailable is passed over as one found unavailable at
 * start-up is; when no decoder of the format can be made, the error names each with its reason.
 * Decode buffers lent to it go to the decoder that decodes.
 */
final class RoutedImageDecoder extends BorrowingImageDecoder {
    private final Map<String, List<DecoderOnRoute>> byFormat;
    private final List<DecoderOnRoute> fallback;

    RoutedImageDecoder(Map<String, List<DecoderOnRoute>> byFormat, List<DecoderOnRoute> fallback) {
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
        Optional<String> format = ImageHeader.formatOf(encoded);
        List<DecoderOnRoute> choices = format.map(byFormat::get).orElse(fallback);
        boolean firstOnly = choices == fallback;
        UnsupportedImageException first = null;
        int tried = 0;
        StringBuilder reasons = null;
        for (DecoderOnRoute choice : choices) {
            DecoderOnRoute.Made made = choice.get();
            if (made.decoder() == null) {
                reasons = appended(reasons, choice.id(), made.unavailable());
                continue;
            }
            tried++;
            try {
                return buffers == null ? made.decoder().decode(encoded.duplicate(), options)
                        : made.decoder().decode(encoded.duplicate(), options, buffers);
            } catch (UnsupportedImageException e) {
                if (firstOnly) {
                    throw e;
                }
                first = first == null ? e : first;
                reasons = appended(reasons, choice.id(), e.reason());
            }
        }
        if (first == null) {
            throw new DecodeException("<bytes>", "no decoder for " + format.orElse("this data") + " could be made here ("
                    + reasons + ")");
        }
        if (tried == 1 && choices.size() == 1) {
            throw first;
        }
        throw new UnsupportedImageException(first.source(), "no available decoder reads this image (" + reasons + ")");
    }

    /** {@code reasons} (made on the first reason: most files need none) with {@code "id: reason"} added. */
    private static StringBuilder appended(StringBuilder reasons, String id, String reason) {
        StringBuilder text = reasons == null ? new StringBuilder() : reasons.append("; ");
        return text.append(id).append(": ").append(reason);
    }
}
