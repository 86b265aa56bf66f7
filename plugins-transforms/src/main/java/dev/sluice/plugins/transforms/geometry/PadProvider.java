package dev.sluice.plugins.transforms.geometry;

import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;
import dev.sluice.plugins.transforms.DeclaredTransformProvider;
import dev.sluice.plugins.transforms.SharedOptions;
import java.util.Locale;
import java.util.Set;

/**
 * {@code pad} in configuration: builds the {@link Pad} its options describe (one implementation).
 * {@link #create} throws {@link OptionsException} naming the key path when an option is unknown,
 * missing or malformed.
 */
public final class PadProvider extends DeclaredTransformProvider<Pad> {

    /** Constructs the provider; does nothing else. */
    public PadProvider() {
        super("pad", Set.of("padding", "fill", "padding_mode"), PadProvider::build);
    }

    private static Pad build(Options options) {
        Padding padding = padding(options, "padding");
        if (padding == null) {
            throw new OptionsException(options.keyPath("padding"), "required option is missing");
        }
        return Pad.of(padding).paddingMode(mode(options)).fill(SharedOptions.fill(options, "fill"));
    }

    /** {@code padding_mode}: constant (default), edge, reflect or symmetric. */
    static Pad.Mode mode(Options options) {
        String word = SharedOptions.oneOf(options, "padding_mode", "constant", "constant", "edge", "reflect", "symmetric");
        return Pad.Mode.valueOf(word.toUpperCase(Locale.ROOT));
    }

    /**
     * A padding as torchvision's {@code pad}: one number for all sides, [left/right, top/bottom], or
     * [left, top, right, bottom], each {@code >= 0}; null when absent.
     */
    static Padding padding(Options options, String key) {
        int[] p = SharedOptions.wholeNumbers(options, key, 0, 1, 2, 4);
        if (p == null) {
            return null;
        }
        return switch (p.length) {
            case 1 -> Padding.of(p[0]);
            case 2 -> Padding.of(p[0], p[1]);
            default -> new Padding(p[0], p[1], p[2], p[3]);
        };
    }
}
