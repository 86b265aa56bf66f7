package dev.sluice.api.target;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The outline of one instance as a label source gives it, turned into a mask layer only when the
 * sample is loaded: {@link Polygons} (COCO's {@code [[x0, y0, x1, y1, ...], ...]}) or
 * {@link RunLengths} (COCO's RLE). Core rasterises both exactly as pycocotools does.
 */
public sealed interface InstanceShape permits InstanceShape.Polygons, InstanceShape.RunLengths {

    /**
     * One or more closed polygons whose union is the instance, in pixel coordinates of the
     * annotation's canvas. Coordinates are kept as the doubles the JSON text gives, because
     * pycocotools rasterises from doubles and float32 would move vertices that lie on its
     * 1/5-pixel grid (239.9 as float32 rounds to a different grid point). Immutable.
     */
    final class Polygons implements InstanceShape {
        private final List<double[]> rings;

        private Polygons(List<double[]> rings) {
            this.rings = rings;
        }

        /**
         * @param rings each {@code [x0, y0, x1, y1, ...]} with at least 3 points; copied
         * @throws IllegalArgumentException if there is no ring, a ring has an odd number of values
         *         or fewer than 3 points, or a value is not finite
         */
        public static Polygons of(List<double[]> rings) {
            if (rings.isEmpty()) {
                throw new IllegalArgumentException("a polygon shape needs at least one polygon");
            }
            List<double[]> copies = new ArrayList<>(rings.size());
            for (int r = 0; r < rings.size(); r++) {
                double[] ring = rings.get(r);
                if (ring.length % 2 != 0 || ring.length < 6) {
                    throw new IllegalArgumentException("polygon " + r + " has " + ring.length
                            + " values; a polygon is x, y pairs of at least 3 points");
                }
                for (double v : ring) {
                    if (!Double.isFinite(v)) {
                        throw new IllegalArgumentException("polygon " + r + " has the value " + v
                                + "; coordinates must be finite");
                    }
                }
                copies.add(ring.clone());
            }
            return new Polygons(List.copyOf(copies));
        }

        /** The number of polygons. */
        public int count() {
            return rings.size();
        }

        /** A new array {@code [x0, y0, x1, y1, ...]} of polygon {@code index}. @throws IndexOutOfBoundsException if out of range */
        public double[] ring(int index) {
            return rings.get(index).clone();
        }

        @Override
        public boolean equals(Object other) {
            if (!(other instanceof Polygons that) || that.rings.size() != rings.size()) {
                return false;
            }
            for (int i = 0; i < rings.size(); i++) {
                if (!Arrays.equals(rings.get(i), that.rings.get(i))) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public int hashCode() {
            int hash = 1;
            for (double[] ring : rings) {
                hash = 31 * hash + Arrays.hashCode(ring);
            }
            return hash;
        }

        /** E.g. {@code Polygons[2 rings]}. */
        @Override
        public String toString() {
            return "Polygons[" + rings.size() + (rings.size() == 1 ? " ring]" : " rings]");
        }
    }

    /**
     * COCO's run-length encoding of a binary mask of {@code size}: alternating runs of 0s and 1s,
     * starting with 0s (a first run may be empty), in column-major order (down each column, columns
     * left to right). Immutable.
     */
    final class RunLengths implements InstanceShape {
        private final CanvasSize size;
        private final int[] counts;

        private RunLengths(CanvasSize size, int[] counts) {
            this.size = size;
            this.counts = counts;
        }

        /**
         * @param size the mask's size, which is the image's
         * @param counts the run lengths; copied
         * @throws IllegalArgumentException if a run is negative or the runs do not add up to
         *         {@code height * width}
         */
        public static RunLengths of(CanvasSize size, int[] counts) {
            Objects.requireNonNull(size, "size");
            long total = 0;
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] < 0) {
                    throw new IllegalArgumentException("run " + i + " is " + counts[i] + "; runs are >= 0");
                }
                total += counts[i];
            }
            if (total != size.pixels()) {
                throw new IllegalArgumentException("the runs add up to " + total + " pixels, but a " + size
                        + " mask has " + size.pixels());
            }
            return new RunLengths(size, counts.clone());
        }

        /** The mask's size. */
        public CanvasSize size() {
            return size;
        }

        /** A new array of the run lengths. */
        public int[] counts() {
            return counts.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof RunLengths that && size.equals(that.size) && Arrays.equals(counts, that.counts);
        }

        @Override
        public int hashCode() {
            return 31 * size.hashCode() + Arrays.hashCode(counts);
        }

        /** E.g. {@code RunLengths[480x640, 12 runs]}. */
        @Override
        public String toString() {
            return "RunLengths[" + size + ", " + counts.length + " runs]";
        }
    }
}
