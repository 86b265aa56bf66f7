package dev.sluice.plugins.transforms.resize;

import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;
import java.util.Locale;

/** The {@code interpolation} option of the resizing transforms, with torchvision's names. */
public enum Interpolation {
    NEAREST,
    BILINEAR,
    BICUBIC,
    /** OpenCV's INTER_AREA: the mean over each output pixel's footprint; bilinear-like when enlarging. */
    AREA;

    /** The lower-case word used in configuration. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The option {@code key} of {@code options}, or {@code fallback} when absent.
     *
     * @throws OptionsException naming the key path when the word is not one of the allowed modes
     */
    public static Interpolation option(Options options, String key, Interpolation fallback, Interpolation... allowed) {
        String word = options.getString(key, null);
        if (word == null) {
            return fallback;
        }
        StringBuilder known = new StringBuilder();
        for (Interpolation mode : allowed) {
            if (mode.id().equals(word.trim().toLowerCase(Locale.ROOT))) {
                return mode;
            }
            known.append(known.length() == 0 ? "" : ", ").append(mode.id());
        }
        throw new OptionsException(options.keyPath(key), "must be one of " + known + ", was '" + word + "'");
    }
}
