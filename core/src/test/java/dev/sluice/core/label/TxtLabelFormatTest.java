package dev.sluice.core.label;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sluice.api.LabelFormatException;
import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;
import dev.sluice.api.contract.LabelFormatContract;
import dev.sluice.api.LabelSink;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TxtLabelFormatTest extends LabelFormatContract {

    @Override
    protected String providerId() {
        return "txt";
    }

    @Override
    protected WrittenSource writeSource(Path dir, List<Entry> entries) throws IOException {
        StringBuilder text = new StringBuilder("# a comment, then a blank line\n\n");
        List<Long> lines = new ArrayList<>();
        long line = 3;
        for (Entry entry : entries) {
            text.append(entry.path());
            for (long label : entry.labels()) {
                text.append(' ').append(label);
            }
            text.append('\n');
            lines.add(line++);
        }
        Path file = dir.resolve("train.txt");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return new WrittenSource(file, lines);
    }

    @Override
    protected InvalidSource writeInvalidSource(Path dir) throws IOException {
        Path file = dir.resolve("bad.txt");
        Files.writeString(file, "a.jpg 1\nb.jpg\nc.jpg x7\nd.jpg 4\n", StandardCharsets.UTF_8);
        return new InvalidSource(file, List.of(2L, 3L), List.of(Entry.of("a.jpg", 1), Entry.of("d.jpg", 4)));
    }

    @Override
    protected Optional<byte[]> memberHolding(long... labels) {
        StringBuilder text = new StringBuilder();
        for (long label : labels) {
            text.append(label).append(' ');
        }
        return Optional.of((text.toString().strip() + "\n").getBytes(StandardCharsets.UTF_8));
    }

    @Override
    protected Optional<byte[]> invalidMember() {
        return Optional.of("3 x7".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aClsMemberIsItsLabelsSeparatedByAnyWhitespace() throws IOException {
        Recording read = new Recording();
        new TxtLabelFormat().readMember("a.cls", ByteBuffer.wrap("\uFEFF 3\t-4\r\n".getBytes(StandardCharsets.UTF_8)), read);
        assertEquals(List.of("a.cls [3, -4]"), read.lines);
        new TxtLabelFormat().readMember("b.cls", ByteBuffer.wrap(" \n".getBytes(StandardCharsets.UTF_8)), read);
        new TxtLabelFormat().readMember("c.cls", ByteBuffer.wrap("99999999999999999999".getBytes(StandardCharsets.UTF_8)),
                read);
        assertEquals(List.of("a.cls [3, -4]", "problem: no label",
                "problem: label '99999999999999999999' is out of range: labels are 64-bit integers"), read.lines);
    }

    /** Entries and problems as text. */
    private static final class Recording implements LabelSink {
        final List<String> lines = new ArrayList<>();

        @Override
        public void entry(String path, long[] labels, long line) {
            lines.add(path + " " + java.util.Arrays.toString(labels));
        }

        @Override
        public void problem(long line, String text, String reason) {
            lines.add("problem: " + reason);
        }
    }

    private LabelIndex index(String text) throws IOException {
        return index(text.getBytes(StandardCharsets.UTF_8));
    }

    private LabelIndex index(byte[] bytes) throws IOException {
        Path file = dir.resolve("train.txt");
        Files.write(file, bytes);
        return LabelIndex.read(new TxtLabelFormat(), file, dir);
    }

    private String problemsOf(String text) throws IOException {
        Path file = dir.resolve("train.txt");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return assertThrows(LabelFormatException.class, () -> LabelIndex.read(new TxtLabelFormat(), file, dir))
                .getMessage();
    }

    private static List<String> paths(LabelIndex index) {
        List<String> paths = new ArrayList<>();
        for (long i = 0; i < index.size(); i++) {
            paths.add(index.path(i));
        }
        return paths;
    }

    @Test
    public void twoSpacesBetweenNameAndLabelSeparateLikeOne() throws IOException {
        LabelIndex index = index("a.jpg  3\n");
        assertEquals("a.jpg", index.path(0));
        assertEquals(3, index.label(0, 0));
    }

    @Test
    public void aTabSeparates() throws IOException {
        LabelIndex index = index("a.jpg\t3\t4\n");
        assertEquals(List.of("a.jpg"), paths(index));
        assertEquals(4, index.label(0, 1));
    }

    @Test
    public void trailingAndLeadingBlanksAreIgnored() throws IOException {
        LabelIndex index = index("  a.jpg 3 \t \n");
        assertEquals("a.jpg", index.path(0));
        assertEquals(1, index.labelCount(0));
    }

    @Test
    public void crlfLineEndsAreAccepted() throws IOException {
        LabelIndex index = index("a.jpg 3\r\nb.jpg 4\r\n");
        assertEquals(List.of("a.jpg", "b.jpg"), paths(index));
        assertEquals(4, index.label(1, 0));
    }

    @Test
    public void aUtf8ByteOrderMarkIsSkipped() throws IOException {
        byte[] text = "a.jpg 3\n".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[text.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withBom, 3, text.length);
        assertEquals(List.of("a.jpg"), paths(index(withBom)));
    }

    @Test
    public void commentLinesAndBlankLinesAreSkippedButCounted() throws IOException {
        String message = problemsOf("# header\n\n   \n  # indented comment\na.jpg\n");
        assertEquals(dir.resolve("train.txt") + ":5: no label: 'a.jpg'", message);
    }

    @Test
    public void aLastLineWithoutNewlineIsRead() throws IOException {
        assertEquals(List.of("a.jpg", "b.jpg"), paths(index("a.jpg 1\nb.jpg 2")));
    }

    @Test
    public void aNameWithoutLabelIsAProblemWithFileLineAndText() throws IOException {
        Path file = dir.resolve("train.txt");
        Files.writeString(file, "a.jpg 1\nb.jpg \n");
        LabelFormatException e = assertThrows(LabelFormatException.class,
                () -> LabelIndex.read(new TxtLabelFormat(), file, dir));
        assertEquals(file + ":2: no label: 'b.jpg '", e.getMessage());
    }

    @Test
    public void aNonIntegerLabelIsAProblemNamingTheLabel() throws IOException {
        assertEquals(dir.resolve("train.txt") + ":1: label '3.0' is not an integer: 'a.jpg 1 3.0'",
                problemsOf("a.jpg 1 3.0\n"));
    }

    @Test
    public void aLabelBeyondSixtyFourBitsIsAProblemSayingSo() throws IOException {
        assertEquals(dir.resolve("train.txt") + ":1: label '9223372036854775808' is out of range: labels are "
                + "64-bit integers: 'a.jpg 9223372036854775808'", problemsOf("a.jpg 9223372036854775808\n"));
    }

    @Test
    public void signedLabelsAndTheLongLimitsParse() throws IOException {
        LabelIndex index = index("a.jpg -1 +2 9223372036854775807 -9223372036854775808\n");
        assertEquals(List.of(-1L, 2L, Long.MAX_VALUE, Long.MIN_VALUE),
                List.of(index.label(0, 0), index.label(0, 1), index.label(0, 2), index.label(0, 3)));
    }

    @Test
    public void aLoneSignIsNotALabel() throws IOException {
        assertEquals(dir.resolve("train.txt") + ":1: label '-' is not an integer: 'a.jpg -'", problemsOf("a.jpg -\n"));
    }

    @Test
    public void multiLabelLinesKeepEveryLabelInOrder() throws IOException {
        LabelIndex index = index("a.jpg 1 2 3\nb.jpg 4 5 6\n");
        assertEquals(3, index.labelCount(1));
        assertEquals(List.of(4L, 5L, 6L), List.of(index.label(1, 0), index.label(1, 1), index.label(1, 2)));
    }

    @Test
    public void everyBadLineIsReportedNotJustTheFirst() throws IOException {
        String message = problemsOf("a.jpg x\nb.jpg 1\nc.jpg\nd.jpg 2 y\n");
        String file = dir.resolve("train.txt").toString();
        assertEquals(file + ":1: label 'x' is not an integer: 'a.jpg x'\n"
                + file + ":3: no label: 'c.jpg'\n"
                + file + ":4: label 'y' is not an integer: 'd.jpg 2 y'", message);
    }

    @Test
    public void allBadLinesAreCountedButOnlyTwentyAreListed() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 25; i++) {
            text.append("img").append(i).append(".jpg\n");
        }
        String[] lines = problemsOf(text.toString()).split("\n");
        assertEquals(21, lines.length);
        assertEquals(dir.resolve("train.txt") + ":20: no label: 'img19.jpg'", lines[19]);
        assertEquals("... and 5 more problems", lines[20]);
    }

    @Test
    public void unicodeNamesAreDecodedAsUtf8() throws IOException {
        assertEquals(List.of("caf\u00e9/\u732b.jpg"), paths(index("caf\u00e9/\u732b.jpg 0\n")));
    }

    @Test
    public void aNameThatIsNotUtf8IsAProblem() throws IOException {
        byte[] bytes = {'a', (byte) 0xFF, '.', 'j', 'p', 'g', ' ', '1', '\n'};
        Path file = dir.resolve("train.txt");
        Files.write(file, bytes);
        LabelFormatException e = assertThrows(LabelFormatException.class,
                () -> LabelIndex.read(new TxtLabelFormat(), file, dir));
        assertEquals(file + ":1: path is not valid UTF-8: 'a\ufffd.jpg 1'", e.getMessage());
    }

    @Test
    public void linesLongerThanTheReadBufferAreReadWhole() throws IOException {
        String longName = "d/".repeat(50_000) + "x.jpg";
        LabelIndex index = index("a.jpg 1\n" + longName + " 2\nb.jpg 3\n");
        assertEquals(List.of("a.jpg", longName, "b.jpg"), paths(index));
        assertEquals(3, index.label(2, 0));
    }

    @Test
    public void aLineLongerThanTheLimitIsAProblemAndTheNextLinesAreStillRead() throws IOException {
        String huge = "x".repeat(TxtLabelFormat.MAX_LINE_BYTES + 10);
        String message = problemsOf("a.jpg 1\n" + huge + " 1\nc.jpg\n");
        String[] lines = message.split("\n");
        assertEquals(2, lines.length, message);
        assertEquals(dir.resolve("train.txt") + ":2: line is longer than 1048576 bytes: '" + "x".repeat(117) + "...'",
                lines[0]);
        assertEquals(dir.resolve("train.txt") + ":3: no label: 'c.jpg'", lines[1]);
    }

    @Test
    public void pathsLeavingTheImageRootAreProblemsWithTheirLines() throws IOException {
        Path file = dir.resolve("train.txt");
        Files.writeString(file, "ok.jpg 1\n../x.jpg 2\n/etc/y.jpg 3\nsub/../../z.jpg 4\n");
        Path root = dir.resolve("images");
        String message = assertThrows(LabelFormatException.class,
                () -> LabelIndex.read(new TxtLabelFormat(), file, root)).getMessage();
        assertEquals(file + ":2: path '../x.jpg' leaves the image root " + root + "; set allow_outside_root to allow it\n"
                + file + ":3: path '/etc/y.jpg' leaves the image root " + root + "; set allow_outside_root to allow it\n"
                + file + ":4: path 'sub/../../z.jpg' leaves the image root " + root
                + "; set allow_outside_root to allow it", message);
        assertEquals(4, LabelIndex.readAllowingOutsideRoot(new TxtLabelFormat(), file, root).size());
    }

    @Test
    public void anEmptyFileIsAnErrorNamingIt() throws IOException {
        assertEquals(dir.resolve("train.txt") + ": no entries; a label source must list at least one image",
                problemsOf("# only a comment\n\n"));
    }

    @Test
    public void theProviderTakesNoOptions() {
        Options options = Options.of("label_format", Map.of("delimiter", ","));
        OptionsException e = assertThrows(OptionsException.class,
                () -> new TxtLabelFormatProvider().create(options));
        assertEquals("label_format.delimiter", e.keyPath());
    }
}
