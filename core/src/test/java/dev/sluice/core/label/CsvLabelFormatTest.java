package dev.sluice.core.label;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sluice.api.LabelFormat;
import dev.sluice.api.LabelFormatException;
import dev.sluice.api.LabelSink;
import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;
import dev.sluice.api.contract.LabelFormatContract;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CsvLabelFormatTest extends LabelFormatContract {

    @Override
    protected String providerId() {
        return "csv";
    }

    @Override
    protected WrittenSource writeSource(Path dir, List<Entry> entries) throws IOException {
        StringBuilder text = new StringBuilder("path,label\r\n");
        List<Long> lines = new ArrayList<>();
        long line = 2;
        for (Entry entry : entries) {
            text.append('"').append(entry.path().replace("\"", "\"\"")).append('"');
            for (long label : entry.labels()) {
                text.append(',').append(label);
            }
            text.append("\r\n");
            lines.add(line++);
        }
        Path file = dir.resolve("train.csv");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return new WrittenSource(file, lines);
    }

    @Override
    protected InvalidSource writeInvalidSource(Path dir) throws IOException {
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, "path,label\na.jpg,1\nb.jpg\nc.jpg,x7\nd\"e.jpg,3\nf.jpg,4\n", StandardCharsets.UTF_8);
        return new InvalidSource(file, List.of(3L, 4L, 5L), List.of(Entry.of("a.jpg", 1), Entry.of("f.jpg", 4)));
    }

    private Path write(String text) throws IOException {
        Path file = dir.resolve("train.csv");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private static LabelFormat format(Map<String, ?> options) {
        return new CsvLabelFormatProvider().create(Options.of("label_format", options));
    }

    private LabelIndex index(String text, Map<String, ?> options) throws IOException {
        return LabelIndex.read(format(options), write(text), dir);
    }

    private String failure(String text, Map<String, ?> options) throws IOException {
        Path file = write(text);
        return assertThrows(LabelFormatException.class, () -> LabelIndex.read(format(options), file, dir))
                .getMessage();
    }

    @Test
    public void quotedNamesKeepCommasSpacesQuotesAndUnicode() throws IOException {
        LabelIndex index = index("path,label\n\"a, b.jpg\",1\n\"say \"\"hi\"\".png\",2\n\"\u732b \u00e9t\u00e9.jpg\",3\n",
                Map.of());
        assertEquals("a, b.jpg", index.path(0));
        assertEquals("say \"hi\".png", index.path(1));
        assertEquals("\u732b \u00e9t\u00e9.jpg", index.path(2));
        assertEquals(3, index.label(2, 0));
    }

    @Test
    public void unquotedNamesMayHoldSpacesAndUnicode() throws IOException {
        assertEquals("my cat \u732b.jpg", index("path,label\nmy cat \u732b.jpg,1\n", Map.of()).path(0));
    }

    @Test
    public void aQuotedFieldMaySpanLinesAndLaterLinesKeepTheirNumbers() throws IOException {
        String message = failure("path,label\n\"two\nlines.jpg\",1\nc.jpg,x\n", Map.of());
        assertEquals(dir.resolve("train.csv") + ":4: label 'x' in column 'label' is not an integer: 'c.jpg,x'", message);
    }

    @Test
    public void crlfAndAByteOrderMarkAreAccepted() throws IOException {
        LabelIndex index = index("\uFEFFpath,label\r\na.jpg,1\r\nb.jpg,2\r\n", Map.of());
        assertEquals("b.jpg", index.path(1));
        assertEquals(2, index.label(1, 0));
    }

    @Test
    public void everyColumnButThePathIsALabelByDefaultInHeaderOrder() throws IOException {
        LabelIndex index = index("species,path,pose\n3,a.jpg,7\n", Map.of());
        assertEquals("a.jpg", index.path(0));
        assertArrayEquals(new long[] {3, 7}, index.labels(0));
    }

    @Test
    public void namedColumnsAndADelimiterAreHonoured() throws IOException {
        LabelIndex index = index("id;file;pose;species\n9;\"a;b.jpg\";1;2\n",
                Map.of("path_column", "file", "label_columns", List.of("species", "pose"), "delimiter", ";"));
        assertEquals("a;b.jpg", index.path(0));
        assertArrayEquals(new long[] {2, 1}, index.labels(0));
    }

    @Test
    public void aSingleLabelColumnMayBeGivenAsAName() throws IOException {
        LabelIndex index = index("path,a,b\nx.jpg,1,2\n", Map.of("label_columns", "b"));
        assertArrayEquals(new long[] {2}, index.labels(0));
    }

    @Test
    public void labelsMayHaveSpacesAroundThem() throws IOException {
        assertArrayEquals(new long[] {3, -4}, index("path, a, b\nx.jpg, 3 , -4\n", Map.of()).labels(0));
    }

    @Test
    public void aMissingPathColumnListsTheHeaderColumns() throws IOException {
        assertEquals(dir.resolve("train.csv") + ":1: no column 'path' in the header; its columns are: 'file', 'label'",
                failure("file,label\na.jpg,1\n", Map.of()));
    }

    @Test
    public void aMissingLabelColumnListsTheHeaderColumns() throws IOException {
        assertEquals(dir.resolve("train.csv") + ":1: no column 'class' in the header; its columns are: 'path', 'label'",
                failure("path,label\na.jpg,1\n", Map.of("label_columns", List.of("class"))));
    }

    @Test
    public void thePathColumnCannotAlsoBeALabelColumn() throws IOException {
        assertEquals(dir.resolve("train.csv") + ":1: column 'path' cannot be both the path column and a label column",
                failure("path,label\na.jpg,1\n", Map.of("label_columns", List.of("path"))));
    }

    @Test
    public void anAmbiguousColumnIsAnError() throws IOException {
        assertEquals(dir.resolve("train.csv") + ":1: column 'path' appears more than once in the header: 'path', "
                + "'label', 'path'", failure("path,label,path\na.jpg,1,b\n", Map.of()));
    }

    @Test
    public void aWrongFieldCountIsAProblemWithFileAndLine() throws IOException {
        assertEquals(dir.resolve("train.csv") + ":3: expected 2 fields as in the header, found 3: 'b.jpg,1,2'",
                failure("path,label\na.jpg,1\nb.jpg,1,2\n", Map.of()));
    }

    @Test
    public void anEmptyLabelIsAProblemNamingItsColumn() throws IOException {
        assertEquals(dir.resolve("train.csv") + ":2: empty label in column 'label': 'a.jpg,'",
                failure("path,label\na.jpg,\n", Map.of()));
    }

    @Test
    public void anEmptyPathIsAProblem() throws IOException {
        assertEquals(dir.resolve("train.csv") + ":2: empty path in column 'path': ',1'",
                failure("path,label\n,1\n", Map.of()));
    }

    @Test
    public void aStrayOrUnclosedQuoteIsAProblem() throws IOException {
        String file = dir.resolve("train.csv").toString();
        assertEquals(file + ":2: text after the closing quote of a field: '\"a\"b.jpg,1'\n"
                        + file + ":3: a quoted field is not closed before the end of the file: '\"c.jpg,1\\n'",
                failure("path,label\n\"a\"b.jpg,1\n\"c.jpg,1\n", Map.of()));
    }

    @Test
    public void readingGoesOnAfterARowWithTextAfterAClosingQuote() throws IOException {
        List<String> seen = new ArrayList<>();
        format(Map.of()).read(write("path,label\r\n\"a\"b.jpg,1\r\nc.jpg,2\r\n\"d\" e.jpg,3\r\n\"f.jpg\",4\r\n"),
                new LabelSink() {
                    @Override
                    public void entry(String path, long[] labels, long line) {
                        seen.add(line + " " + path + " " + Arrays.toString(labels));
                    }

                    @Override
                    public void problem(long line, String text, String reason) {
                        seen.add(line + " problem: " + reason + ": " + text);
                    }
                });
        assertEquals(List.of("2 problem: text after the closing quote of a field: \"a\"b.jpg,1", "3 c.jpg [2]",
                "4 problem: text after the closing quote of a field: \"d\" e.jpg,3", "5 f.jpg [4]"), seen);
    }

    @Test
    public void aHugeFieldIsRefusedWithItsLineWithoutHoldingIt() throws IOException {
        String huge = "\"" + "x".repeat(CsvText.MAX_KEPT + 1000) + "\",1\n";
        assertEquals(dir.resolve("train.csv") + ":3: a line or quoted field of more than " + CsvText.MAX_KEPT
                + " characters; a label file's rows are short", failure("path,label\na.jpg,1\n" + huge, Map.of()));
    }

    @Test
    public void blankLinesAreSkipped() throws IOException {
        assertEquals(2, index("path,label\na.jpg,1\n\nb.jpg,2\n\n", Map.of()).size());
    }

    @Test
    public void anEmptyFileHasNoHeaderAndSaysSo() throws IOException {
        assertEquals(dir.resolve("train.csv") + ": no header row; a CSV label file starts with a row naming its "
                + "columns, e.g. 'path,label'", failure("", Map.of()));
    }

    @Test
    public void aHeaderWithoutRowsHasNoEntries() throws IOException {
        assertEquals(dir.resolve("train.csv") + ": no entries; a label source must list at least one image",
                failure("path,label\n", Map.of()));
    }

    @Test
    public void textThatIsNotUtf8IsAProblemOnItsOwnLine() throws IOException {
        Path file = dir.resolve("train.csv");
        byte[] text = "path,label\na.jpg,1\r\nb\u00e9.jpg,2\nc\u00e9.jpg,3\n".getBytes(StandardCharsets.UTF_8);
        text[text.length - 9] = (byte) 0xFF; // the first byte of the second e-acute
        Files.write(file, text);
        LabelFormatException e = assertThrows(LabelFormatException.class,
                () -> LabelIndex.read(format(Map.of()), file, dir));
        assertEquals(file + ":4: not valid UTF-8 text: 'c\ufffd\ufffd.jpg,3'", e.getMessage());
    }

    @Test
    public void aDelimiterMustBeOneCharacterOtherThanAQuote() {
        OptionsException e = assertThrows(OptionsException.class, () -> format(Map.of("delimiter", "\"")));
        assertEquals("label_format.delimiter: must be one character other than a quote or a line break, was '\"'",
                e.getMessage());
        assertThrows(OptionsException.class, () -> format(Map.of("delimiter", ";;")));
    }

    @Test
    public void labelColumnsMustNameColumns() {
        assertEquals("label_format.label_columns[1]",
                assertThrows(OptionsException.class, () -> format(Map.of("label_columns", List.of("a", List.of()))))
                        .keyPath());
        assertEquals("label_format.label_columns",
                assertThrows(OptionsException.class, () -> format(Map.of("label_columns", List.of()))).keyPath());
    }
}
