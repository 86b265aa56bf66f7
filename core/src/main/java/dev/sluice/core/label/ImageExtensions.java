package dev.sluice.core.label;

import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;

/** The extension options of the formats that keep one label file per image. */
final class ImageExtensions {

    private ImageExtensions() {
    }

    /**
     * The option {@code key}: a dot followed by letters, digits, '-' or '_' (".jpg", ".tif").
     *
     * @throws OptionsException naming the key path otherwise
     */
    static String option(Options options, String key, String fallback) {
        String value = options.getString(key, fallback);
        if (!value.matches("\\.[A-Za-z0-9_-]{1,16}")) {
            throw new OptionsException(options.keyPath(key), "must be a dot and a name such as '.jpg', was '"
                    + value + "'");
        }
        return value;
    }
}
