package dev.sluice.core.label;

import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;
import java.util.Arrays;
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
 * dataset: {format: yolo, labels: labels/train, root: images/train, image_extension: .png}
 * dataset: {format: yolo, labels: labels/train, root: images/train, masks: true}
 * dataset: {format: yolo, labels: labels/train, root: images/train, kpt_shape: [17, 3],
 *           flip_idx: [0, 2, 1, 4, 3, 6, 5, 8, 7, 10, 9, 12, 11, 14, 13, 16, 15]}
 * }</pre>
 *
 * <p>The entries are the images under the dataset's root, each with the label file at the same
 * relative path under {@code labels} ({@code .txt} for the image's extension); an image without a
 * label file has no objects, a label file without an image is reported. Duplicate objects in a file
 * are removed with a warning naming the file and line, as Ultralytics removes them.
 *
 * <p>Options (keys of {@code dataset} beside {@code format}): {@code image_extension} (default: any
 * of the folder format's image extensions): the one extension the images have, for a root that holds
 * others beside them; {@code masks} (default false): keep each polygon as the instance mask of its box
 * (every object of the dataset must then be a polygon), where by default a polygon gives its box only,
 * as in an Ultralytics detection training on a segmentation dataset; {@code kpt_shape} (default none):
 * {@code [K, 2]} or {@code [K, 3]}, copied from the dataset's YAML, for pose labels of K points of
 * {@code x y} or {@code x y visibility} each; {@code flip_idx} (default none; needs {@code kpt_shape}):
 * the dataset YAML's {@code flip_idx}, K indices, for each point the point whose place it takes in a
 * left-right mirror ({@code [0, 2, 1, 4, 3, ...]} for COCO's nose, left eye, right eye, left ear, ...).
 * With it, {@code random_horizontal_flip} swaps left and right points, their visibilities with them,
 * as Ultralytics' {@code RandomFlip} does, so that the left eye is still the left eye of the mirrored
 * person; a vertical flip swaps nothing, as in Ultralytics. Without it a flip mirrors x only, as
 * torchvision's does, and the point called the left eye then sits on the mirrored person's right eye:
 * a pose dataset whose points have sides should give it, as its Ultralytics YAML does.
 *
 * <p>{@link #create} refuses with an {@link dev.sluice.api.OptionsException}, naming the key path of
 * an unknown option, an extension that is not a dot and a name, a {@code kpt_shape} that is not two
 * whole numbers {@code [K >= 1, 2 or 3]}, {@code kpt_shape} with {@code masks: true}, a
 * {@code flip_idx} without {@code kpt_shape}, or a {@code flip_idx} that is not a permutation of
 * {@code 0 .. K - 1} (another length, a value out of range or not whole, a value twice).
 */
public final class YoloLabelFormatProvider extends BuiltInLabelFormatProvider {
    /** Far more points per object than any pose dataset has (COCO-WholeBody has 133). */
    private static final int MAX_KEY_POINTS = 10_000;

    /** A provider; constructing one does nothing else. */
    public YoloLabelFormatProvider() {
        super(YoloLabelFormat.ID, Set.of("image_extension", "masks", "kpt_shape", "flip_idx"),
                options -> new YoloLabelFormat(options.has("image_extension")
                        ? Optional.of(ImageExtensions.option(options, "image_extension", ".jpg")) : Optional.empty(),
                        lines(options)));
    }

    private static YoloLines lines(Options options) {
        boolean masks = options.getBoolean("masks", false);
        if (!options.has("kpt_shape")) {
            if (options.has("flip_idx")) {
                throw new OptionsException(options.keyPath("flip_idx"), "reorders pose key points, but there is no "
                        + "kpt_shape; give kpt_shape: [points, dims] from the dataset's YAML with it");
            }
            return new YoloLines(masks, Optional.empty(), Optional.empty());
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
        int points = (int) shape[0];
        Optional<int[]> flipIndex = options.has("flip_idx") ? Optional.of(flipIndex(options, points))
                : Optional.empty();
        return new YoloLines(false, Optional.of(new YoloLines.KeyPointShape(points, (int) shape[1])), flipIndex);
    }

    /**
     * Ultralytics' {@code flip_idx}: for each key point, the point whose place it takes when the image
     * is mirrored left to right; a permutation of {@code 0 .. points - 1}.
     */
    private static int[] flipIndex(Options options, int points) {
        double[] values = options.getDoubles("flip_idx", null);
        String rule = "must list, for each of the " + points + " key points of kpt_shape, the point it becomes in a "
                + "left-right mirror (each of 0 to " + (points - 1) + " once), as flip_idx in the dataset's YAML; ";
        if (values.length != points) {
            throw new OptionsException(options.keyPath("flip_idx"), rule + "it has " + values.length + " values, was "
                    + options.raw("flip_idx"));
        }
        int[] order = new int[points];
        int[] firstAt = new int[points];
        Arrays.fill(firstAt, -1);
        for (int i = 0; i < points; i++) {
            double value = values[i];
            if (!(value >= 0 && value < points && value == Math.rint(value))) {
                throw new OptionsException(options.keyPath("flip_idx"), rule + "flip_idx[" + i + "] is " + number(value)
                        + ", not a key point index, was " + options.raw("flip_idx"));
            }
            order[i] = (int) value;
            if (firstAt[order[i]] >= 0) {
                throw new OptionsException(options.keyPath("flip_idx"), rule + order[i] + " is at flip_idx["
                        + firstAt[order[i]] + "] and again at flip_idx[" + i + "], was " + options.raw("flip_idx"));
            }
            firstAt[order[i]] = i;
        }
        return order;
    }

    /** {@code 7} for 7.0, as the YAML most likely wrote it; {@code 1.5} as it is. */
    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : Double.toString(value);
    }
}
