package dev.sluice.core.label.coco;

import dev.sluice.api.LabelSink;
import dev.sluice.api.target.CanvasSize;
import dev.sluice.api.target.InstanceShape;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.json.JsonFactory;

/**
 * Streams a COCO instances file with Jackson's token parser, keeping only what the entries need:
 * no tree of the document is ever built, so memory follows the number of images and annotations,
 * not the file's size. Unknown keys ({@code info}, {@code licenses}, {@code area}, ...) are
 * skipped. Every value is consumed whole even when it is wrong, so one bad annotation is reported
 * (by its line and JSON pointer) and the rest are still read.
 */
final class CocoReader {
    /** A COCO file nests 5 deep; anything far deeper is not one. */
    private static final int MAX_DEPTH = 32;
    private static final int MAX_VALUES = Integer.MAX_VALUE - 8;
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    record Image(long id, String fileName, CanvasSize size, long line) {
    }

    record Category(long id, String name, long line) {
    }

    private final boolean masks;
    private final LabelSink sink;
    final List<Image> images = new ArrayList<>();
    final List<Category> categories = new ArrayList<>();
    final CocoAnnotations annotations = new CocoAnnotations();

    /**
     * @param masks whether to keep each annotation's segmentation
     * @param sink where problems go
     */
    CocoReader(boolean masks, LabelSink sink) {
        this.masks = masks;
        this.sink = sink;
    }

    /** An element that is wrong: the problem goes to the sink, the element is left out. */
    private static final class Bad extends Exception {
        private static final long serialVersionUID = 1L;

        Bad(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Reads the whole stream. Malformed JSON ends reading with a problem at its line.
     *
     * @return false when the file could not be read to its end
     */
    boolean read(InputStream in) throws IOException {
        try (JsonParser p = JSON.createParser(ObjectReadContext.empty(), in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                sink.problem(line(p), null, "a COCO file is one JSON object with images, annotations and categories");
                return false;
            }
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String key = p.currentName();
                p.nextToken();
                switch (key) {
                    case "images" -> array(p, "/images", this::image);
                    case "annotations" -> array(p, "/annotations", this::annotation);
                    case "categories" -> array(p, "/categories", this::category);
                    default -> p.skipChildren();
                }
            }
            if (p.nextToken() != null) {
                sink.problem(line(p), null, "text after the end of the JSON object");
                return false;
            }
            return true;
        } catch (JacksonIOException e) {
            throw e.getCause();
        } catch (JacksonException e) {
            long line = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNr());
            sink.problem(line, null, "not valid JSON: " + e.getOriginalMessage());
            return false;
        }
    }

    private interface ElementReader {
        void read(JsonParser p, String pointer, long line) throws IOException, Bad;
    }

    private void array(JsonParser p, String pointer, ElementReader element) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            sink.problem(line(p), null, pointer + ": must be an array");
            p.skipChildren();
            return;
        }
        int index = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            String at = pointer + "/" + index++;
            long line = line(p);
            try {
                if (p.currentToken() != JsonToken.START_OBJECT) {
                    p.skipChildren();
                    throw new Bad("must be an object");
                }
                element.read(p, at, line);
            } catch (Bad e) {
                sink.problem(line, null, e.getMessage().startsWith("/") ? e.getMessage() : at + ": " + e.getMessage());
            }
        }
    }

    /**
     * Where the fields of one JSON object go: {@link #take} reads the field {@code key} (the parser at
     * its value) and says true, or says false to have it skipped.
     */
    private interface Fields {
        boolean take(String key, JsonParser p) throws IOException, Bad;
    }

    /**
     * Reads the fields of the object {@code p} is in, to its end, into {@code fields}. Every field is
     * read even after a wrong one; then the first wrong one is thrown as {@code prefix + key + ": " +
     * reason}.
     */
    private static void readFields(JsonParser p, String prefix, Fields fields) throws IOException, Bad {
        String problem = null;
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String key = p.currentName();
            p.nextToken();
            try {
                if (!fields.take(key, p)) {
                    p.skipChildren();
                }
            } catch (Bad e) {
                problem = problem != null ? problem : prefix + key + ": " + e.getMessage();
            }
        }
        if (problem != null) {
            throw new Bad(problem);
        }
    }

    private static final class ImageFields implements Fields {
        Long id;
        String fileName;
        Integer width;
        Integer height;

        @Override
        public boolean take(String key, JsonParser p) throws IOException, Bad {
            switch (key) {
                case "id" -> id = integer(p);
                case "file_name" -> fileName = string(p);
                case "width" -> width = positive(p);
                case "height" -> height = positive(p);
                default -> {
                    return false;
                }
            }
            return true;
        }
    }

    private void image(JsonParser p, String pointer, long line) throws IOException, Bad {
        ImageFields f = new ImageFields();
        readFields(p, pointer + "/", f);
        String missing = f.id == null ? "id" : f.fileName == null ? "file_name" : f.width == null ? "width"
                : f.height == null ? "height" : null;
        if (missing != null) {
            throw new Bad("no \"" + missing + "\"");
        }
        if (f.fileName.isEmpty()) {
            throw new Bad("file_name is empty");
        }
        images.add(new Image(f.id, f.fileName, new CanvasSize(f.height, f.width), line));
    }

    private static final class CategoryFields implements Fields {
        Long id;
        String name;

        @Override
        public boolean take(String key, JsonParser p) throws IOException, Bad {
            switch (key) {
                case "id" -> id = integer(p);
                case "name" -> name = string(p);
                default -> {
                    return false;
                }
            }
            return true;
        }
    }

    private void category(JsonParser p, String pointer, long line) throws IOException, Bad {
        CategoryFields f = new CategoryFields();
        readFields(p, pointer + "/", f);
        if (f.id == null || f.name == null) {
            throw new Bad("no \"" + (f.id == null ? "id" : "name") + "\"");
        }
        categories.add(new Category(f.id, f.name, line));
    }

    /** An annotation's fields; its segmentation is kept only when {@code masks} asks for it. */
    private static final class AnnotationFields implements Fields {
        private final boolean masks;
        Long imageId;
        Long categoryId;
        float[] box;
        boolean crowd;
        InstanceShape shape;
        boolean hasSegmentation;

        AnnotationFields(boolean masks) {
            this.masks = masks;
        }

        @Override
        public boolean take(String key, JsonParser p) throws IOException, Bad {
            switch (key) {
                case "image_id" -> imageId = integer(p);
                case "category_id" -> categoryId = integer(p);
                case "bbox" -> box = box(p);
                case "iscrowd" -> crowd = flag(p);
                case "segmentation" -> {
                    hasSegmentation = true;
                    if (!masks) {
                        return false;
                    }
                    shape = segmentation(p);
                }
                default -> {
                    return false;
                }
            }
            return true;
        }
    }

    private void annotation(JsonParser p, String pointer, long line) throws IOException, Bad {
        AnnotationFields f = new AnnotationFields(masks);
        readFields(p, pointer + "/", f);
        String missing = f.imageId == null ? "image_id" : f.categoryId == null ? "category_id" : f.box == null ? "bbox"
                : masks && !f.hasSegmentation ? "segmentation\" (masks: true reads one per annotation" : null;
        if (missing != null) {
            throw new Bad("no \"" + missing + (missing.endsWith("annotation") ? ")" : ""));
        }
        annotations.add(f.imageId, f.categoryId, f.box, f.crowd, f.shape, line,
                Integer.parseInt(pointer.substring(pointer.lastIndexOf('/') + 1)));
    }

    /** {@code [x, y, w, h]}: finite, with {@code w, h >= 0}. */
    private static float[] box(JsonParser p) throws IOException, Bad {
        double[] values = numbers(p, 4);
        if (values.length != 4) {
            throw new Bad("must be [x, y, width, height], 4 numbers, not " + values.length);
        }
        float[] box = new float[4];
        for (int i = 0; i < 4; i++) {
            box[i] = (float) values[i];
            if (!Float.isFinite(box[i])) {
                throw new Bad("value " + values[i] + " is out of float32 range");
            }
        }
        if (box[2] < 0 || box[3] < 0) {
            throw new Bad("width and height must be >= 0, were " + values[2] + " and " + values[3]);
        }
        return box;
    }

    private static InstanceShape segmentation(JsonParser p) throws IOException, Bad {
        if (p.currentToken() == JsonToken.START_ARRAY) {
            List<double[]> rings = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                double[] ring;
                try {
                    ring = numbers(p, Integer.MAX_VALUE);
                } catch (Bad e) {
                    skipRest(p);
                    throw new Bad("polygon " + rings.size() + ": " + e.getMessage());
                }
                if (ring.length < 6 || ring.length % 2 != 0) {
                    skipRest(p);
                    throw new Bad("polygon " + rings.size() + " has " + ring.length + " values; a polygon is x, y pairs "
                            + "of at least 3 points");
                }
                rings.add(ring);
            }
            if (rings.isEmpty()) {
                throw new Bad("no polygon");
            }
            try {
                return InstanceShape.Polygons.of(rings);
            } catch (IllegalArgumentException e) {
                throw new Bad(e.getMessage());
            }
        }
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            throw new Bad("must be a list of polygons or an RLE object {\"counts\", \"size\"}");
        }
        RunLengthFields f = new RunLengthFields();
        readFields(p, "", f);
        int[] counts = f.counts;
        double[] size = f.size;
        if (counts == null || size == null) {
            throw new Bad("an RLE object needs \"counts\" and \"size\"");
        }
        if (size.length != 2 || !isPositiveInt(size[0]) || !isPositiveInt(size[1])) {
            throw new Bad("RLE size must be [height, width], two positive integers");
        }
        try {
            return InstanceShape.RunLengths.of(new CanvasSize((int) size[0], (int) size[1]), counts);
        } catch (IllegalArgumentException e) {
            throw new Bad(e.getMessage());
        }
    }

    private static final class RunLengthFields implements Fields {
        int[] counts;
        double[] size;

        @Override
        public boolean take(String key, JsonParser p) throws IOException, Bad {
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

    private static int[] counts(JsonParser p) throws IOException, Bad {
        if (p.currentToken() == JsonToken.VALUE_STRING) {
            try {
                return CompressedCounts.decode(p.getString());
            } catch (IllegalArgumentException e) {
                throw new Bad(e.getMessage());
            }
        }
        double[] values = numbers(p, Integer.MAX_VALUE);
        int[] counts = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            if (!(values[i] >= 0 && values[i] <= Integer.MAX_VALUE && values[i] == Math.rint(values[i]))) {
                throw new Bad("run " + i + " is " + values[i] + "; runs are integers from 0 to " + Integer.MAX_VALUE);
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
    private static double[] numbers(JsonParser p, int limit) throws IOException, Bad {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            p.skipChildren();
            throw new Bad("must be an array of numbers");
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
            throw new Bad(n == MAX_VALUES ? "more than " + MAX_VALUES + " numbers" : "must be an array of numbers");
        }
        return Arrays.copyOf(values, n);
    }

    private static void skipRest(JsonParser p) throws IOException {
        while (p.nextToken() != JsonToken.END_ARRAY) {
            p.skipChildren();
        }
    }

    private static long integer(JsonParser p) throws IOException, Bad {
        if (p.currentToken() != JsonToken.VALUE_NUMBER_INT || p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
            p.skipChildren();
            throw new Bad("must be an integer (64-bit)");
        }
        return p.getLongValue();
    }

    private static int positive(JsonParser p) throws IOException, Bad {
        long value = integer(p);
        if (value <= 0 || value > Integer.MAX_VALUE) {
            throw new Bad("must be a positive 32-bit integer, was " + value);
        }
        return (int) value;
    }

    private static boolean flag(JsonParser p) throws IOException, Bad {
        long value = integer(p);
        if (value != 0 && value != 1) {
            throw new Bad("must be 0 or 1, was " + value);
        }
        return value == 1;
    }

    private static String string(JsonParser p) throws IOException, Bad {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            p.skipChildren();
            throw new Bad("must be a string");
        }
        return p.getString();
    }

    private static boolean isPositiveInt(double value) {
        return value >= 1 && value <= Integer.MAX_VALUE && value == Math.rint(value);
    }

    private static long line(JsonParser p) {
        return Math.max(0, p.currentTokenLocation().getLineNr());
    }
}
