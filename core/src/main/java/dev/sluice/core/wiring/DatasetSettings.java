package dev.sluice.core.wiring;

import dev.sluice.api.Options;
import dev.sluice.core.dataset.Repeat;
import java.nio.file.Path;

/**
 * The {@code dataset} section.
 *
 * @param format the label-format id
 * @param labels the label file (or root folder for folder-shaped formats), absolute
 * @param root the image folder, absolute
 * @param repeat how many passes, or forever
 * @param allowOutsideRoot whether label paths, and symbolic links inside the root, may lead out of the image root
 * @param formatOptions the remaining keys, passed to the label format's factory
 */
record DatasetSettings(String format, Path labels, Path root, Repeat repeat, boolean allowOutsideRoot,
        Options formatOptions) {
}
