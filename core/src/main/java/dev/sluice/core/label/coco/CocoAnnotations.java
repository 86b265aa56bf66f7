package dev.sluice.core.label.coco;

import dev.sluice.api.target.InstanceShape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The annotations of a COCO file as they stream in, in primitive arrays (37 bytes each
 * without masks, the ids as {@link CocoIds} codes), until the images and categories they refer to are known: in a COCO file the
 * categories usually come last.
 */
final class CocoAnnotations {
    private int[] imageIds = new int[1024];
    private int[] categoryIds = new int[1024];
    private float[] boxes = new float[4096];
    private long[] lines = new long[1024];
    private int[] positions = new int[1024];
    private boolean[] crowd = new boolean[1024];
    /** One per annotation when masks are read, else empty. */
    private final List<InstanceShape> shapes = new ArrayList<>();
    private int size;

    /**
     * @param imageId the code of the annotation's {@code image_id}
     * @param categoryId the code of its {@code category_id}
     * @param position the annotation's index in the file's {@code annotations} array, for JSON pointers
     */
    void add(int imageId, int categoryId, float[] box, boolean isCrowd, InstanceShape shape, long line, int position) {
        if (size == imageIds.length) {
            int grown = (int) Math.min(Integer.MAX_VALUE / 4 - 8, (long) size * 2);
            if (grown == size) {
                throw new IllegalStateException("more than " + size + " annotations");
            }
            imageIds = Arrays.copyOf(imageIds, grown);
            categoryIds = Arrays.copyOf(categoryIds, grown);
            boxes = Arrays.copyOf(boxes, grown * 4);
            lines = Arrays.copyOf(lines, grown);
            positions = Arrays.copyOf(positions, grown);
            crowd = Arrays.copyOf(crowd, grown);
        }
        imageIds[size] = imageId;
        categoryIds[size] = categoryId;
        System.arraycopy(box, 0, boxes, size * 4, 4);
        lines[size] = line;
        positions[size] = position;
        crowd[size] = isCrowd;
        if (shape != null) {
            shapes.add(shape);
        }
        size++;
    }

    int size() {
        return size;
    }

    /** The code of annotation {@code i}'s {@code image_id}. */
    int imageId(int i) {
        return imageIds[i];
    }

    /** The code of annotation {@code i}'s {@code category_id}. */
    int categoryId(int i) {
        return categoryIds[i];
    }

    void copyBox(int i, float[] target, int offset) {
        System.arraycopy(boxes, i * 4, target, offset, 4);
    }

    long line(int i) {
        return lines[i];
    }

    /** The JSON pointer of annotation {@code i}, {@code /annotations/<position in the file>}. */
    String pointer(int i) {
        return "/annotations/" + positions[i];
    }

    boolean crowd(int i) {
        return crowd[i];
    }

    /** The outline of annotation {@code i}, or null when masks are not read. */
    InstanceShape shape(int i) {
        return shapes.isEmpty() ? null : shapes.get(i);
    }
}
