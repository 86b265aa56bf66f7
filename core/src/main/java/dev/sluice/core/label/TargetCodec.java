package dev.sluice.core.label;

import dev.sluice.api.target.BoxFormat;
import dev.sluice.api.target.CanvasSize;
import dev.sluice.api.target.EntryTargets;
import dev.sluice.api.target.InstanceShape;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An entry's targets as compact bytes for the label index: counts, sizes, labels and run lengths
 * as variable-length integers (most take one or two bytes), box coordinates as raw float32 and
 * polygon vertices as raw float64, key points and their visibilities as raw float32, a key point
 * mirror order as one varint per point of a box. A COCO box with a 30-point polygon takes about 510 bytes,
 * against a few kilobytes as Java objects.
 */
final class TargetCodec {
    private static final int NORMALIZED = 1;
    private static final int HAS_CANVAS = 2;
    private static final int HAS_MASK_FILE = 4;
    private static final int FORMAT_SHIFT = 3;
    private static final int FORMAT_MASK = 3;
    private static final int HAS_KEY_POINTS = 32;
    private static final int HAS_KEY_POINT_MIRROR = 64;
    private static final int POLYGONS = 0;
    private static final int RUN_LENGTHS = 1;

    private TargetCodec() {
    }

    static byte[] encode(EntryTargets targets) {
        Writer out = new Writer();
        int flags = (targets.normalized() ? NORMALIZED : 0) | (targets.canvas().isPresent() ? HAS_CANVAS : 0)
                | (targets.maskFile().isPresent() ? HAS_MASK_FILE : 0) | targets.format().ordinal() << FORMAT_SHIFT
                | (targets.keyPointsPerBox() > 0 ? HAS_KEY_POINTS : 0)
                | (targets.keyPointMirror().isPresent() ? HAS_KEY_POINT_MIRROR : 0);
        out.write(flags);
        out.varint(targets.boxCount());
        targets.canvas().ifPresent(out::canvas);
        for (float value : targets.coordinates()) {
            out.floatBits(value);
        }
        for (long label : targets.labels()) {
            out.varint(label << 1 ^ label >> 63);
        }
        out.varint(targets.shapes().size());
        for (InstanceShape shape : targets.shapes()) {
            if (shape instanceof InstanceShape.Polygons polygons) {
                out.write(POLYGONS);
                out.varint(polygons.count());
                for (int r = 0; r < polygons.count(); r++) {
                    double[] ring = polygons.ring(r);
                    out.varint(ring.length);
                    for (double value : ring) {
                        out.doubleBits(value);
                    }
                }
            } else if (shape instanceof InstanceShape.RunLengths runs) {
                out.write(RUN_LENGTHS);
                out.canvas(runs.size());
                int[] counts = runs.counts();
                out.varint(counts.length);
                for (int count : counts) {
                    out.varint(count);
                }
            }
        }
        if (targets.keyPointsPerBox() > 0) {
            out.varint(targets.keyPointsPerBox());
            for (float value : targets.keyPoints()) {
                out.floatBits(value);
            }
            for (float value : targets.keyPointVisibility()) {
                out.floatBits(value);
            }
            targets.keyPointMirror().ifPresent(order -> {
                for (int point : order) {
                    out.varint(point);
                }
            });
        }
        targets.maskFile().ifPresent(path -> {
            byte[] utf8 = path.getBytes(StandardCharsets.UTF_8);
            out.varint(utf8.length);
            out.writeBytes(utf8);
        });
        return out.toByteArray();
    }

    static EntryTargets decode(byte[] bytes) {
        Reader in = new Reader(bytes);
        int flags = in.read();
        BoxFormat format = BoxFormat.values()[flags >>> FORMAT_SHIFT & FORMAT_MASK];
        int boxes = in.count();
        Optional<CanvasSize> canvas = (flags & HAS_CANVAS) != 0 ? Optional.of(in.canvas()) : Optional.empty();
        float[] coordinates = new float[boxes * 4];
        for (int i = 0; i < coordinates.length; i++) {
            coordinates[i] = in.floatBits();
        }
        long[] labels = new long[boxes];
        for (int i = 0; i < boxes; i++) {
            long zigzag = in.varint();
            labels[i] = zigzag >>> 1 ^ -(zigzag & 1);
        }
        List<InstanceShape> shapes = new ArrayList<>();
        for (int s = in.count(); s > 0; s--) {
            shapes.add(in.read() == POLYGONS ? polygons(in) : runLengths(in));
        }
        int pointsPerBox = (flags & HAS_KEY_POINTS) != 0 ? in.count() : 0;
        float[] points = new float[pointsPerBox * boxes * 2];
        for (int i = 0; i < points.length; i++) {
            points[i] = in.floatBits();
        }
        float[] visibility = new float[pointsPerBox * boxes];
        for (int i = 0; i < visibility.length; i++) {
            visibility[i] = in.floatBits();
        }
        int[] mirror = (flags & HAS_KEY_POINT_MIRROR) != 0 ? new int[pointsPerBox] : null;
        for (int i = 0; mirror != null && i < mirror.length; i++) {
            mirror[i] = in.count();
        }
        if ((flags & HAS_MASK_FILE) != 0) {
            return EntryTargets.maskFile(new String(in.bytes(in.count()), StandardCharsets.UTF_8));
        }
        EntryTargets targets = (flags & NORMALIZED) != 0 ? EntryTargets.normalizedBoxes(format, coordinates, labels)
                : EntryTargets.boxes(format, canvas, coordinates, labels);
        targets = shapes.isEmpty() ? targets : targets.withShapes(shapes);
        targets = pointsPerBox == 0 ? targets : targets.withKeyPoints(pointsPerBox, points, visibility);
        return mirror == null ? targets : targets.withKeyPointMirror(mirror);
    }

    private static InstanceShape polygons(Reader in) {
        List<double[]> rings = new ArrayList<>();
        for (int r = in.count(); r > 0; r--) {
            double[] ring = new double[in.count()];
            for (int i = 0; i < ring.length; i++) {
                ring[i] = Double.longBitsToDouble(in.longBits());
            }
            rings.add(ring);
        }
        return InstanceShape.Polygons.of(rings);
    }

    private static InstanceShape runLengths(Reader in) {
        CanvasSize size = in.canvas();
        int[] counts = new int[in.count()];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = in.count();
        }
        return InstanceShape.RunLengths.of(size, counts);
    }

    private static final class Writer extends ByteArrayOutputStream {
        void varint(long value) {
            long rest = value;
            while ((rest & ~0x7FL) != 0) {
                write((int) (rest & 0x7F) | 0x80);
                rest >>>= 7;
            }
            write((int) rest);
        }

        void floatBits(float value) {
            intBits(Float.floatToRawIntBits(value));
        }

        void intBits(int bits) {
            write(bits);
            write(bits >>> 8);
            write(bits >>> 16);
            write(bits >>> 24);
        }

        void doubleBits(double value) {
            long bits = Double.doubleToRawLongBits(value);
            intBits((int) bits);
            intBits((int) (bits >>> 32));
        }

        void canvas(CanvasSize size) {
            varint(size.height());
            varint(size.width());
        }
    }

    /** Reads what {@link Writer} wrote; the bytes come from this index, so they are trusted. */
    private static final class Reader {
        private final byte[] bytes;
        private int at;

        Reader(byte[] bytes) {
            this.bytes = bytes;
        }

        int read() {
            return bytes[at++] & 0xFF;
        }

        long varint() {
            long value = 0;
            for (int shift = 0; ; shift += 7) {
                int b = read();
                value |= (long) (b & 0x7F) << shift;
                if (b < 0x80) {
                    return value;
                }
            }
        }

        int count() {
            return (int) varint();
        }

        float floatBits() {
            return Float.intBitsToFloat(intBits());
        }

        int intBits() {
            return read() | read() << 8 | read() << 16 | read() << 24;
        }

        long longBits() {
            long low = intBits() & 0xFFFFFFFFL;
            return low | (long) intBits() << 32;
        }

        CanvasSize canvas() {
            return new CanvasSize(count(), count());
        }

        byte[] bytes(int length) {
            byte[] out = new byte[length];
            System.arraycopy(bytes, at, out, 0, length);
            at += length;
            return out;
        }
    }
}
