package dev.sluice.core.target;

import dev.sluice.api.target.CanvasSize;
import dev.sluice.api.target.InstanceShape;
import java.util.Arrays;

/**
 * Turns COCO instance outlines into mask layers exactly as pycocotools' {@code annToMask} does:
 * run lengths are expanded down each column; each polygon is rasterised by the COCO API's
 * {@code rleFrPoly} algorithm (vertices snapped to a 1/5-pixel grid, edges walked with rounding,
 * the pixel rows crossed at each whole column kept as run boundaries) and the polygons of one
 * instance are united. Equality with pycocotools 2.0.11 is checked by fixtures it generated.
 */
final class InstanceMasks {
    /** The COCO API's sub-pixel grid: vertices are snapped to fifths of a pixel. */
    private static final double SCALE = 5;

    private InstanceMasks() {
    }

    /**
     * Writes the layer of {@code shape} into {@code layer} (row-major {@code [H, W]}, 1 inside, 0 outside).
     *
     * @param canvas the mask size; a run-length shape must be of this size
     * @throws IllegalArgumentException if a run-length shape is of another size
     */
    static void draw(InstanceShape shape, CanvasSize canvas, byte[] layer, int offset) {
        if (shape instanceof InstanceShape.RunLengths runs) {
            if (!runs.size().equals(canvas)) {
                throw new IllegalArgumentException("the run lengths are for a " + runs.size() + " mask but the image is "
                        + canvas);
            }
            expand(runs.counts(), canvas, layer, offset);
        } else if (shape instanceof InstanceShape.Polygons polygons) {
            for (int r = 0; r < polygons.count(); r++) {
                expand(polygonRuns(polygons.ring(r), canvas), canvas, layer, offset);
            }
        }
    }

    /** Sets the pixels of the odd runs (the 1s) of column-major {@code counts}; 0s are left as they are. */
    private static void expand(int[] counts, CanvasSize canvas, byte[] layer, int offset) {
        int height = canvas.height();
        int width = canvas.width();
        long position = 0;
        for (int i = 0; i < counts.length; i++) {
            long end = position + counts[i];
            if ((i & 1) == 1) {
                for (long p = position; p < end; p++) {
                    int x = (int) (p / height);
                    int y = (int) (p % height);
                    layer[offset + y * width + x] = 1;
                }
            }
            position = end;
        }
    }

    /**
     * The column-major run lengths of one polygon {@code [x0, y0, x1, y1, ...]} on {@code canvas}.
     * The boundary is walked on the 1/5 grid from vertex to vertex (one step per grid unit along
     * the edge's longer axis); wherever it crosses into a new grid column that is a whole pixel
     * column inside the image, the crossing's row (rounded up, clamped to the image) becomes a run
     * boundary; the sorted boundaries give the runs, an even number of boundaries per column
     * making the inside.
     */
    static int[] polygonRuns(double[] ring, CanvasSize canvas) {
        int height = canvas.height();
        int width = canvas.width();
        int k = ring.length / 2;
        int[] gx = new int[k + 1];
        int[] gy = new int[k + 1];
        long steps = 0;
        for (int j = 0; j < k; j++) {
            gx[j] = (int) (SCALE * ring[2 * j] + .5);
            gy[j] = (int) (SCALE * ring[2 * j + 1] + .5);
        }
        gx[k] = gx[0];
        gy[k] = gy[0];
        for (int j = 0; j < k; j++) {
            steps += Math.max(Math.abs((long) gx[j] - gx[j + 1]), Math.abs((long) gy[j] - gy[j + 1])) + 1;
        }
        // Any polygon whose vertices lie within the canvas widened by its own size on every side walks
        // at most this far; one that walks further is refused rather than given gigabytes of steps.
        long limit = k * (3 * (long) SCALE * ((long) height + width) + 1);
        if (steps > limit) {
            throw new IllegalArgumentException("a polygon's outline is " + steps + " grid steps long, more than the "
                    + limit + " of a polygon near a " + canvas + " image; a vertex lies far outside it");
        }
        int[] u = new int[(int) steps];
        int[] v = new int[(int) steps];
        int m = 0;
        for (int j = 0; j < k; j++) {
            int xs = gx[j];
            int xe = gx[j + 1];
            int ys = gy[j];
            int ye = gy[j + 1];
            int dx = Math.abs(xe - xs);
            int dy = Math.abs(ys - ye);
            boolean flip = (dx >= dy && xs > xe) || (dx < dy && ys > ye);
            if (flip) {
                int t = xs;
                xs = xe;
                xe = t;
                t = ys;
                ys = ye;
                ye = t;
            }
            if (dx >= dy) {
                double slope = dx == 0 ? 0 : (double) (ye - ys) / dx;
                for (int d = 0; d <= dx; d++) {
                    int t = flip ? dx - d : d;
                    u[m] = t + xs;
                    v[m] = (int) (ys + slope * t + .5);
                    m++;
                }
            } else {
                double slope = (double) (xe - xs) / dy;
                for (int d = 0; d <= dy; d++) {
                    int t = flip ? dy - d : d;
                    v[m] = t + ys;
                    u[m] = (int) (xs + slope * t + .5);
                    m++;
                }
            }
        }
        long[] boundaries = new long[m + 1];
        int b = 0;
        for (int j = 1; j < m; j++) {
            if (u[j] == u[j - 1]) {
                continue;
            }
            double xd = u[j] < u[j - 1] ? u[j] : u[j] - 1;
            xd = (xd + .5) / SCALE - .5;
            if (Math.floor(xd) != xd || xd < 0 || xd > width - 1) {
                continue;
            }
            double yd = v[j] < v[j - 1] ? v[j] : v[j - 1];
            yd = (yd + .5) / SCALE - .5;
            yd = Math.ceil(yd < 0 ? 0 : Math.min(yd, height));
            boundaries[b++] = (long) xd * height + (long) yd;
        }
        boundaries[b++] = (long) height * width;
        Arrays.sort(boundaries, 0, b);
        return runsBetween(boundaries, b);
    }

    /**
     * Run lengths from sorted boundaries: the gaps between them, where a zero-length gap merges the
     * runs on either side of it (two boundaries at one place cancel), as the COCO API does.
     */
    private static int[] runsBetween(long[] boundaries, int count) {
        long[] gaps = new long[count];
        long previous = 0;
        for (int j = 0; j < count; j++) {
            gaps[j] = boundaries[j] - previous;
            previous = boundaries[j];
        }
        int[] runs = new int[count];
        int m = 0;
        int j = 0;
        runs[m++] = (int) gaps[j++];
        while (j < count) {
            if (gaps[j] > 0) {
                runs[m++] = (int) gaps[j++];
            } else {
                j++;
                if (j < count) {
                    runs[m - 1] += (int) gaps[j++];
                }
            }
        }
        return Arrays.copyOf(runs, m);
    }
}
