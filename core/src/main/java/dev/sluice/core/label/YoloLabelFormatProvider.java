package dev.sluice.core.label;

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
 * <p>Options: {@code image_extension} (default {@code ".jpg"}): what replaces a label file's {@code .txt}
 * in its image's path.
 *
 * <p>{@link #create} refuses with an {@link dev.sluice.api.OptionsException}, naming the key path of
 * an unknown option or an extension that is not a dot and a name.
 */
public final class YoloLabelFormatProvider extends BuiltInLabelFormatProvider {

    /** A provider; constructing one does nothing else. */
    public YoloLabelFormatProvider() {
        super(YoloLabelFormat.ID, Set.of("image_extension"),
                options -> new YoloLabelFormat(ImageExtensions.option(options, "image_extension", ".jpg")));
    }
}
