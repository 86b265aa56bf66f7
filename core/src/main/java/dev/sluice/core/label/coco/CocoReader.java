package dev.sluice.core.label.coco;

import static dev.sluice.core.label.coco.CocoValues.box;
import static dev.sluice.core.label.coco.CocoValues.flag;
import static dev.sluice.core.label.coco.CocoValues.id;
import static dev.sluice.core.label.coco.CocoValues.positive;
import static dev.sluice.core.label.coco.CocoValues.readFields;
import static dev.sluice.core.label.coco.CocoValues.segmentation;
import static dev.sluice.core.label.coco.CocoValues.string;

import dev.sluice.api.LabelSink;
import dev.sluice.api.target.CanvasSize;
import dev.sluice.api.target.InstanceShape;
import dev.sluice.core.label.coco.CocoValues.Fields;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
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
 * (by its line and JSON pointer) and the rest are still read. Ids (of images and categories, and
 * an annotation's {@code image_id} and {@code category_id}) are integers or strings, kept as codes
 * of a {@link CocoIds} per kind.
 */
final class CocoReader {
    /** A COCO file nests 5 deep; anything far deeper is not one. */
    private static final int MAX_DEPTH = 32;
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    /** @param id the code of the image's id in {@link #imageIds} */
    record Image(int id, String fileName, CanvasSize size, long line) {
    }

    /** @param id the code of the category's id in {@link #categoryIds} */
    record Category(int id, String name, long line) {
    }

    private final boolean masks;
    private final LabelSink sink;
    final List<Image> images = new ArrayList<>();
    final List<Category> categories = new ArrayList<>();
    /** The ids of images, and the {@code image_id}s of annotations. */
    final CocoIds imageIds = new CocoIds();
    /** The ids of categories, and the {@code category_id}s of annotations. */
    final CocoIds categoryIds = new CocoIds();
    final CocoAnnotations annotations = new CocoAnnotations();

    /**
     * @param masks whether to keep each annotation's segmentation
     * @param sink where problems go
     */
    CocoReader(boolean masks, LabelSink sink) {
        this.masks = masks;
        this.sink = sink;
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
            if (e.getCause() instanceof CharConversionException text) {
                // Jackson's UTF-32 reader reports bytes that are no character as an I/O error: bad text, not a failed read.
                sink.problem(0, null, "not valid JSON: " + text.getMessage());
                return false;
            }
            throw e.getCause();
        } catch (JacksonException e) {
            long line = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNr());
            sink.problem(line, null, "not valid JSON: " + e.getOriginalMessage());
            return false;
        }
    }

    private interface ElementReader {
        void read(JsonParser p, String pointer, long line) throws IOException, BadElement;
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
                    throw new BadElement("must be an object");
                }
                element.read(p, at, line);
            } catch (BadElement e) {
                sink.problem(line, null, e.getMessage().startsWith("/") ? e.getMessage() : at + ": " + e.getMessage());
            }
        }
    }

    private static final class ImageFields implements Fields {
        Object id;
        String fileName;
        Integer width;
        Integer height;

        @Override
        public boolean take(String key, JsonParser p) throws IOException, BadElement {
            switch (key) {
                case "id" -> id = id(p);
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

    private void image(JsonParser p, String pointer, long line) throws IOException, BadElement {
        ImageFields f = new ImageFields();
        readFields(p, pointer + "/", f);
        String missing = f.id == null ? "id" : f.fileName == null ? "file_name" : f.width == null ? "width"
                : f.height == null ? "height" : null;
        if (missing != null) {
            throw new BadElement("no \"" + missing + "\"");
        }
        if (f.fileName.isEmpty()) {
            throw new BadElement("file_name is empty");
        }
        images.add(new Image(imageIds.code(f.id), f.fileName, new CanvasSize(f.height, f.width), line));
    }

    private static final class CategoryFields implements Fields {
        Object id;
        String name;

        @Override
        public boolean take(String key, JsonParser p) throws IOException, BadElement {
            switch (key) {
                case "id" -> id = id(p);
                case "name" -> name = string(p);
                default -> {
                    return false;
                }
            }
            return true;
        }
    }

    private void category(JsonParser p, String pointer, long line) throws IOException, BadElement {
        CategoryFields f = new CategoryFields();
        readFields(p, pointer + "/", f);
        if (f.id == null || f.name == null) {
            throw new BadElement("no \"" + (f.id == null ? "id" : "name") + "\"");
        }
        categories.add(new Category(categoryIds.code(f.id), f.name, line));
    }

    /** An annotation's fields; its segmentation is kept only when {@code masks} asks for it. */
    private static final class AnnotationFields implements Fields {
        private final boolean masks;
        Object imageId;
        Object categoryId;
        float[] box;
        boolean crowd;
        InstanceShape shape;
        boolean hasSegmentation;

        AnnotationFields(boolean masks) {
            this.masks = masks;
        }

        @Override
        public boolean take(String key, JsonParser p) throws IOException, BadElement {
            switch (key) {
                case "image_id" -> imageId = id(p);
                case "category_id" -> categoryId = id(p);
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

    private void annotation(JsonParser p, String pointer, long line) throws IOException, BadElement {
        AnnotationFields f = new AnnotationFields(masks);
        readFields(p, pointer + "/", f);
        String missing = f.imageId == null ? "image_id" : f.categoryId == null ? "category_id" : f.box == null ? "bbox"
                : masks && !f.hasSegmentation ? "segmentation\" (masks: true reads one per annotation" : null;
        if (missing != null) {
            throw new BadElement("no \"" + missing + (missing.endsWith("annotation") ? ")" : ""));
        }
        annotations.add(imageIds.code(f.imageId), categoryIds.code(f.categoryId), f.box, f.crowd, f.shape, line,
                Integer.parseInt(pointer.substring(pointer.lastIndexOf('/') + 1)));
    }

    private static long line(JsonParser p) {
        return Math.max(0, p.currentTokenLocation().getLineNr());
    }
}
