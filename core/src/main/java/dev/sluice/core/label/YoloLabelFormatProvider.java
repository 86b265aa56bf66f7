package dev.sluice.core.label;

import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code yolo} label format: a folder of Ultralytics YOLO {@code .txt} label files (given as
 * {@code dataset.labels}), one per image, each line one object normalised to the image size: a box
 * {@code class cx cy w h}, a polygon {@code class x1 y1 x2 y2 ... xn yn} (a segmentation dataset;
 * its box is the polygon's extent), or with {@code kpt_shape} a pose line {@code class cx cy w h}
 * followed by the key points. Boxes, polygons and points are scaled to pixels when the image is
 * decoded. Found by {@link java.util.ServiceLoader}.
 *
 * <pre>{@code
 * dataset: {format: yolo, labels: labels/train, root: images/train, options: {image_extension: .png}}
 * dataset: {format: yolo, labels: labels/train, root: images/train, options: {masks: true}}
 * dataset: {format: yolo, labels: labels/train, root: images/train, options: {kpt_shape: [17, 3]}}
 * }</pre>
 *
 * <p>The entries are the images under the dataset's root, each with the label file at the same
 * relative path under {@code labels} ({@code .txt} for the image's extension); an image without a
 * label file has no objects, a label file without an image is reported. Duplicate objects in a file
 * are removed with a warning naming the file and line, as Ultralytics removes them.
 *
 * <p>Options: {@code image_extension} (default: any of the folder format's image extensions): the one
 * extension the images have, for a root that holds others beside them; {@code masks} (default false):
 * keep each polygon as the instance mask of its box (every object of the dataset must then be a
 * polygon), where by default a polygon gives its box only, as in an Ultralytics detection training on
 * a segmentation dataset; {@code kpt_shape} (default none): {@code [K, 2]} or {@code [K, 3]}, copied
 * from the dataset's YAML, for pose labels of K points of {@code x y} or {@code x y visibility} each.
 *
 * <p>{@link #create} refuses with an {@link dev.sluice.api.OptionsException}, naming the key path of
 * an unknown option, an extension that is not a dot and a name, a {@code kpt_shape} that is not two
 * whole numbers {@code [K >= 1, 2 or 3]}, or {@code kpt_shape} with {@code masks: true}.
 */
public final class YoloLabelFormatProvider extends BuiltInLabelFormatProvider {
    /** Far more points per object than any pose dataset has (COCO-WholeBody has 133). */
    private static final int MAX_KEY_POINTS = 10_000;

    /** A provider; constructing one does nothing else. */
    public YoloLabelFormatProvider() {
        super(YoloLabelFormat.ID, Set.of("image_extension", "masks", "kpt_shape"),
                options -> new YoloLabelFormat(options.has("image_extension")
                        ? Optional.of(ImageExtensions.option(options, "image_extension", ".jpg")) : Optional.empty(),
                        lines(options)));
    }

    private static YoloLines lines(Options options) {
        boolean masks = options.getBoolean("masks", false);
        if (!options.has("kpt_shape")) {
            return new YoloLines(masks, Optional.empty());
        }
        double[] shape = options.getDoubles("kpt_shape", null);
        if (shape.length != 2 || !(shape[0] >= 1 && shape[0] <= MAX_KEY_POINTS && shape[0] == Math.rint(shape[0]))
                || !(shape[1] == 2 || shape[1] == 3)) {
            throw new OptionsException(options.keyPath("kpt_shape"), "must be [points, dims] as in the dataset's "
                    + "YAML, points a whole number from 1 to " + MAX_KEY_POINTS + " and dims 2 (x y) or 3 (x y "
                    + "visibility), was " + options.raw("kpt_shape"));
        }
        if (masks) {
            throw new OptionsException(options.keyPath("masks"), "pose labels (kpt_shape) have no polygons to keep "
                    + "as masks");
        }
        return new YoloLines(false, Optional.of(new YoloLines.KeyPointShape((int) shape[0], (int) shape[1])));
    }
}
