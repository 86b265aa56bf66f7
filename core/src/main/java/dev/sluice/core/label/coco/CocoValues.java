package dev.sluice.core.label.coco;

import dev.sluice.api.target.CanvasSize;
import dev.sluice.api.target.InstanceShape;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * The values of a COCO file, read from Jackson's token parser: each is consumed whole even when it
 * is wrong, so that reading goes on after a {@link BadElement}; arrays grow as values arrive, never
 * from a claimed size.
 */
final class CocoValues {
    private static final int MAX_VALUES = Integer.MAX_VALUE - 8;
    private static final String OUT_OF_RANGE = "must be an integer from -2^63 to 2^63 - 1, was ";

    private CocoValues() {
    }

    /**
     * Where the fields of one JSON object go: {@link #take} reads the field {@code key} (the parser at
     * its value) and says true, or says false to have it skipped.
     */
    interface Fields {
        boolean take(String key, JsonParser p) throws IOException, BadElement;
    }

    /**
     * Reads the fields of the object {@code p} is in, to its end, into {@code fields}. Every field is
     * read even after a wrong one; then the first wrong one is thrown as {@code prefix + key + ": " +
     * reason}.
     */
    static void readFields(JsonParser p, String prefix, Fields fields) throws IOException, BadElement {
        String problem = null;
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String key = p.currentName();
            p.nextToken();
            try {
                if (!fields.take(key, p)) {
                    p.skipChildren();
                }
            } catch (BadElement e) {
                problem = problem != null ? problem : prefix + key + ": " + e.getMessage();
            }
        }
        if (problem != null) {
            throw new BadElement(problem);
        }
    }

    /** {@code [x, y, w, h]}: finite, with {@code w, h >= 0}. */
    static float[] box(JsonParser p) throws IOException, BadElement {
        double[] values = numbers(p, 4);
        if (values.length != 4) {
            throw new BadElement("must be [x, y, width, height], 4 numbers, not " + values.length);
        }
        float[] box = new float[4];
        for (int i = 0; i < 4; i++) {
            box[i] = (float) values[i];
            if (!Float.isFinite(box[i])) {
                throw new BadElement("value " + values[i] + " is out of float32 range");
            }
        }
        if (box[2] < 0 || box[3] < 0) {
            throw new BadElement("width and height must be >= 0, were " + values[2] + " and " + values[3]);
        }
        return box;
    }

    static InstanceShape segmentation(JsonParser p) throws IOException, BadElement {
        if (p.currentToken() == JsonToken.START_ARRAY) {
            List<double[]> rings = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                double[] ring;
                try {
                    ring = numbers(p, Integer.MAX_VALUE);
                } catch (BadElement e) {
                    skipRest(p);
                    throw new BadElement("polygon " + rings.size() + ": " + e.getMessage());
                }
                if (ring.length < 6 || ring.length % 2 != 0) {
                    skipRest(p);
                    throw new BadElement("polygon " + rings.size() + " has " + ring.length + " values; a polygon is x, y pairs "
                            + "of at least 3 points");
                }
                rings.add(ring);
            }
            if (rings.isEmpty()) {
                throw new BadElement("no polygon");
            }
            try {
                return InstanceShape.Polygons.of(rings);
            } catch (IllegalArgumentException e) {
                throw new BadElement(e.getMessage());
            }
        }
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            throw new BadElement("must be a list of polygons or an RLE object {\"counts\", \"size\"}");
        }
        RunLengthFields f = new RunLengthFields();
        readFields(p, "", f);
        int[] counts = f.counts;
        double[] size = f.size;
        if (counts == null || size == null) {
            throw new BadElement("an RLE object needs \"counts\" and \"size\"");
        }
        if (size.length != 2 || !isPositiveInt(size[0]) || !isPositiveInt(size[1])) {
            throw new BadElement("RLE size must be [height, width], two positive integers");
        }
        try {
            return InstanceShape.RunLengths.of(new CanvasSize((int) size[0], (int) size[1]), counts);
        } catch (IllegalArgumentException e) {
            throw new BadElement(e.getMessage());
        }
    }

    private static final class RunLengthFields implements Fields {
        int[] counts;
        double[] size;

        @Override
        public boolean take(String key, JsonParser p) throws IOException, BadElement {
            switch (key) {
                case "counts" -> counts = counts(p);
                case "size" -> size = numbers(p, 2);
                default -> {
                    return false;
                }
            }
            return true;
        }
    }

    private static int[] counts(JsonParser p) throws IOException, BadElement {
        if (p.currentToken() == JsonToken.VALUE_STRING) {
            try {
                return CompressedCounts.decode(p.getString());
            } catch (IllegalArgumentException e) {
                throw new BadElement(e.getMessage());
            }
        }
        double[] values = numbers(p, Integer.MAX_VALUE);
        int[] counts = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            if (!(values[i] >= 0 && values[i] <= Integer.MAX_VALUE && values[i] == Math.rint(values[i]))) {
                throw new BadElement("run " + i + " is " + values[i] + "; runs are integers from 0 to " + Integer.MAX_VALUE);
            }
            counts[i] = (int) values[i];
        }
        return counts;
    }

    /**
     * An array of numbers, consumed whole; at most {@code limit} are kept (a longer array gives
     * {@code limit + 1} values so that the caller sees it is too long), and the array grows as
     * values arrive, never from a claimed size.
     */
    private static double[] numbers(JsonParser p, int limit) throws IOException, BadElement {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            p.skipChildren();
            throw new BadElement("must be an array of numbers");
        }
        double[] values = new double[Math.min(limit, 16) + 1];
        int n = 0;
        boolean wrong = false;
        for (JsonToken token = p.nextToken(); token != JsonToken.END_ARRAY; token = p.nextToken()) {
            if (!token.isNumeric()) {
                p.skipChildren();
                wrong = true;
                continue;
            }
            if (n <= limit && n < MAX_VALUES) {
                if (n == values.length) {
                    values = Arrays.copyOf(values, (int) Math.min(Math.min((long) limit + 1, MAX_VALUES),
                            values.length * 2L));
                }
                values[n++] = p.getDoubleValue();
            } else if (n == MAX_VALUES) {
                wrong = true;
            }
        }
        if (wrong) {
            throw new BadElement(n == MAX_VALUES ? "more than " + MAX_VALUES + " numbers" : "must be an array of numbers");
        }
        return Arrays.copyOf(values, n);
    }

    private static void skipRest(JsonParser p) throws IOException {
        while (p.nextToken() != JsonToken.END_ARRAY) {
            p.skipChildren();
        }
    }

    /**
     * An integer: a JSON integer, or a number written with a fraction or exponent whose value is
     * integral ({@code 640.0}, {@code 6.4e2}), as some exporters write every number; checked
     * exactly, so {@code 640.5} and {@code 1e30} are refused, never rounded or wrapped.
     */
    static long integer(JsonParser p) throws IOException, BadElement {
        JsonToken token = p.currentToken();
        if (token == JsonToken.VALUE_NUMBER_INT) {
            if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                throw new BadElement(OUT_OF_RANGE + shortText(p));
            }
            return p.getLongValue();
        }
        if (token != JsonToken.VALUE_NUMBER_FLOAT) {
            p.skipChildren();
            throw new BadElement("must be an integer");
        }
        // The double screens out fractions and huge exponents cheaply; the exact decimal decides the rest.
        double approximate = p.getDoubleValue();
        if (Double.isFinite(approximate) && approximate != Math.rint(approximate)) {
            throw new BadElement("must be an integer, was " + shortText(p));
        }
        if (!(Math.abs(approximate) <= 0x1p63)) {
            throw new BadElement(OUT_OF_RANGE + shortText(p));
        }
        BigDecimal exact = p.getDecimalValue();
        if (exact.signum() != 0 && exact.stripTrailingZeros().scale() > 0) {
            throw new BadElement("must be an integer, was " + shortText(p));
        }
        try {
            return exact.longValueExact();
        } catch (ArithmeticException e) {
            throw new BadElement(OUT_OF_RANGE + shortText(p));
        }
    }

    /**
     * An id: a {@link Long} read as {@link #integer} reads one, or a {@link String}, which pycocotools
     * takes alike (see {@link CocoIds}); anything else is refused, a fraction as {@link #integer}
     * refuses it.
     */
    static Object id(JsonParser p) throws IOException, BadElement {
        if (p.currentToken() == JsonToken.VALUE_STRING) {
            return p.getString();
        }
        if (!p.currentToken().isNumeric()) {
            p.skipChildren();
            throw new BadElement("must be an integer or a string");
        }
        return integer(p);
    }

    /** The number's text as the file writes it, cut to 40 characters. */
    private static String shortText(JsonParser p) throws IOException {
        String text = p.getText();
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }

    static int positive(JsonParser p) throws IOException, BadElement {
        long value = integer(p);
        if (value <= 0 || value > Integer.MAX_VALUE) {
            throw new BadElement("must be a positive 32-bit integer, was " + value);
        }
        return (int) value;
    }

    /**
     * 0 or 1, or {@code false} or {@code true} as some exporters write {@code iscrowd}: pycocotools
     * and torchvision test it for truth or compare it with 0, which a JSON boolean passes alike.
     */
    static boolean flag(JsonParser p) throws IOException, BadElement {
        if (p.currentToken() == JsonToken.VALUE_TRUE || p.currentToken() == JsonToken.VALUE_FALSE) {
            return p.currentToken() == JsonToken.VALUE_TRUE;
        }
        long value = integer(p);
        if (value != 0 && value != 1) {
            throw new BadElement("must be 0 or 1, was " + value);
        }
        return value == 1;
    }

    static String string(JsonParser p) throws IOException, BadElement {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            p.skipChildren();
            throw new BadElement("must be a string");
        }
        return p.getString();
    }

    private static boolean isPositiveInt(double value) {
        return value >= 1 && value <= Integer.MAX_VALUE && value == Math.rint(value);
    }
}
