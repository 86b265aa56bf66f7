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
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A COCO instances file: one entry per image of {@code images}, in file order, with the image's
 * {@code file_name} as the path and, as its targets, the boxes of its annotations ({@code bbox}
 * {@code [x, y, w, h]}, XYWH on the image's declared {@code height x width} canvas) in file order,
 * each labelled with its category's position among the categories sorted by id (0-based,
 * contiguous; the class names are the categories' names in that order), and, with masks, each
 * annotation's polygons or run lengths. Crowd annotations ({@code iscrowd: 1}) are left out unless
 * asked for, as torchvision's detection references leave them out of training.
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
        Map<Long, Integer> labels = categoryLabels(reader.categories, sink);
        Map<Long, Integer> imageIndex = new HashMap<>();
        for (int i = 0; i < reader.images.size(); i++) {
            CocoReader.Image image = reader.images.get(i);
            Integer before = imageIndex.putIfAbsent(image.id(), i);
            if (before != null) {
                sink.problem(image.line(), null, "/images/" + i + "/id: image id " + image.id()
                        + " is already the id of /images/" + before);
            }
        }
        int[] order = annotationsByImage(reader, imageIndex, labels, sink);
        int[] starts = new int[reader.images.size() + 1];
        for (int a : order) {
            starts[imageIndex.get(reader.annotations.imageId(a)) + 1]++;
        }
        for (int i = 0; i < reader.images.size(); i++) {
            starts[i + 1] += starts[i];
        }
        for (int i = 0; i < reader.images.size(); i++) {
            emit(reader, i, order, starts[i], starts[i + 1], labels, sink);
        }
    }

    /** Category id to label: positions in id order. Names in that order go to the sink. */
    private static Map<Long, Integer> categoryLabels(List<CocoReader.Category> categories, LabelSink sink) {
        List<CocoReader.Category> sorted = new ArrayList<>(categories);
        sorted.sort(Comparator.comparingLong(CocoReader.Category::id));
        Map<Long, Integer> labels = new HashMap<>();
        List<String> names = new ArrayList<>();
        for (CocoReader.Category category : sorted) {
            if (labels.putIfAbsent(category.id(), names.size()) != null) {
                sink.problem(category.line(), null, "category id " + category.id() + " is given twice");
                continue;
            }
            names.add(category.name());
        }
        if (!names.isEmpty()) {
            sink.classNames(names);
        }
        return labels;
    }

    /**
     * The kept annotations grouped by image (a counting sort on the image's position, so file order
     * within an image); annotations naming an unknown image or category are problems.
     */
    private int[] annotationsByImage(CocoReader reader, Map<Long, Integer> imageIndex, Map<Long, Integer> labels,
            LabelSink sink) {
        CocoAnnotations annotations = reader.annotations;
        int[] counts = new int[reader.images.size() + 1];
        boolean[] kept = new boolean[annotations.size()];
        int total = 0;
        for (int a = 0; a < annotations.size(); a++) {
            Integer image = imageIndex.get(annotations.imageId(a));
            String problem = image == null ? "image_id " + annotations.imageId(a) + " is not the id of any image"
                    : !labels.containsKey(annotations.categoryId(a))
                            ? "category_id " + annotations.categoryId(a) + " is not the id of any category"
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
                order[counts[imageIndex.get(annotations.imageId(a))]++] = a;
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

    private void emit(CocoReader reader, int image, int[] order, int from, int to, Map<Long, Integer> labels,
            LabelSink sink) {
        CocoReader.Image described = reader.images.get(image);
        int count = to - from;
        float[] coordinates = new float[count * 4];
        long[] boxLabels = new long[count];
        List<InstanceShape> shapes = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            int a = order[from + k];
            reader.annotations.copyBox(a, coordinates, k * 4);
            boxLabels[k] = labels.get(reader.annotations.categoryId(a));
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
