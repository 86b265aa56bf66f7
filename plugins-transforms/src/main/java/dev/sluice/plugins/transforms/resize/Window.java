package dev.sluice.plugins.transforms.resize;

/**
 * The part of a resampled image that is actually wanted: output columns {@code [x0, x1)} and rows
 * {@code [y0, y1)}. A resize followed by a centre crop computes only the crop.
 */
public record Window(int x0, int y0, int x1, int y1) {

    public Window {
        if (x0 < 0 || y0 < 0 || x1 <= x0 || y1 <= y0) {
            throw new IllegalArgumentException("bad window [" + x0 + ", " + x1 + ") x [" + y0 + ", " + y1 + ")");
        }
    }

    /** The whole of a {@code width x height} output. */
    public static Window whole(int width, int height) {
        return new Window(0, 0, width, height);
    }

    public int width() {
        return x1 - x0;
    }

    public int height() {
        return y1 - y0;
    }
}
