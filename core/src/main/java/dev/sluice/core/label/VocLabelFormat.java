package dev.sluice.core.label;

import com.ctc.wstx.stax.WstxInputFactory;
import dev.sluice.api.LabelFormat;
import dev.sluice.api.LabelSink;
import dev.sluice.api.spi.RegularFiles;
import dev.sluice.api.target.BoxFormat;
import dev.sluice.api.target.CanvasSize;
import dev.sluice.api.target.EntryTargets;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Pascal VOC annotations: a folder of XML files, one per image, read with the JDK's StAX parser
 * with DTDs and external entities off; a document that declares a DTD is refused, so no entity is
 * ever expanded. Each file gives one entry: the image path from {@code <filename>} (else the XML's
 * stem with the image extension), the canvas from {@code <size>}, and one box per {@code <object>},
 * labelled by the position of its {@code <name>} in the class list. VOC's {@code <bndbox>} holds
 * 1-based inclusive pixel indices, so a box becomes XYXY {@code [xmin - 1, ymin - 1, xmax, ymax]}
 * in continuous pixel coordinates (as Detectron2 converts it).
 */
final class VocLabelFormat implements LabelFormat {
    static final String ID = "voc";
    static final String EXTENSION = ".xml";
    /** The 20 classes of Pascal VOC 2007-2012, in torchvision's and Detectron2's order. */
    static final List<String> VOC_CLASSES = List.of("aeroplane", "bicycle", "bird", "boat", "bottle", "bus", "car",
            "cat", "chair", "cow", "diningtable", "dog", "horse", "motorbike", "person", "pottedplant", "sheep", "sofa",
            "train", "tvmonitor");

    private final List<String> classes;
    private final Map<String, Integer> labels = new HashMap<>();
    private final String imageExtension;

    VocLabelFormat(List<String> classes, String imageExtension) {
        this.classes = List.copyOf(classes);
        for (int i = 0; i < classes.size(); i++) {
            labels.put(classes.get(i), i);
        }
        this.imageExtension = imageExtension;
    }

    /** Thrown inside one file: the file is reported at this line and gives no entry. */
    private static final class Bad extends Exception {
        private static final long serialVersionUID = 1L;
        final int line;

        Bad(int line, String message) {
            super(message, null, false, false);
            this.line = line;
        }
    }

    @Override
    public void read(Path folder, LabelSink sink) throws IOException {
        List<LabelFileWalk.LabelFile> files = LabelFileWalk.walk(folder, EXTENSION, ID, sink);
        sink.classNames(classes);
        XMLInputFactory factory = new WstxInputFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        for (LabelFileWalk.LabelFile file : files) {
            try (InputStream in = RegularFiles.newInputStream(file.path())) {
                readFile(factory.createXMLStreamReader(in), file, sink);
            } catch (Bad e) {
                sink.problem(0, null, where(file, e.line) + e.getMessage());
            } catch (XMLStreamException e) {
                // A byte that is not in the declared encoding is reported without a location.
                int line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
                sink.problem(0, null, where(file, line) + "not well-formed XML: " + firstLine(e.getMessage()));
            }
        }
    }

    private void readFile(XMLStreamReader xml, LabelFileWalk.LabelFile file, LabelSink sink)
            throws XMLStreamException, Bad {
        try {
            String fileName = null;
            Integer width = null;
            Integer height = null;
            List<float[]> boxes = new ArrayList<>();
            List<Long> boxLabels = new ArrayList<>();
            List<String> path = new ArrayList<>();
            String name = null;
            float[] box = null;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE) {
                    throw new Bad(line(xml), "a DTD or entity reference; VOC annotations are plain XML and entities "
                            + "are never expanded");
                }
                if (event == XMLStreamConstants.END_ELEMENT) {
                    String ended = path.remove(path.size() - 1);
                    if (ended.equals("object") && path.size() == 1) {
                        addObject(name, box, boxes, boxLabels, line(xml));
                        name = null;
                        box = null;
                    }
                    continue;
                }
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                String element = xml.getLocalName();
                path.add(element);
                if (path.size() > 16) {
                    throw new Bad(line(xml), "elements nested more than 16 deep; not a VOC annotation");
                }
                String at = String.join("/", path);
                switch (at) {
                    case "annotation/filename" -> fileName = fileName(xml, path);
                    case "annotation/size/width" -> width = positive(xml, path);
                    case "annotation/size/height" -> height = positive(xml, path);
                    case "annotation/object" -> box = null;
                    case "annotation/object/name" -> name = text(xml, path);
                    case "annotation/object/bndbox" -> box = new float[] {Float.NaN, Float.NaN, Float.NaN, Float.NaN};
                    case "annotation/object/bndbox/xmin" -> set(box, 0, xml, path, -1);
                    case "annotation/object/bndbox/ymin" -> set(box, 1, xml, path, -1);
                    case "annotation/object/bndbox/xmax" -> set(box, 2, xml, path, 0);
                    case "annotation/object/bndbox/ymax" -> set(box, 3, xml, path, 0);
                    default -> {
                        if (path.size() == 1 && !element.equals("annotation")) {
                            throw new Bad(line(xml), "the root element is <" + element + ">, not <annotation>");
                        }
                    }
                }
            }
            float[] coordinates = new float[boxes.size() * 4];
            long[] labelArray = new long[boxes.size()];
            for (int i = 0; i < boxes.size(); i++) {
                System.arraycopy(boxes.get(i), 0, coordinates, i * 4, 4);
                labelArray[i] = boxLabels.get(i);
            }
            Optional<CanvasSize> canvas = width != null && height != null ? Optional.of(new CanvasSize(height, width))
                    : Optional.empty();
            String image = fileName != null && !fileName.isBlank() ? imagePath(file, fileName.strip())
                    : file.stem(EXTENSION) + imageExtension;
            sink.entry(image, new long[0], EntryTargets.boxes(BoxFormat.XYXY, canvas, coordinates, labelArray), 0);
        } finally {
            xml.close();
        }
    }

    /**
     * The text of {@code <filename>}: a file's name, which the image path puts beside the XML's folder
     * position, so a separator or a {@code .}/{@code ..} name (which would point elsewhere) is refused here,
     * naming the XML file and line, rather than later as a path that leaves the image root.
     */
    private static String fileName(XMLStreamReader xml, List<String> path) throws Bad {
        int line = line(xml);
        String name = text(xml, path);
        String stripped = name.strip();
        if (stripped.indexOf('/') >= 0 || stripped.indexOf('\\') >= 0 || stripped.equals(".") || stripped.equals("..")) {
            throw new Bad(line, "<filename> '" + ProblemLog.shorten(stripped) + "' is not a file name; VOC names the "
                    + "image file alone, beside the annotation's folder");
        }
        return name;
    }

    /** The image beside the XML's folder position: {@code sub/000005.xml} with filename {@code 000005.jpg} gives {@code sub/000005.jpg}. */
    private static String imagePath(LabelFileWalk.LabelFile file, String fileName) {
        int slash = file.relative().lastIndexOf('/');
        return slash < 0 ? fileName : file.relative().substring(0, slash + 1) + fileName;
    }

    private void addObject(String name, float[] box, List<float[]> boxes, List<Long> boxLabels, int line) throws Bad {
        if (name == null) {
            throw new Bad(line, "an <object> without <name>");
        }
        Integer label = labels.get(name.strip());
        if (label == null) {
            throw new Bad(line, "class '" + ProblemLog.shorten(name.strip()) + "' is not one of the " + classes.size() + " classes "
                    + (classes.equals(VOC_CLASSES) ? "of Pascal VOC" : "given") + "; set the option classes");
        }
        if (box == null) {
            throw new Bad(line, "an <object> without <bndbox>");
        }
        for (int k = 0; k < 4; k++) {
            if (Float.isNaN(box[k])) {
                throw new Bad(line, "a <bndbox> without <" + List.of("xmin", "ymin", "xmax", "ymax").get(k) + ">");
            }
        }
        boxes.add(box);
        boxLabels.add((long) label);
    }

    /** Stores a bndbox value shifted by {@code shift} (-1 for the 1-based minimum corners). */
    private static void set(float[] box, int k, XMLStreamReader xml, List<String> path, int shift)
            throws XMLStreamException, Bad {
        int line = line(xml);
        String text = text(xml, path).strip();
        float value;
        try {
            value = Float.parseFloat(text);
        } catch (NumberFormatException e) {
            throw new Bad(line, "<" + xml.getLocalName() + "> '" + ProblemLog.shorten(text) + "' is not a number");
        }
        if (!Float.isFinite(value)) {
            throw new Bad(line, "<" + xml.getLocalName() + "> '" + ProblemLog.shorten(text) + "' is not a finite number");
        }
        box[k] = value + shift;
    }

    private static int positive(XMLStreamReader xml, List<String> path) throws XMLStreamException, Bad {
        int line = line(xml);
        String text = text(xml, path).strip();
        try {
            int value = Integer.parseInt(text);
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new Bad(line, "<" + xml.getLocalName() + "> '" + ProblemLog.shorten(text) + "' is not a positive integer");
    }

    /** The element's text; the reader ends on its end tag, which is taken off {@code path}. */
    private static String text(XMLStreamReader xml, List<String> path) throws Bad {
        int line = line(xml);
        try {
            String text = xml.getElementText();
            path.remove(path.size() - 1);
            return text;
        } catch (XMLStreamException e) {
            throw new Bad(line, "<" + path.get(path.size() - 1) + "> must hold text only: " + firstLine(e.getMessage()));
        }
    }

    /** {@code file:line: }, or {@code file: } where the parser could not say the line. */
    private static String where(LabelFileWalk.LabelFile file, int line) {
        return file.relative() + (line > 0 ? ":" + line : "") + ": ";
    }

    private static int line(XMLStreamReader xml) {
        return Math.max(0, xml.getLocation().getLineNumber());
    }

    private static String firstLine(String message) {
        String text = String.valueOf(message);
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
