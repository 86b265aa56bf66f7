package dev.sluice.core.target;

import dev.sluice.api.LabelFormatException;
import dev.sluice.api.target.BoundingBoxes;
import dev.sluice.api.target.CanvasSize;
import dev.sluice.api.target.EntryTargets;
import dev.sluice.api.target.InstanceShape;
import dev.sluice.api.target.KeyPoints;
import dev.sluice.api.target.SegmentationMask;
import dev.sluice.api.target.Targets;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Turns what a label source says about a sample ({@link EntryTargets}, from the label index) into
 * its {@link Targets} once the image is decoded and its size known: normalised boxes, polygons and
 * key points are scaled to pixels (key points keep each box's mirror order, spread over the sample's
 * points), instance outlines become {@code [N, H, W]} uint8 layers, a mask file is read. Called by the
 * sample recipe on loader worker threads; stateless and thread-safe.
 *
 * <pre>{@code
 * Targets targets = TargetResolver.resolve(index.targets(i).orElseThrow(), new CanvasSize(h, w), masks);
 * }</pre>
 */
public final class TargetResolver {

    private TargetResolver() {
    }

    /**
     * The targets of one sample.
     *
     * @param entry the entry's targets as the label index holds them
     * @param image the size of the decoded image, before any transform: the canvas of the result
     * @param masks reads a mask file, for an entry that names one
     * @return boxes (possibly none) with their labels and, for outlines, one mask layer per box; or,
     *         for a mask-file entry, the class-index mask alone
     * @throws LabelFormatException when the source declares another image size than the decoded
     *         image's (an annotation for another image, or an EXIF-turned photograph), or an outline
     *         cannot be drawn on the image
     * @throws IOException as {@code masks} throws it
     */
    public static Targets resolve(EntryTargets entry, CanvasSize image, MaskFiles masks) throws IOException {
        Objects.requireNonNull(image, "image");
        if (entry.canvas().isPresent() && !entry.canvas().get().equals(image)) {
            throw new LabelFormatException("the annotations are for a " + entry.canvas().get() + " (HxW) image but the "
                    + "image decodes to " + image + "; the label source describes another image, or the image is "
                    + "turned by its EXIF orientation (decode it with orientation off)");
        }
        if (entry.maskFile().isPresent()) {
            SegmentationMask mask = masks.read(entry.maskFile().get(), image);
            if (!mask.canvas().equals(image) || mask.kind() != SegmentationMask.Kind.CLASS_INDEX) {
                throw new LabelFormatException(entry.maskFile().get() + ": a " + mask + " is not a class-index mask of "
                        + "the image's size " + image);
            }
            return Targets.NONE.withMask(mask);
        }
        float[] coordinates = entry.coordinates();
        if (entry.normalized()) {
            scale(coordinates, image);
        }
        Targets targets = Targets.NONE.withBoxes(BoundingBoxes.of(entry.format(), image, coordinates, entry.labels()));
        if (entry.keyPointsPerBox() > 0) {
            float[] points = entry.keyPoints();
            if (entry.normalized()) {
                scale(points, image);
            }
            KeyPoints keyPoints = KeyPoints.of(image, points, entry.keyPointVisibility());
            if (entry.keyPointMirror().isPresent()) {
                keyPoints = keyPoints.withMirror(everyBox(entry.keyPointMirror().get(), entry.boxCount()));
            }
            targets = targets.withKeyPoints(keyPoints);
        }
        List<InstanceShape> shapes = entry.normalized() ? scaled(entry.shapes(), image) : entry.shapes();
        if (shapes.isEmpty()) {
            return targets;
        }
        int plane = (int) image.pixels();
        if ((long) plane * shapes.size() > Integer.MAX_VALUE - 8) {
            throw new LabelFormatException(shapes.size() + " instance masks of " + image + " do not fit in one array");
        }
        byte[] layers = new byte[plane * shapes.size()];
        for (int n = 0; n < shapes.size(); n++) {
            try {
                InstanceMasks.draw(shapes.get(n), image, layers, n * plane);
            } catch (IllegalArgumentException e) {
                throw new LabelFormatException("instance " + n + ": " + e.getMessage(), e);
            }
        }
        return targets.withMask(SegmentationMask.instances(shapes.size(), image, layers));
    }

    /**
     * A box's mirror order ({@code flip_idx}) repeated for each of {@code boxes} boxes over the sample's
     * flattened points: box {@code n}'s point {@code j} takes from {@code n * K + order[j]}.
     */
    private static int[] everyBox(int[] order, int boxes) {
        int perBox = order.length;
        int[] mirror = new int[perBox * boxes];
        for (int n = 0; n < boxes; n++) {
            for (int j = 0; j < perBox; j++) {
                mirror[n * perBox + j] = n * perBox + order[j];
            }
        }
        return mirror;
    }

    /** Fractions of the image to pixels: every x times the width and every y times the height, in float32. */
    private static void scale(float[] xy, CanvasSize image) {
        float width = image.width();
        float height = image.height();
        for (int i = 0; i < xy.length; i += 2) {
            xy[i] *= width;
            xy[i + 1] *= height;
        }
    }

    /** Normalised polygons in pixels, scaled in float32 as Ultralytics scales its float32 segments. */
    private static List<InstanceShape> scaled(List<InstanceShape> shapes, CanvasSize image) {
        List<InstanceShape> out = new ArrayList<>(shapes.size());
        for (InstanceShape shape : shapes) {
            InstanceShape.Polygons polygons = (InstanceShape.Polygons) shape;
            List<double[]> rings = new ArrayList<>(polygons.count());
            for (int r = 0; r < polygons.count(); r++) {
                double[] ring = polygons.ring(r);
                for (int i = 0; i < ring.length; i++) {
                    ring[i] = (float) ring[i] * (float) (i % 2 == 0 ? image.width() : image.height());
                }
                rings.add(ring);
            }
            out.add(InstanceShape.Polygons.of(rings));
        }
        return out;
    }
}
