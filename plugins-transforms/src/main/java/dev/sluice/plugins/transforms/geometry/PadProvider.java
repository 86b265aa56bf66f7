package dev.sluice.plugins.transforms.geometry;

import dev.sluice.api.Image;
import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;
import dev.sluice.api.Transform;
import dev.sluice.api.spi.TransformProvider;
import dev.sluice.plugins.transforms.SharedOptions;
import java.util.Locale;
import java.util.Set;

/**
 * {@code pad}: torchvision's {@code Pad}.
 *
 * <p>Options: {@code padding} (required): a number for every side, {@code [left/right, top/bottom]}
 * or {@code [left, top, right, bottom]}, each {@code >= 0}; {@code padding_mode}: {@code constant}
 * (default: the {@code fill} levels), {@code edge} (the edge pixel repeated), {@code reflect}
 * (mirrored without repeating the edge pixel; each margin must be smaller than the side it mirrors)
 * or {@code symmetric} (mirrored with it; at most the side); {@code fill}: 0 to 255, one level for
 * every channel or a list with one per channel (default 0).
 *
 * <pre>{@code
 * - pad: {padding: [4, 2], padding_mode: reflect}
 * }</pre>
 */
public final class PadProvider implements TransformProvider {

    /** Constructs the provider; does nothing else. */
    public PadProvider() {
    }

    /** {@code "pad"}. */
    @Override
    public String id() {
        return "pad";
    }

    /** 0: transforms are chosen by id, never by priority. */
    @Override
    public int priority() {
        return 0;
    }

    /**
     * A {@code Transform<Image, Image>} for images of 1 to 4 channels, safe for concurrent use, that never
     * draws from its random source. It throws {@link IllegalArgumentException} for an image too small
     * to mirror, or when a per-channel fill does not match the image's channels.
     *
     * @throws OptionsException naming the key path when an option is unknown, missing or malformed
     */
    @Override
    public Transform<Image, Image> create(Options options) {
        options.requireOnly(Set.of("padding", "fill", "padding_mode"));
        int[] padding = SharedOptions.padding(options, "padding");
        if (padding == null) {
            throw new OptionsException(options.keyPath("padding"), "required option is missing");
        }
        return new Pad(padding, mode(options), SharedOptions.fill(options, "fill"));
    }

    static Pad.Mode mode(Options options) {
        String word = SharedOptions.oneOf(options, "padding_mode", "constant", "constant", "edge", "reflect", "symmetric");
        return Pad.Mode.valueOf(word.toUpperCase(Locale.ROOT));
    }
}
