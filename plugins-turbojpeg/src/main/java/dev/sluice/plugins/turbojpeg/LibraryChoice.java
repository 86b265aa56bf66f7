package dev.sluice.plugins.turbojpeg;

import dev.sluice.api.OptionsException;
import java.util.Locale;

/** The decoder's {@code library} option: which libjpeg-turbo to run. */
enum LibraryChoice {
    /** The system's libturbojpeg where it loads, otherwise the bundled one. */
    AUTO,
    /** The system's libturbojpeg, or fail. */
    SYSTEM,
    /** The libjpeg-turbo bundled in org.bytedeco:leptonica, even where a system one exists. */
    BUNDLED;

    /** The choice {@code value} names, case-insensitively; {@code keyPath} is for the message. */
    static LibraryChoice parse(String keyPath, String value) {
        try {
            return valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new OptionsException(keyPath, "must be auto, system or bundled, was '" + value + "'");
        }
    }
}
