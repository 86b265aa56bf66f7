package dev.sluice.core.label;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.LabelFormatException;
import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;
import dev.sluice.api.contract.LabelFormatContract;
import dev.sluice.api.target.BoxFormat;
import dev.sluice.api.target.CanvasSize;
import dev.sluice.api.target.EntryTargets;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VocLabelFormatTest extends LabelFormatContract {

    @Override
    protected String providerId() {
        return "voc";
    }

    @Override
    protected List<Entry> sampleEntries() {
        return List.of(Entry.of("birds/a.jpg"), Entry.of("birds/\u00e9t\u00e9.png"), Entry.of("cats/1.jpg"),
                Entry.of("dogs/2.jpeg"), Entry.of("dogs/puppies/3.png"));
    }

    /** VOC's 1-based inclusive corners become continuous XYXY: the minimum corner moves by -1. */
    @Override
    protected List<EntryTargets> sampleTargets() {
        Optional<CanvasSize> canvas = Optional.of(new CanvasSize(375, 500));
        return List.of(
                EntryTargets.boxes(BoxFormat.XYXY, canvas, new float[] {47, 239, 195, 371, 7, 10, 500, 375},
                        new long[] {2, 14}),
                EntryTargets.boxes(BoxFormat.XYXY, canvas, new float[0], new long[0]),
                EntryTargets.boxes(BoxFormat.XYXY, canvas, new float[] {0, 0, 1, 1}, new long[] {7}),
                EntryTargets.boxes(BoxFormat.XYXY, Optional.empty(), new float[] {10.5f, 20, 30, 40}, new long[] {11}),
                EntryTargets.boxes(BoxFormat.XYXY, canvas, new float[] {1, 2, 3, 4}, new long[] {19}));
    }

    @Override
    protected WrittenSource writeSource(Path dir, List<Entry> entries) throws IOException {
        List<EntryTargets> targets = sampleTargets();
        List<Long> lines = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            String path = entries.get(i).path();
            EntryTargets entry = targets.get(i);
            StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<annotation>\n")
                    .append("  <folder>VOC2012</folder>\n  <filename>").append(path.substring(path.lastIndexOf('/') + 1))
                    .append("</filename>\n  <source><database>The VOC2007 Database</database></source>\n");
            entry.canvas().ifPresent(size -> xml.append("  <size><width>").append(size.width()).append("</width><height>")
                    .append(size.height()).append("</height><depth>3</depth></size>\n"));
            float[] box = entry.coordinates();
            for (int b = 0; b < entry.boxCount(); b++) {
                xml.append("  <object>\n    <name>").append(VocLabelFormat.VOC_CLASSES.get((int) entry.labels()[b]))
                        .append("</name>\n    <pose>Left</pose><truncated>0</truncated><difficult>0</difficult>\n")
                        .append("    <bndbox><xmin>").append(box[b * 4] + 1).append("</xmin><ymin>")
                        .append((int) box[b * 4 + 1] + 1).append("</ymin><xmax> ").append((int) box[b * 4 + 2])
                        .append(" </xmax><ymax>").append((int) box[b * 4 + 3]).append("</ymax></bndbox>\n")
                        .append("    <part><name>head</name><bndbox><xmin>1</xmin></bndbox></part>\n  </object>\n");
            }
            Path file = dir.resolve("Annotations").resolve(path.substring(0, path.lastIndexOf('.')) + ".xml");
            Files.createDirectories(file.getParent());
            Files.writeString(file, xml.append("</annotation>\n"), StandardCharsets.UTF_8);
            lines.add(0L);
        }
        return new WrittenSource(dir.resolve("Annotations"), lines);
    }

    private static final String GOOD = "<annotation><filename>%s</filename><object><name>dog</name><bndbox><xmin>1</xmin>"
            + "<ymin>1</ymin><xmax>2</xmax><ymax>2</ymax></bndbox></object></annotation>";

    @Override
    protected InvalidSource writeInvalidSource(Path dir) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("bad"));
        Files.writeString(folder.resolve("a.xml"), GOOD.formatted("a.jpg"));
        Files.writeString(folder.resolve("b.xml"), "<annotation>\n<object><name>unicorn</name>\n</object></annotation>");
        Files.writeString(folder.resolve("c.xml"), "<annotation>\n<object><name>dog</name></annotation>");
        Files.writeString(folder.resolve("d.xml"), billionLaughs());
        Files.writeString(folder.resolve("e.xml"), "<annotation><object><name>dog</name><bndbox><xmin>1</xmin>"
                + "<ymin>1</ymin>\n<xmax>x</xmax><ymax>2</ymax></bndbox></object></annotation>");
        Files.writeString(folder.resolve("f.xml"), GOOD.formatted("f.png"));
        return new InvalidSource(folder, List.of(0L, 0L, 0L, 0L), List.of(Entry.of("a.jpg"), Entry.of("f.png")));
    }

    private static String billionLaughs() {
        StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE annotation [\n<!ENTITY lol \"lol\">\n");
        for (int i = 1; i < 10; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10))
                    .append("\">\n");
        }
        return dtd.append("]>\n<annotation><filename>&lol9;</filename></annotation>").toString();
    }

    private List<String> problems(Path folder) {
        LabelFormatException e = assertThrows(LabelFormatException.class,
                () -> LabelIndex.read(createFormat(), folder, dir.resolve("images")));
        return List.of(e.getMessage().replace(folder + ": ", "").split("\n"));
    }

    @Test
    void problemsNameTheFileAndLineAndEntitiesAreNeverExpanded() throws IOException {
        List<String> problems = problems(writeInvalidSource(dir).source());
        assertEquals("b.xml:3: class 'unicorn' is not one of the 20 classes of Pascal VOC; set the option classes",
                problems.get(0));
        assertTrue(problems.get(1).startsWith("c.xml:2: not well-formed XML: "), problems.get(1));
        assertEquals("d.xml:2: a DTD or entity reference; VOC annotations are plain XML and entities are never "
                + "expanded", problems.get(2));
        assertEquals("e.xml:2: <xmax> 'x' is not a number", problems.get(3));
    }

    @Test
    void anExternalEntityIsRefusedWithoutReadingTheFile() throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "s3cret");
        Path folder = Files.createDirectories(dir.resolve("xxe"));
        Files.writeString(folder.resolve("x.xml"), "<?xml version=\"1.0\"?>\n<!DOCTYPE a [<!ENTITY x SYSTEM \""
                + secret.toUri() + "\">]>\n<annotation><filename>&x;</filename></annotation>");
        List<String> problems = problems(folder);
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).startsWith("x.xml:2: a DTD") && !problems.get(0).contains("s3cret"), problems.get(0));
    }

    @Test
    void aFilenameThatIsAPathIsRefusedNamingTheXmlFile() throws IOException {
        List<String> names = List.of("/etc/passwd.jpg", "../a.jpg", "sub/a.jpg", "sub\\a.jpg", "..", "/.jpg");
        for (String name : names) {
            Path folder = Files.createDirectories(dir.resolve("path" + names.indexOf(name)));
            Files.writeString(folder.resolve("x.xml"), "<annotation>\n<filename>" + name + "</filename>\n</annotation>");
            assertEquals(List.of("x.xml:2: <filename> '" + name + "' is not a file name; VOC names the image file "
                    + "alone, beside the annotation's folder"), problems(folder), name);
        }
    }

    @Test
    void anUnknownClassWithALineBreakIsQuotedOnOneLine() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("break"));
        Files.writeString(folder.resolve("x.xml"), "<annotation><object>\n<name>do\ng</name><bndbox><xmin>1</xmin>"
                + "<ymin>1</ymin><xmax>2</xmax><ymax>2</ymax></bndbox></object></annotation>");
        assertEquals(List.of("x.xml:3: class 'do\\ng' is not one of the 20 classes of Pascal VOC; set the option "
                + "classes"), problems(folder));
    }

    @Test
    void classesAreAnOptionAndAnEmptyFilenameFallsBackToTheStem() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("own"));
        Files.writeString(folder.resolve("0001.xml"), "<annotation><filename> </filename><object><name>wheel</name>"
                + "<bndbox><xmin>1</xmin><ymin>1</ymin><xmax>2</xmax><ymax>2</ymax></bndbox></object></annotation>");
        LabelIndex index = LabelIndex.read(new VocLabelFormatProvider().create(Options.of(Map.of("classes",
                List.of("car", "wheel"), "image_extension", ".png"))), folder, dir);
        assertEquals("0001.png", index.path(0));
        assertEquals(List.of("car", "wheel"), index.classNames());
        assertEquals(1, index.targets(0).orElseThrow().labels()[0]);
        OptionsException e = assertThrows(OptionsException.class, () -> new VocLabelFormatProvider()
                .create(Options.of(Map.of("classes", List.of("car", "car")))));
        assertTrue(e.getMessage().contains("must be distinct non-blank names; 'car' is not"), e.getMessage());
    }

    /** The JDK's own StAX parser also printed "[Fatal Error] ..." to stderr for such a file. */
    @Test
    void malformedUtf8IsOneProblemNamingTheFileAndNothingIsPrinted() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("latin1"));
        Files.write(folder.resolve("x.xml"), ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<annotation>\n"
                + "<filename>\u00e9t\u00e9.jpg</filename>\n</annotation>").getBytes(StandardCharsets.ISO_8859_1));
        PrintStream stderr = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        List<String> problems;
        System.setErr(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            problems = problems(folder);
        } finally {
            System.setErr(stderr);
        }
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("x.xml: not well-formed XML: Invalid UTF-8"), problems.get(0));
        assertEquals("", printed.toString(StandardCharsets.UTF_8));
    }
}
