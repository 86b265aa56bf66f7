package com.example.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sluice.api.LabelSink;
import dev.sluice.api.contract.LabelFormatContract;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The JSON Lines format keeps the label-format contract; its own rules are tested by their text (syntax
 * errors in Jackson's words, with the column Jackson found them at).
 */
class AcmeJsonlLabelFormatTest extends LabelFormatContract {

    @Override
    protected String providerId() {
        return "acme-jsonl";
    }

    @Override
    protected WrittenSource writeSource(Path dir, List<Entry> entries) throws IOException {
        StringBuilder text = new StringBuilder();
        List<Long> lines = new ArrayList<>();
        long line = 1;
        for (Entry entry : entries) {
            text.append("{\"path\": ").append(JsonText.quote(entry.path(), line % 2 == 0)).append(", \"labels\": ")
                    .append(entry.labels()).append("}\n");
            lines.add(line++);
            // A blank line between entries, to be skipped.
            text.append('\n');
            line++;
        }
        return new WrittenSource(Files.writeString(dir.resolve("train.jsonl"), text, StandardCharsets.UTF_8), lines);
    }

    @Override
    protected InvalidSource writeInvalidSource(Path dir) throws IOException {
        Path file = dir.resolve("bad.jsonl");
        Files.writeString(file, String.join("\n",
                "{\"path\": \"a.jpg\", \"labels\": [1]}",
                "{\"path\": \"b.jpg\", \"labels\": [1, \"two\"]}",
                "{\"path\": \"c.jpg\" \"labels\": [3]}",
                "[\"d.jpg\", 4]",
                "{\"path\": \"e.jpg\", \"labels\": [5], \"camera\": {\"id\": 2, \"ok\": true, \"gain\": null}}",
                ""), StandardCharsets.UTF_8);
        return new InvalidSource(file, List.of(2L, 3L, 4L), List.of(Entry.of("a.jpg", 1), Entry.of("e.jpg", 5)));
    }

    private List<String> read(String text) throws IOException {
        return read(text.getBytes(StandardCharsets.UTF_8));
    }

    private List<String> read(byte[] bytes) throws IOException {
        Path file = Files.write(dir.resolve("labels.jsonl"), bytes);
        List<String> seen = new ArrayList<>();
        createFormat().read(file, new LabelSink() {
            @Override
            public void entry(String path, long[] labels, long line) {
                seen.add(line + " " + path + " " + Arrays.toString(labels));
            }

            @Override
            public void problem(long line, String text, String reason) {
                seen.add(line + " problem: " + reason);
            }
        });
        return seen;
    }

    @Test
    void escapesInPathsAreDecoded() throws IOException {
        assertEquals(List.of("1 dir/caf\u00e9 \"1\".jpg [7]"),
                read("{\"labels\":[7],\"path\":\"dir\\/caf\\u00e9 \\\"1\\\".jpg\"}\n"));
    }

    @Test
    void aByteOrderMarkAndWindowsLineEndsAreAccepted() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] text = "{\"path\": \"a.jpg\", \"labels\": [1]}\r\n{\"path\": \"b.jpg\", \"labels\": []}\r\n"
                .getBytes(StandardCharsets.UTF_8);
        byte[] file = Arrays.copyOf(bom, bom.length + text.length);
        System.arraycopy(text, 0, file, bom.length, text.length);
        assertEquals(List.of("1 a.jpg [1]", "2 b.jpg []"), read(file));
    }

    @Test
    void eachMistakeIsNamedWithItsColumn() throws IOException {
        assertEquals(List.of(
                "1 problem: column 14: Unexpected character ('\"' (code 34)): was expecting comma to separate Object entries",
                "2 problem: \"path\" must be a non-empty string, was missing",
                "3 problem: \"path\" must be a non-empty string, was \"\"",
                "4 problem: \"labels\" must be an array of integers, was 3",
                "5 problem: label 0 must be an integer, was 1.5",
                "6 problem: label 0 must be an integer, was 99999999999999999999",
                "7 problem: column 21: Duplicate Object property \"path\"",
                "8 problem: column 28: Unexpected close marker '}': no open Object to close",
                "9 problem: column 19: Unexpected end-of-input: was expecting closing quote for a string value",
                "10 problem: not UTF-8 text"),
                read(mistakes()));
    }

    // The lines of eachMistakeIsNamedWithItsColumn, the last one in ISO-8859-1, which is not UTF-8.
    private static byte[] mistakes() {
        String utf8 = String.join("\n",
                "{\"path\": \"a\" \"labels\": [1]}",
                "{\"labels\": [1]}",
                "{\"path\": \"\", \"labels\": [1]}",
                "{\"path\": \"a\", \"labels\": 3}",
                "{\"path\": \"a\", \"labels\": [1.5]}",
                "{\"path\": \"a\", \"labels\": [99999999999999999999]}",
                "{\"path\": \"a\", \"path\": \"b\", \"labels\": []}",
                "{\"path\": \"a\", \"labels\": []}}",
                "{\"path\": \"unclosed",
                "");
        byte[] head = utf8.getBytes(StandardCharsets.UTF_8);
        byte[] latin1 = "{\"path\": \"caf\u00e9.jpg\", \"labels\": [1]}".getBytes(StandardCharsets.ISO_8859_1);
        byte[] file = Arrays.copyOf(head, head.length + latin1.length);
        System.arraycopy(latin1, 0, file, head.length, latin1.length);
        return file;
    }
}
