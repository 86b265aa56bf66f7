package dev.sluice.plugins.transforms.geometry;

import dev.sluice.api.Region;
import dev.sluice.api.Transform;
import dev.sluice.api.target.CanvasSize;
import dev.sluice.api.target.Targeted;
import dev.sluice.api.target.Targets;
import dev.sluice.plugins.transforms.Size;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * {@code scale_rect}: the seed recipe's {@code scale_rect}, for boxes that must follow an image
 * through a resize. The input is a {@link Region} {@code [x, y, w, h]} in an image of
 * {@code orig_shape}; each of x and w is multiplied by {@code dest width / orig width}, y and h by the
 * height ratio, and truncated as the seed's {@code int()}.
 *
 * <p>Parameters (YAML key, Java, default):
 * <ul>
 *   <li>{@code orig_shape} and {@code dest_shape} ({@link #of(Size, Size)}; both required): in YAML
 *       each {@code [height, width]} (NumPy's order, as the seed), every side {@code >= 1}.</li>
 * </ul>
 *
 * <pre>{@code
 * - scale_rect: {orig_shape: [375, 500], dest_shape: [256, 341]}     # YAML
 * ScaleRect.of(new Size(500, 375), new Size(341, 256))              // Java
 * }</pre>
 *
 * <p>Immutable, safe for concurrent use, never draws from its random source; it throws
 * {@link IllegalArgumentException} when the scaled box would be empty.
 */
public final class ScaleRect implements Transform<Region, Region> {
    private final Size orig;
    private final Size dest;

    private ScaleRect(Size orig, Size dest) {
        this.orig = Objects.requireNonNull(orig, "orig");
        this.dest = Objects.requireNonNull(dest, "dest");
    }

    /** Boxes moved from an image of size {@code orig} to the same image resized to {@code dest}. */
    public static ScaleRect of(Size orig, Size dest) {
        return new ScaleRect(orig, dest);
    }

    @Override
    public Region apply(Region rect, RandomGenerator random) {
        int x = along(rect.x(), dest.width(), orig.width());
        int y = along(rect.y(), dest.height(), orig.height());
        int w = along(rect.width(), dest.width(), orig.width());
        int h = along(rect.height(), dest.height(), orig.height());
        if (w < 1 || h < 1) {
            throw new IllegalArgumentException("scale_rect turns " + rect + " into a " + w + "x" + h
                    + " box, which is empty; scaling " + orig.width() + "x" + orig.height() + " to " + dest.width() + "x"
                    + dest.height());
        }
        return new Region(x, y, w, h);
    }

    /**
     * The rectangle scaled, and the targets drawn on the image of {@code orig_shape} moved to the one
     * of {@code dest_shape} as {@code resize} moves them ({@link Targets#resized}), so that boxes follow
     * the image the rectangle follows.
     *
     * @throws IllegalArgumentException when the targets are on another canvas than {@code orig_shape}
     */
    @Override
    public Targeted<Region> applyWithTargets(Targeted<? extends Region> input, RandomGenerator random) {
        Targets targets = input.targets();
        if (targets.canvas().isPresent()
                && !targets.canvas().get().equals(new CanvasSize(orig.height(), orig.width()))) {
            throw new IllegalArgumentException("scale_rect moves targets from an image of " + orig + " but they are on a "
                    + targets.canvas().get() + " (HxW) canvas");
        }
        return Targeted.of(apply(input.value(), random), targets.resized(dest.width(), dest.height()));
    }

    @Override
    public boolean carriesTargets() {
        return true;
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
        return "scale_rect(orig_shape=" + orig + ", dest_shape=" + dest + ")";
    }
}
