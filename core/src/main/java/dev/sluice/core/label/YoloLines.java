package dev.sluice.core.label;

import dev.sluice.api.LabelSink;
import dev.sluice.api.target.BoxFormat;
import dev.sluice.api.target.EntryTargets;
import dev.sluice.api.target.InstanceShape;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The lines of one YOLO label file, read as Ultralytics reads them ({@code verify_image_label} in
 * {@code ultralytics/data/utils.py}): a box {@code class cx cy w h}; a polygon {@code class x1 y1 ...
 * xn yn} (at least 3 points), whose box is the extent of its points; or, when the dataset declares
 * {@code kpt_shape: [K, D]}, a pose line {@code class cx cy w h} followed by K points of D values
 * ({@code x y} or {@code x y visibility}). The line alone cannot tell a polygon from a pose line
 * without visibility, so the key-point shape decides, as the dataset YAML decides in Ultralytics.
 *
 * <p>Values are float32 fractions of the image size, read with Ultralytics' 1% tolerance: box
 * values (for a polygon, its box's), and key points' x and y, from -0.01 to 1.01, but a pose line's
 * box values only at least -0.01 (Ultralytics checks its key points against 1.01, not its box); a
 * visibility is at least -0.01. Without visibility in the file, a point with a negative x or y is not visible
 * (0) and any other is (1), as Ultralytics sets it.
 *
 * <p>Duplicate objects are removed with a warning, as Ultralytics removes them ({@link DuplicateRows}).
 * With a {@code flip_idx}, every entry's key points carry it as their mirror order, which a
 * horizontal flip then applies as Ultralytics' {@code RandomFlip} does.
 */
final class YoloLines {
    /** Ultralytics' tolerance, compared in float32 as numpy compares a float32 array with 1.01. */
    static final float LOW = -0.01f;
    static final float HIGH = 1.01f;

    /**
     * The key points per instance, Ultralytics' {@code kpt_shape: [points, dims]}.
     *
     * @param points at least 1
     * @param dims 2 ({@code x y}) or 3 ({@code x y visibility})
     */
    record KeyPointShape(int points, int dims) {
        KeyPointShape {
            if (points < 1 || dims < 2 || dims > 3) {
                throw new IllegalArgumentException("kpt_shape is [points >= 1, 2 or 3], was [" + points + ", " + dims + "]");
            }
        }
    }

    private enum Kind { BOX, POLYGON, POSE }

    private final boolean masks;
    private final Optional<KeyPointShape> keyPoints;
    private final Optional<int[]> flipIndex;

    /**
     * @param masks whether polygons are kept as instance outlines, beside the boxes taken from them
     * @param keyPoints the key points of every line, or empty for box and polygon lines
     * @param flipIndex Ultralytics' {@code flip_idx}, the mirror order of each line's key points
     *        (checked by {@link dev.sluice.api.target.EntryTargets#withKeyPointMirror}); empty for none
     */
    YoloLines(boolean masks, Optional<KeyPointShape> keyPoints, Optional<int[]> flipIndex) {
        if (masks && keyPoints.isPresent()) {
            throw new IllegalArgumentException("pose lines have no polygons to keep as masks");
        }
        if (flipIndex.isPresent() && keyPoints.isEmpty()) {
            throw new IllegalArgumentException("flip_idx orders key points; these lines have none");
        }
        this.masks = masks;
        this.keyPoints = keyPoints;
        this.flipIndex = flipIndex.map(int[]::clone);
    }

    /**
     * The targets of a label file's text, or empty after each bad line went to the sink as a problem
     * naming {@code name} and the line.
     */
    Optional<EntryTargets> read(String name, String text, LabelSink sink) {
        // A byte order mark, as Windows tools write one, is no part of the first class; lines end as
        // Python's splitlines ends them, with \r alone too.
        String[] lines = (text.startsWith("\uFEFF") ? text.substring(1) : text).split("\r\n|\r|\n", -1);
        Instances instances = new Instances();
        Kind fileKind = null;
        int kindLine = 0;
        boolean bad = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] fields = line.split("\\s+");
            Kind kind = kind(fields.length);
            String problem = kind == null ? countProblem(fields.length) : null;
            if (problem == null && fileKind != null && kind != fileKind) {
                problem = mixProblem(kind, kindLine);
            }
            if (problem == null) {
                problem = instances.add(kind, fields, i + 1);
            }
            if (problem != null) {
                sink.problem(0, ProblemLog.shorten(line), name + ":" + (i + 1) + ": " + problem);
                bad = true;
            } else if (fileKind == null) {
                fileKind = kind;
                kindLine = i + 1;
            }
        }
        if (masks && fileKind == Kind.BOX) {
            sink.problem(0, null, name + ":" + kindLine + ": a box, but masks: true reads a polygon for every object "
                    + "(Ultralytics drops every mask of a dataset that mixes boxes and polygons); write the objects as "
                    + "polygons, or read boxes only with masks: false");
            bad = true;
        }
        if (bad) {
            return Optional.empty();
        }
        instances.removeDuplicates(name, sink);
        return Optional.of(instances.targets());
    }

    /** The targets of an image without objects: no boxes, and no points when lines have them. */
    EntryTargets none() {
        return new Instances().targets();
    }

    private Kind kind(int fields) {
        if (keyPoints.isPresent()) {
            return fields == 5L + (long) keyPoints.get().points() * keyPoints.get().dims() ? Kind.POSE : null;
        }
        return fields == 5 ? Kind.BOX : fields >= 7 && fields % 2 == 1 ? Kind.POLYGON : null;
    }

    private String countProblem(int fields) {
        if (keyPoints.isPresent()) {
            KeyPointShape shape = keyPoints.get();
            return "expected 5 + " + shape.points() + " x " + shape.dims() + " = " + (5L + (long) shape.points()
                    * shape.dims()) + " values (class cx cy w h, then " + shape.points() + " points of "
                    + (shape.dims() == 3 ? "x y visibility" : "x y") + ", as kpt_shape says), found " + fields;
        }
        if (fields >= 8 && fields % 2 == 0) {
            return "a polygon is x y pairs, but this line has " + (fields - 1) + " values after the class"
                    + " (pose lines need the option kpt_shape)";
        }
        return "expected 5 values (class cx cy w h) or a polygon (class x1 y1 x2 y2 x3 y3 ..., at least 3 points), "
                + "found " + fields;
    }

    private static String mixProblem(Kind kind, int firstLine) {
        return kind == Kind.BOX
                ? "a box among polygons (line " + firstLine + " is a polygon): Ultralytics would read it as a polygon "
                        + "of 2 points; write every object of a file as a polygon, or every one as a box"
                : "a polygon among boxes (line " + firstLine + " is a box): Ultralytics would read the boxes as "
                        + "polygons of 2 points; write every object of a file as a polygon, or every one as a box";
    }

    /** The instances of one file as they are read. */
    private final class Instances {
        private final List<float[]> boxes = new ArrayList<>();
        private final List<Long> labels = new ArrayList<>();
        private final List<InstanceShape> shapes = new ArrayList<>();
        private final List<float[]> points = new ArrayList<>();
        private final List<float[]> visibility = new ArrayList<>();
        /** Each instance as Ultralytics compares them: class, then the line's values (a polygon's box). */
        private final List<float[]> rows = new ArrayList<>();
        private final List<Integer> lines = new ArrayList<>();
        private boolean polygons;

        /** Adds the instance of line {@code line}, or says why it cannot. */
        String add(Kind kind, String[] fields, int line) {
            long label = YoloNumbers.classIndex(fields[0]);
            if (label < 0) {
                return "class '" + fields[0] + "' is not a non-negative integer";
            }
            float[] values = new float[fields.length - 1];
            for (int k = 0; k < values.length; k++) {
                values[k] = YoloNumbers.number(fields[k + 1]);
                if (Float.isNaN(values[k])) {
                    return "'" + fields[k + 1] + "' is not a number";
                }
            }
            float[] box = kind == Kind.POLYGON ? extent(values) : new float[] {values[0], values[1], values[2], values[3]};
            // Ultralytics bounds a pose line's box below only: its upper check is on the key points.
            float high = kind == Kind.POSE ? Float.MAX_VALUE : HIGH;
            for (int k = 0; k < 4; k++) {
                if (!(box[k] >= LOW && box[k] <= high)) {
                    return kind == Kind.POLYGON
                            ? "the polygon's box (cx cy w h " + box[0] + " " + box[1] + " " + box[2] + " " + box[3]
                                    + ") is not within -0.01 to 1.01 of the image"
                            : "'" + fields[k + 1] + "' is not a number " + (kind == Kind.POSE ? "of at least -0.01"
                                    : "from -0.01 to 1.01");
                }
            }
            if (kind == Kind.POSE) {
                String problem = addPoints(values, fields);
                if (problem != null) {
                    return problem;
                }
            }
            if (kind == Kind.POLYGON && masks) {
                double[] ring = new double[values.length];
                for (int k = 0; k < ring.length; k++) {
                    ring[k] = values[k];
                }
                shapes.add(InstanceShape.Polygons.of(List.of(ring)));
            }
            polygons |= kind == Kind.POLYGON;
            boxes.add(box);
            labels.add(label);
            float[] row = new float[1 + (kind == Kind.POLYGON ? box.length : values.length)];
            row[0] = label;
            System.arraycopy(kind == Kind.POLYGON ? box : values, 0, row, 1, row.length - 1);
            rows.add(row);
            lines.add(line);
            return null;
        }

        /**
         * Removes the duplicate instances as Ultralytics does ({@link DuplicateRows}), with a warning
         * that names the file, the first duplicate's line and the line it repeats.
         */
        void removeDuplicates(String name, LabelSink sink) {
            int[] kept = DuplicateRows.kept(rows);
            int[] repeat = DuplicateRows.firstRepeat(rows, kept);
            if (repeat == null) {
                return;
            }
            int removed = rows.size() - kept.length;
            int line = lines.get(repeat[0]);
            sink.warning(0, null, name + ":" + line + ": " + removed + (removed == 1 ? " duplicate label" : " duplicate "
                    + "labels") + " removed, as Ultralytics removes them (line " + line + (polygons ? " has the class "
                    + "and box of line " : " repeats line ") + lines.get(repeat[1]) + "); the objects left are in "
                    + "Ultralytics' order, sorted by class, then value by value");
            for (List<?> list : List.of(boxes, labels, shapes, points, visibility, rows, lines)) {
                DuplicateRows.keep(list, kept);
            }
        }

        private String addPoints(float[] values, String[] fields) {
            KeyPointShape shape = keyPoints.orElseThrow();
            float[] xy = new float[shape.points() * 2];
            float[] seen = new float[shape.points()];
            for (int p = 0; p < shape.points(); p++) {
                int at = 4 + p * shape.dims();
                for (int k = 0; k < 2; k++) {
                    float value = values[at + k];
                    if (!(value >= LOW && value <= HIGH)) {
                        return (k == 0 ? "x" : "y") + " of key point " + p + " '" + fields[at + k + 1]
                                + "' is not a number from -0.01 to 1.01";
                    }
                    xy[p * 2 + k] = value;
                }
                if (shape.dims() == 3) {
                    seen[p] = values[at + 2];
                    if (!(seen[p] >= LOW)) {
                        return "visibility of key point " + p + " '" + fields[at + 3] + "' is negative";
                    }
                } else {
                    seen[p] = xy[p * 2] < 0 || xy[p * 2 + 1] < 0 ? 0 : 1;
                }
            }
            points.add(xy);
            visibility.add(seen);
            return null;
        }

        EntryTargets targets() {
            float[] coordinates = new float[boxes.size() * 4];
            long[] boxLabels = new long[boxes.size()];
            for (int i = 0; i < boxLabels.length; i++) {
                System.arraycopy(boxes.get(i), 0, coordinates, i * 4, 4);
                boxLabels[i] = labels.get(i);
            }
            EntryTargets targets = EntryTargets.normalizedBoxes(BoxFormat.CXCYWH, coordinates, boxLabels);
            if (masks && polygons) {
                targets = targets.withShapes(shapes);
            }
            if (keyPoints.isPresent()) {
                targets = targets.withKeyPoints(keyPoints.get().points(), flat(points, 2), flat(visibility, 1));
            }
            if (flipIndex.isPresent()) {
                targets = targets.withKeyPointMirror(flipIndex.get());
            }
            return targets;
        }

        private float[] flat(List<float[]> parts, int perPoint) {
            float[] out = new float[parts.size() * keyPoints.orElseThrow().points() * perPoint];
            int at = 0;
            for (float[] part : parts) {
                System.arraycopy(part, 0, out, at, part.length);
                at += part.length;
            }
            return out;
        }
    }

    /**
     * The box of a polygon's points as Ultralytics derives it ({@code segments2boxes}, then xyxy to
     * xywh, in float32): {@code cx = (min + max) / 2}, {@code w = max - min} per axis.
     */
    static float[] extent(float[] polygon) {
        float minX = Float.POSITIVE_INFINITY;
        float minY = Float.POSITIVE_INFINITY;
        float maxX = Float.NEGATIVE_INFINITY;
        float maxY = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < polygon.length; i += 2) {
            minX = Math.min(minX, polygon[i]);
            maxX = Math.max(maxX, polygon[i]);
            minY = Math.min(minY, polygon[i + 1]);
            maxY = Math.max(maxY, polygon[i + 1]);
        }
        return new float[] {(minX + maxX) / 2, (minY + maxY) / 2, maxX - minX, maxY - minY};
    }
}
