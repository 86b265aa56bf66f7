package dev.sluice.plugins.transforms.geometry;

import dev.sluice.api.Region;
import dev.sluice.api.Transform;
import java.util.random.RandomGenerator;

/**
 * {@code scale_rect}: the seed's {@code scale_rect}, a box moved from an image of
 * {@code orig_shape} to the same image resized to {@code dest_shape}: each coordinate times the
 * side ratio, truncated as Python's {@code int()}.
 */
final class ScaleRect implements Transform<Region, Region> {
    private final int origHeight;
    private final int origWidth;
    private final int destHeight;
    private final int destWidth;

    ScaleRect(int origHeight, int origWidth, int destHeight, int destWidth) {
        this.origHeight = origHeight;
        this.origWidth = origWidth;
        this.destHeight = destHeight;
        this.destWidth = destWidth;
    }

    @Override
    public Region apply(Region rect, RandomGenerator random) {
        int x = along(rect.x(), destWidth, origWidth);
        int y = along(rect.y(), destHeight, origHeight);
        int w = along(rect.width(), destWidth, origWidth);
        int h = along(rect.height(), destHeight, origHeight);
        if (w < 1 || h < 1) {
            throw new IllegalArgumentException("scale_rect turns " + rect + " into a " + w + "x" + h
                    + " box, which is empty; scaling " + origWidth + "x" + origHeight + " to " + destWidth + "x" + destHeight);
        }
        return new Region(x, y, w, h);
    }

    /** {@code int(value * dest / orig)}: an exact product, one correctly rounded division, truncation. */
    private static int along(int value, int dest, int orig) {
        return (int) ((double) ((long) value * dest) / orig);
    }

    @Override
    public Class<?> inputType() {
        return Region.class;
    }

    @Override
    public Class<?> outputType() {
        return Region.class;
    }

    @Override
    public String toString() {
        return "scale_rect(orig_shape=[" + origHeight + ", " + origWidth + "], dest_shape=[" + destHeight + ", " + destWidth + "])";
    }
}
