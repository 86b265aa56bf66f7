package dev.sluice.plugins.transforms.geometry;

/**
 * Margins in pixels added to each side of an image, as {@code pad} and {@code random_crop} take them.
 *
 * @param left columns added before the first, {@code >= 0}
 * @param top rows added above the first, {@code >= 0}
 * @param right columns added after the last, {@code >= 0}
 * @param bottom rows added below the last, {@code >= 0}
 */
public record Padding(int left, int top, int right, int bottom) {

    /** @throws IllegalArgumentException naming the side and its value when one is negative */
    public Padding {
        if (left < 0 || top < 0 || right < 0 || bottom < 0) {
            throw new IllegalArgumentException("padding must be >= 0 on every side, was " + this);
        }
    }

    /** The same margin on every side, as torchvision's one-number padding. */
    public static Padding of(int all) {
        return new Padding(all, all, all, all);
    }

    /** {@code leftRight} on the left and right, {@code topBottom} above and below, as torchvision's pair. */
    public static Padding of(int leftRight, int topBottom) {
        return new Padding(leftRight, topBottom, leftRight, topBottom);
    }

    /** Whether no side gets a margin. */
    public boolean isZero() {
        return left == 0 && top == 0 && right == 0 && bottom == 0;
    }

    /** {@code [left, top, right, bottom]}, torchvision's order. */
    @Override
    public String toString() {
        return "[" + left + ", " + top + ", " + right + ", " + bottom + "]";
    }
}
