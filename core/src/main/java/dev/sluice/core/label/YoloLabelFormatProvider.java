package dev.sluice.core.label;

import java.util.Optional;
import java.util.Set;

/**
 * The {@code yolo} label format: a folder of YOLO {@code .txt} label files (given as
 * {@code dataset.labels}), one per image, each line {@code class cx cy w h} normalised to the image
 * size; the boxes are scaled to pixels when the image is decoded. Found by
 * {@link java.util.ServiceLoader}.
 *
 * <pre>{@code
 * dataset: {format: yolo, labels: labels/train, root: images/train, options: {image_extension: .png}}
 * }</pre>
 *
 * <p>The entries are the images under the dataset's root, each with the label file at the same
 * relative path under {@code labels} ({@code .txt} for the image's extension); an image without a
 * label file has no objects, a label file without an image is reported.
 *
 * <p>Options: {@code image_extension} (default: any of the folder format's image extensions): the one
 * extension the images have, for a root that holds others beside them.
 *
 * <p>{@link #create} refuses with an {@link dev.sluice.api.OptionsException}, naming the key path of
 * an unknown option or an extension that is not a dot and a name.
 */
public final class YoloLabelFormatProvider extends BuiltInLabelFormatProvider {

    /** A provider; constructing one does nothing else. */
    public YoloLabelFormatProvider() {
        super(YoloLabelFormat.ID, Set.of("image_extension"),
                options -> new YoloLabelFormat(options.has("image_extension")
                        ? Optional.of(ImageExtensions.option(options, "image_extension", ".jpg")) : Optional.empty()));
    }
}
