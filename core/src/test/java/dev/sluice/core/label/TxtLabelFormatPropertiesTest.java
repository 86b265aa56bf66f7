package dev.sluice.core.label;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.LabelFormat;
import dev.sluice.api.LabelFormatException;
import dev.sluice.api.LabelSink;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class TxtLabelFormatPropertiesTest {
    private static final Path SOURCE = Path.of("train.txt");
    private static final Pattern PROBLEM_LINE = Pattern.compile("train\\.txt:[1-9][0-9]*: .+");

    /** A line as generated: what it holds and how it is written. */
    record Line(String name, List<Long> labels, String lead, String separator, String trail, String end) {
        String text() {
            StringBuilder text = new StringBuilder(lead).append(name);
            for (long label : labels) {
                text.append(separator).append(label);
            }
            return text.append(trail).append(end).toString();
        }
    }

    @Provide
    Arbitrary<List<Line>> validLines() {
        return validLine().list().ofMaxSize(30);
    }

    private static Arbitrary<Line> validLine() {
        Arbitrary<String> names = Arbitraries.strings()
                .withCharRange('\u0000', '\u0008')
                .withCharRange('\u000e', '\u001f')
                .withCharRange('!', '\ud7ff')
                .withCharRange('\ue000', '\ufefe')
                .withCharRange('\uff00', '\uffff')
                .ofMinLength(1).ofMaxLength(40)
                .filter(name -> name.charAt(0) != '#');
        Arbitrary<List<Long>> labels = Arbitraries.longs().list().ofMinSize(1).ofMaxSize(5);
        Arbitrary<String> blanks = Arbitraries.strings().withChars(' ', '\t').ofMaxLength(3);
        Arbitrary<String> separators = Arbitraries.strings().withChars(' ', '\t').ofMinLength(1).ofMaxLength(3);
        Arbitrary<String> ends = Arbitraries.of("\n", "\r\n");
        return Combinators.combine(names, labels, blanks, separators, blanks, ends).as(Line::new);
    }

    @Provide
    Arbitrary<List<String>> fillers() {
        return Arbitraries.of("", "\n", "   \n", "\t\r\n", "# a comment\n", "  #x 1 2\n").list().ofMaxSize(3);
    }

    @Property
    void validLinesComeBackWithTheirNamesLabelsAndLineNumbers(
            @ForAll("validLines") List<Line> lines,
            @ForAll("fillers") List<String> between,
            @ForAll boolean byteOrderMark,
            @ForAll @IntRange(min = 1, max = 70_000) int readSize) throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        if (byteOrderMark) {
            file.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        }
        List<Long> expectedLines = new ArrayList<>();
        long line = 1;
        for (int i = 0; i < lines.size(); i++) {
            for (String filler : between) {
                file.write(filler.getBytes(StandardCharsets.UTF_8));
                line += filler.isEmpty() ? 0 : 1;
            }
            file.write(lines.get(i).text().getBytes(StandardCharsets.UTF_8));
            expectedLines.add(line++);
        }
        Recording read = read(file.toByteArray(), readSize);
        assertEquals(List.of(), read.problems);
        assertEquals(lines.size(), read.names.size());
        for (int i = 0; i < lines.size(); i++) {
            assertEquals(lines.get(i).name(), read.names.get(i));
            assertEquals(lines.get(i).labels(), read.labels.get(i));
        }
        assertEquals(expectedLines, read.lines);
    }

    @Provide
    Arbitrary<byte[]> junk() {
        Arbitrary<byte[]> anyBytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(3000);
        Arbitrary<byte[]> labelish = Arbitraries.of((byte) 'a', (byte) '.', (byte) '/', (byte) '1', (byte) '9',
                        (byte) '-', (byte) '+', (byte) ' ', (byte) '\t', (byte) '\r', (byte) '\n', (byte) '#',
                        (byte) 0, (byte) 0xEF, (byte) 0xBB, (byte) 0xBF, (byte) 0xC3, (byte) 0xFF)
                .array(byte[].class).ofMaxSize(3000);
        return Arbitraries.oneOf(anyBytes, labelish);
    }

    @Property
    void anyBytesGiveEntriesOrProblemsThatNameALineAndNeverAnotherException(
            @ForAll("junk") byte[] bytes, @ForAll @IntRange(min = 1, max = 5000) int readSize) throws IOException {
        long lineCount = 1;
        for (byte b : bytes) {
            lineCount += b == '\n' ? 1 : 0;
        }
        Recording read = read(bytes, readSize);
        for (Long line : read.lines) {
            assertTrue(line >= 1 && line <= lineCount, "entry line " + line + " of " + lineCount);
        }
        for (String problem : read.problems) {
            long line = Long.parseLong(problem.substring(0, problem.indexOf(':')));
            assertTrue(line >= 1 && line <= lineCount, "problem " + problem + " of " + lineCount + " lines");
        }
        LabelFormat format = (source, sink) -> new TxtLabelFormat().read(new Trickle(bytes, readSize), sink);
        try {
            LabelIndex index = LabelIndex.read(format, SOURCE, Path.of("images"));
            assertEquals(read.names.size(), index.size());
        } catch (LabelFormatException e) {
            String[] lines = e.getMessage().split("\n");
            for (int i = 0; i < lines.length; i++) {
                boolean last = i == lines.length - 1;
                assertTrue(PROBLEM_LINE.matcher(lines[i]).matches()
                                || (last && lines[i].matches("\\.\\.\\. and [0-9]+ more problems?"))
                                || (lines.length == 1 && lines[i].startsWith("train.txt: no entries")),
                        "does not name a line: " + lines[i]);
            }
        }
    }

    private static Recording read(byte[] bytes, int readSize) throws IOException {
        Recording recording = new Recording();
        new TxtLabelFormat().read(new Trickle(bytes, readSize), recording);
        return recording;
    }

    /** Hands out at most {@code readSize} bytes per read, to cross the parser's buffer at every offset. */
    private static final class Trickle extends InputStream {
        private final ByteArrayInputStream in;
        private final int readSize;

        Trickle(byte[] bytes, int readSize) {
            this.in = new ByteArrayInputStream(bytes);
            this.readSize = readSize;
        }

        @Override
        public int read() {
            return in.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            return in.read(buffer, offset, Math.min(length, readSize));
        }
    }

    private static final class Recording implements LabelSink {
        final List<String> names = new ArrayList<>();
        final List<List<Long>> labels = new ArrayList<>();
        final List<Long> lines = new ArrayList<>();
        final List<String> problems = new ArrayList<>();

        @Override
        public void entry(String path, long[] entryLabels, long line) {
            names.add(path);
            List<Long> copy = new ArrayList<>();
            for (long label : entryLabels) {
                copy.add(label);
            }
            labels.add(copy);
            lines.add(line);
        }

        @Override
        public void problem(long line, String text, String reason) {
            problems.add(line + ": " + reason + ": " + text);
        }
    }
}
