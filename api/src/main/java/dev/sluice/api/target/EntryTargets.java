package dev.sluice.api.target;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a label source says about the targets of one entry, as a {@link dev.sluice.api.LabelFormat}
 * hands it to {@link dev.sluice.api.LabelSink#entry(String, long[], EntryTargets, long)}: boxes with
 * one label each, and optionally what is turned into pixels only when the sample is loaded, once the
 * image's size is known: boxes normalised to {@code [0, 1]} (YOLO), one {@link InstanceShape} per box
 * (COCO polygons or run lengths, YOLO polygons), the same number of key points per box with a
 * visibility each and optionally their mirror order (YOLO pose), or a class-index mask file (a
 * segmentation label PNG). Core stores it compactly in its label index and resolves it into
 * {@link Targets} per sample. Immutable.
 *
 * <pre>{@code
 * // COCO: bbox [x, y, w, h] in pixels of the image's declared size, category label 0
 * EntryTargets coco = EntryTargets.boxes(BoxFormat.XYWH, Optional.of(new CanvasSize(480, 640)),
 *         new float[] {10, 20, 100, 50}, new long[] {0});
 * // YOLO: "0 0.5 0.5 0.25 0.25", sized when the image is read
 * EntryTargets yolo = EntryTargets.normalizedBoxes(BoxFormat.CXCYWH, new float[] {.5f, .5f, .25f, .25f}, new long[] {0});
 * }</pre>
 */
public final class EntryTargets {
    private final BoxFormat format;
    private final float[] coordinates;
    private final long[] labels;
    private final boolean normalized;
    private final CanvasSize canvas;
    private final List<InstanceShape> shapes;
    private final String maskFile;
    private final int pointsPerBox;
    private final float[] points;
    private final float[] visibility;
    private final int[] mirror;

    private EntryTargets(BoxFormat format, float[] coordinates, long[] labels, boolean normalized, CanvasSize canvas,
            List<InstanceShape> shapes, String maskFile, int pointsPerBox, float[] points, float[] visibility,
            int[] mirror) {
        this.format = format;
        this.coordinates = coordinates;
        this.labels = labels;
        this.normalized = normalized;
        this.canvas = canvas;
        this.shapes = shapes;
        this.maskFile = maskFile;
        this.pointsPerBox = pointsPerBox;
        this.points = points;
        this.visibility = visibility;
        this.mirror = mirror;
    }

    private static final float[] NO_POINTS = new float[0];

    /**
     * Boxes in pixels.
     *
     * @param canvas the image size the source declares the boxes for (COCO's and VOC's width and
     *        height), checked against the decoded image when the sample is loaded; empty when the
     *        source does not say, and then the decoded image's size is the canvas
     * @param coordinates {@code 4 * N} finite values; copied
     * @param labels one per box; copied
     * @throws IllegalArgumentException as {@link BoundingBoxes#of} for malformed coordinates or labels
     */
    public static EntryTargets boxes(BoxFormat format, Optional<CanvasSize> canvas, float[] coordinates, long[] labels) {
        Objects.requireNonNull(canvas, "canvas");
        checkBoxes(format, coordinates, labels);
        return new EntryTargets(format, coordinates.clone(), labels.clone(), false, canvas.orElse(null), List.of(), null,
                0, NO_POINTS, NO_POINTS, null);
    }

    /**
     * Boxes whose x and width are fractions of the image width, and y and height of its height;
     * they are multiplied (in float32) by the decoded image's size when the sample is loaded.
     *
     * @param coordinates {@code 4 * N} finite values; copied
     * @param labels one per box; copied
     * @throws IllegalArgumentException as {@link BoundingBoxes#of} for malformed coordinates or labels
     */
    public static EntryTargets normalizedBoxes(BoxFormat format, float[] coordinates, long[] labels) {
        checkBoxes(format, coordinates, labels);
        return new EntryTargets(format, coordinates.clone(), labels.clone(), true, null, List.of(), null, 0, NO_POINTS,
                NO_POINTS, null);
    }

    /**
     * A class-index mask in an image file, read when the sample is loaded; no boxes.
     *
     * @param path the mask file, as the format found it (a path it checked against its own folder)
     * @throws IllegalArgumentException if {@code path} is empty
     */
    public static EntryTargets maskFile(String path) {
        if (path.isEmpty()) {
            throw new IllegalArgumentException("a mask file path must not be empty");
        }
        return new EntryTargets(BoxFormat.XYXY, new float[0], new long[0], false, null, List.of(), path, 0, NO_POINTS,
                NO_POINTS, null);
    }

    private static void checkBoxes(BoxFormat format, float[] coordinates, long[] labels) {
        BoundingBoxes.of(format, new CanvasSize(1, 1), coordinates, labels);
    }

    /**
     * These boxes with one instance outline each, for instance masks. Polygons of normalised boxes
     * are normalised too (x a fraction of the width, y of the height) and scaled with them.
     *
     * @param newShapes one per box, in box order
     * @throws IllegalArgumentException if there is not one shape per box, this entry has a mask file,
     *         or the boxes are normalised and a shape is run lengths (which have a size of their own)
     */
    public EntryTargets withShapes(List<InstanceShape> newShapes) {
        List<InstanceShape> copy = List.copyOf(newShapes);
        if (copy.size() != labels.length) {
            throw new IllegalArgumentException("one instance shape per box: " + labels.length + " boxes but "
                    + copy.size() + " shapes");
        }
        if (maskFile != null) {
            throw new IllegalArgumentException("an entry has instance shapes or a class-index mask file, not both");
        }
        if (normalized && copy.stream().anyMatch(InstanceShape.RunLengths.class::isInstance)) {
            throw new IllegalArgumentException("run lengths have a size of their own; normalised boxes take polygons");
        }
        return new EntryTargets(format, coordinates, labels, normalized, canvas, copy, null, pointsPerBox, points,
                visibility, mirror);
    }

    /**
     * These boxes with {@code perBox} key points each (YOLO pose: box {@code n}'s points are points
     * {@code n * perBox} to {@code n * perBox + perBox - 1}), in the boxes' units: fractions of the
     * image size for normalised boxes, pixels otherwise.
     *
     * @param perBox the points of each box, {@code >= 1}
     * @param newPoints {@code [x0, y0, x1, y1, ...]}, {@code 2 * perBox * N} finite values; copied
     * @param newVisibility one finite value per point, as the source writes it (YOLO and COCO: 0 not
     *        labelled, 1 labelled but hidden, 2 visible); copied
     * @return these boxes with those key points, without a mirror order (give one with
     *         {@link #withKeyPointMirror})
     * @throws IllegalArgumentException if a count does not match, a value is not finite, or this
     *         entry has a mask file
     */
    public EntryTargets withKeyPoints(int perBox, float[] newPoints, float[] newVisibility) {
        if (perBox < 1) {
            throw new IllegalArgumentException("key points per box must be >= 1, was " + perBox);
        }
        long count = (long) perBox * labels.length;
        if (newPoints.length != 2 * count || newVisibility.length != count) {
            throw new IllegalArgumentException(labels.length + " boxes of " + perBox + " key points take " + 2 * count
                    + " coordinates and " + count + " visibilities, not " + newPoints.length + " and "
                    + newVisibility.length);
        }
        if (maskFile != null) {
            throw new IllegalArgumentException("an entry has key points or a class-index mask file, not both");
        }
        KeyPoints.of(new CanvasSize(1, 1), newPoints, newVisibility);
        return new EntryTargets(format, coordinates, labels, normalized, canvas, shapes, null, perBox,
                newPoints.clone(), newVisibility.clone(), null);
    }

    /**
     * These key points with the mirror order of each box's points, YOLO's {@code flip_idx}: when the
     * image is mirrored left to right, a box's point {@code j} takes what its point {@code order[j]}
     * had. Core turns it into the sample's {@link KeyPoints#withMirror mirror order} over all points.
     *
     * @param order {@link #keyPointsPerBox()} values, a permutation of {@code 0 .. keyPointsPerBox() - 1}; copied
     * @throws IllegalArgumentException if the entry has no key points (see {@link #withKeyPoints}), or
     *         naming the first value of {@code order} out of range or given twice
     */
    public EntryTargets withKeyPointMirror(int[] order) {
        if (pointsPerBox == 0) {
            throw new IllegalArgumentException("a key point mirror order needs key points; this entry has none");
        }
        return new EntryTargets(format, coordinates, labels, normalized, canvas, shapes, null, pointsPerBox, points,
                visibility, KeyPoints.checkedOrder(order, pointsPerBox, "mirror"));
    }

    /** The layout of each box's four numbers. */
    public BoxFormat format() {
        return format;
    }

    /** The number of boxes, {@code N >= 0}. */
    public int boxCount() {
        return labels.length;
    }

    /** A new array of the {@code 4 * N} box coordinates. */
    public float[] coordinates() {
        return coordinates.clone();
    }

    /** A new array of the {@code N} box labels. */
    public long[] labels() {
        return labels.clone();
    }

    /** Whether the coordinates are fractions of the image size rather than pixels. */
    public boolean normalized() {
        return normalized;
    }

    /** The image size the source declares, to be checked against the decoded image; empty if it declares none. */
    public Optional<CanvasSize> canvas() {
        return Optional.ofNullable(canvas);
    }

    /** One outline per box for instance masks, or an empty list. */
    public List<InstanceShape> shapes() {
        return shapes;
    }

    /** The key points of each box, or 0 when the entry has none. */
    public int keyPointsPerBox() {
        return pointsPerBox;
    }

    /** A new array of the key points' {@code [x0, y0, x1, y1, ...]}, box after box; empty when there are none. */
    public float[] keyPoints() {
        return points.clone();
    }

    /** A new array of the key points' visibilities, one per point; empty when there are none. */
    public float[] keyPointVisibility() {
        return visibility.clone();
    }

    /** A new array of each box's key point mirror order ({@link #withKeyPointMirror}), if the entry has one. */
    public Optional<int[]> keyPointMirror() {
        return Optional.ofNullable(mirror).map(int[]::clone);
    }

    /** The class-index mask file, if the entry has one. */
    public Optional<String> maskFile() {
        return Optional.ofNullable(maskFile);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EntryTargets that && format == that.format && normalized == that.normalized
                && Arrays.equals(coordinates, that.coordinates) && Arrays.equals(labels, that.labels)
                && Objects.equals(canvas, that.canvas) && shapes.equals(that.shapes)
                && Objects.equals(maskFile, that.maskFile) && pointsPerBox == that.pointsPerBox
                && Arrays.equals(points, that.points) && Arrays.equals(visibility, that.visibility)
                && Arrays.equals(mirror, that.mirror);
    }

    @Override
    public int hashCode() {
        return Objects.hash(format, normalized, Arrays.hashCode(coordinates), Arrays.hashCode(labels), canvas, shapes,
                maskFile, pointsPerBox, Arrays.hashCode(points), Arrays.hashCode(visibility), Arrays.hashCode(mirror));
    }

    /**
     * E.g. {@code EntryTargets[2 XYWH boxes on 480x640, 2 shapes]} or {@code EntryTargets[1 CXCYWH box,
     * normalised, 17 key points each with a mirror order]}.
     */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("EntryTargets[").append(boxCount()).append(' ').append(format)
                .append(boxCount() == 1 ? " box" : " boxes");
        text.append(normalized ? ", normalised" : canvas != null ? " on " + canvas : "");
        if (!shapes.isEmpty()) {
            text.append(", ").append(shapes.size()).append(" shapes");
        }
        if (pointsPerBox > 0) {
            text.append(", ").append(pointsPerBox).append(" key points each")
                    .append(mirror != null ? " with a mirror order" : "");
        }
        if (maskFile != null) {
            text.append(", mask file ").append(maskFile);
        }
        return text.append(']').toString();
    }
}
