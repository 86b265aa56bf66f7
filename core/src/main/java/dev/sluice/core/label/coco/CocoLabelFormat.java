package dev.sluice.core.label.coco;

import dev.sluice.api.LabelFormat;
import dev.sluice.api.LabelSink;
import dev.sluice.api.spi.RegularFiles;
import dev.sluice.api.target.BoxFormat;
import dev.sluice.api.target.EntryTargets;
import dev.sluice.api.target.InstanceShape;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A COCO instances file: one entry per image of {@code images}, in file order, with the image's
 * {@code file_name} as the path and, as its targets, the boxes of its annotations ({@code bbox}
 * {@code [x, y, w, h]}, XYWH on the image's declared {@code height x width} canvas) in file order,
 * each labelled with its category's position among the categories sorted by id (0-based,
 * contiguous; the class names are the categories' names in that order), and, with masks, each
 * annotation's polygons or run lengths. Crowd annotations ({@code iscrowd: 1}) are left out unless
 * asked for, as torchvision's detection references leave them out of training.
 *
 * <p>Ids are integers or strings, matched by exact value as pycocotools matches them (see
 * {@link CocoIds}): categories with string ids come after those with numbers, in code-point order.
 * A string id goes no further than this class: an entry is known by its position and path, a box
 * by its label.
 */
final class CocoLabelFormat implements LabelFormat {
    static final String ID = "coco";

    private final boolean masks;
    private final boolean crowd;

    /**
     * @param masks whether to keep each annotation's segmentation for instance masks
     * @param crowd whether to keep crowd annotations
     */
    CocoLabelFormat(boolean masks, boolean crowd) {
        this.masks = masks;
        this.crowd = crowd;
    }

    @Override
    public void read(Path source, LabelSink sink) throws IOException {
        CocoReader reader = new CocoReader(masks, sink);
        try (InputStream in = new BufferedInputStream(RegularFiles.newInputStream(source), 1 << 16)) {
            if (!reader.read(in)) {
                return;
            }
        }
        int[] labels = categoryLabels(reader, sink);
        int[] imageIndex = codeIndex(reader.imageIds);
        for (int i = 0; i < reader.images.size(); i++) {
            CocoReader.Image image = reader.images.get(i);
            int before = imageIndex[image.id()];
            if (before >= 0) {
                sink.problem(image.line(), null, "/images/" + i + "/id: image id " + CocoIds.show(reader.imageIds.value(
                        image.id())) + " is already the id of /images/" + before);
            } else {
                imageIndex[image.id()] = i;
            }
        }
        int[] order = annotationsByImage(reader, imageIndex, labels, sink);
        int[] starts = new int[reader.images.size() + 1];
        for (int a : order) {
            starts[imageIndex[reader.annotations.imageId(a)] + 1]++;
        }
        for (int i = 0; i < reader.images.size(); i++) {
            starts[i + 1] += starts[i];
        }
        for (int i = 0; i < reader.images.size(); i++) {
            emit(reader, i, order, starts[i], starts[i + 1], labels, sink);
        }
    }

    /** One slot per code of {@code ids}, each -1. */
    private static int[] codeIndex(CocoIds ids) {
        int[] index = new int[ids.size()];
        Arrays.fill(index, -1);
        return index;
    }

    /**
     * Category id code to label, -1 for a code no category has: positions in id order
     * ({@link CocoIds#ORDER}). Names in that order go to the sink.
     */
    private static int[] categoryLabels(CocoReader reader, LabelSink sink) {
        List<CocoReader.Category> sorted = new ArrayList<>(reader.categories);
        sorted.sort(Comparator.comparing(category -> reader.categoryIds.value(category.id()), CocoIds.ORDER));
        int[] labels = codeIndex(reader.categoryIds);
        List<String> names = new ArrayList<>();
        for (CocoReader.Category category : sorted) {
            if (labels[category.id()] >= 0) {
                sink.problem(category.line(), null, "category id " + CocoIds.show(reader.categoryIds.value(
                        category.id())) + " is given twice");
                continue;
            }
            labels[category.id()] = names.size();
            names.add(category.name());
        }
        if (!names.isEmpty()) {
            sink.classNames(names);
        }
        return labels;
    }

    /**
     * Why the id of code {@code code} names nothing ({@code index[code] < 0}): {@code "image_id 5 is
     * not the id of any image"}, saying so when the same id written as the other kind ({@code "5"})
     * names one.
     */
    private static String dangling(String key, String kind, CocoIds ids, int[] index, int code) {
        Object id = ids.value(code);
        String problem = key + " " + CocoIds.show(id) + " is not the id of any " + kind;
        Object other = CocoIds.otherKind(id);
        int otherCode = other == null ? -1 : ids.find(other);
        if (otherCode >= 0 && index[otherCode] >= 0) {
            problem += " (the " + kind + " " + CocoIds.show(other) + " is; a string and a number are two ids, as "
                    + "in pycocotools)";
        }
        return problem;
    }

    /**
     * The kept annotations grouped by image (a counting sort on the image's position, so file order
     * within an image); annotations naming an unknown image or category are problems.
     */
    private int[] annotationsByImage(CocoReader reader, int[] imageIndex, int[] labels, LabelSink sink) {
        CocoAnnotations annotations = reader.annotations;
        int[] counts = new int[reader.images.size() + 1];
        boolean[] kept = new boolean[annotations.size()];
        int total = 0;
        for (int a = 0; a < annotations.size(); a++) {
            int image = imageIndex[annotations.imageId(a)];
            String problem = image < 0 ? dangling("image_id", "image", reader.imageIds, imageIndex, annotations.imageId(a))
                    : labels[annotations.categoryId(a)] < 0
                            ? dangling("category_id", "category", reader.categoryIds, labels, annotations.categoryId(a))
                            : sizeProblem(annotations.shape(a), reader.images.get(image));
            if (problem != null) {
                sink.problem(annotations.line(a), null, annotations.pointer(a) + ": " + problem);
            } else if (crowd || !annotations.crowd(a)) {
                kept[a] = true;
                counts[image + 1]++;
                total++;
            }
        }
        for (int i = 0; i < reader.images.size(); i++) {
            counts[i + 1] += counts[i];
        }
        int[] order = new int[total];
        for (int a = 0; a < annotations.size(); a++) {
            if (kept[a]) {
                order[counts[imageIndex[annotations.imageId(a)]]++] = a;
            }
        }
        return order;
    }

    /**
     * Why an outline cannot be drawn on its image: run lengths of another size, or a polygon vertex
     * further outside the image than the image's own size (which no annotation tool makes, and which
     * would make the rasteriser walk an outline of any length).
     */
    private static String sizeProblem(InstanceShape shape, CocoReader.Image image) {
        if (shape instanceof InstanceShape.RunLengths runs && !runs.size().equals(image.size())) {
            return "the RLE size " + runs.size() + " is not its image's height x width " + image.size();
        }
        if (shape instanceof InstanceShape.Polygons polygons) {
            double width = image.size().width();
            double height = image.size().height();
            for (int r = 0; r < polygons.count(); r++) {
                double[] ring = polygons.ring(r);
                for (int i = 0; i < ring.length; i += 2) {
                    if (Math.abs(ring[i] - width / 2) > 1.5 * width || Math.abs(ring[i + 1] - height / 2) > 1.5 * height) {
                        return "polygon " + r + " has the vertex (" + ring[i] + ", " + ring[i + 1] + "), further "
                                + "outside its " + image.size() + " image than the image's own size";
                    }
                }
            }
        }
        return null;
    }

    private void emit(CocoReader reader, int image, int[] order, int from, int to, int[] labels, LabelSink sink) {
        CocoReader.Image described = reader.images.get(image);
        int count = to - from;
        float[] coordinates = new float[count * 4];
        long[] boxLabels = new long[count];
        List<InstanceShape> shapes = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            int a = order[from + k];
            reader.annotations.copyBox(a, coordinates, k * 4);
            boxLabels[k] = labels[reader.annotations.categoryId(a)];
            InstanceShape shape = reader.annotations.shape(a);
            if (shape != null) {
                shapes.add(shape);
            }
        }
        EntryTargets targets = EntryTargets.boxes(BoxFormat.XYWH, Optional.of(described.size()), coordinates,
                boxLabels);
        sink.entry(described.fileName(), new long[0], masks ? targets.withShapes(shapes) : targets, described.line());
    }
}
