package dev.sluice.core.label;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sluice.api.LabelSink;
import dev.sluice.api.Options;
import dev.sluice.api.contract.LabelFormatContract;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JsonLabelFormatTest extends LabelFormatContract {

    @Override
    protected String providerId() {
        return "json";
    }

    @Override
    protected WrittenSource writeSource(Path dir, List<Entry> entries) throws IOException {
        StringBuilder text = new StringBuilder("\n");
        List<Long> lines = new ArrayList<>();
        long line = 2;
        for (Entry entry : entries) {
            text.append("{\"path\": \"").append(entry.path()).append("\", \"label\": ").append(entry.labels())
                    .append(", \"note\": \"ignored\"}\n");
            lines.add(line++);
        }
        Path file = dir.resolve("train.jsonl");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return new WrittenSource(file, lines);
    }

    @Override
    protected InvalidSource writeInvalidSource(Path dir) throws IOException {
        Path file = dir.resolve("bad.jsonl");
        Files.writeString(file, String.join("\n",
                "{\"path\": \"a.jpg\", \"label\": 1}",
                "{\"path\": \"b.jpg\"}",
                "{\"path\": \"c.jpg\", \"label\": \"x7\"}",
                "[1, 2]",
                "{\"path\": \"e.jpg\", \"label\": 1.5}",
                "{\"path\": \"f.jpg\", \"label\": [4]}",
                "{not json"), StandardCharsets.UTF_8);
        return new InvalidSource(file, List.of(2L, 3L, 4L, 5L, 7L), List.of(Entry.of("a.jpg", 1), Entry.of("f.jpg", 4)));
    }

    @Override
    protected Optional<byte[]> memberHolding(long... labels) {
        return Optional.of(("{\"label\": " + Arrays.toString(labels) + ", \"caption\": \"a cat\"}")
                .getBytes(StandardCharsets.UTF_8));
    }

    @Override
    protected Optional<byte[]> invalidMember() {
        return Optional.of("{\"label\": 99999999999999999999}".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theKeyHoldingTheLabelsIsAnOptionAndProblemsSayWhatIsWrong() throws IOException {
        List<String> read = new ArrayList<>();
        LabelSink sink = new LabelSink() {
            @Override
            public void entry(String path, long[] labels, long line) {
                read.add(path + " " + Arrays.toString(labels));
            }

            @Override
            public void problem(long line, String text, String reason) {
                read.add("problem: " + reason);
            }
        };
        var format = new JsonLabelFormatProvider().create(Options.of("dataset", Map.of("key", "cls")));
        format.readMember("1.json", bytes("{\"cls\": 7}"), sink);
        format.readMember("2.json", bytes("{\"label\": 7}"), sink);
        format.readMember("3.json", bytes("{\"cls\": null}"), sink);
        format.readMember("4.json", bytes("{\"cls\": 99999999999999999999}"), sink);
        format.readMember("5.json", bytes("{\"cls\": true}"), sink);
        assertEquals(List.of("1.json [7]", "problem: no \"cls\"", "problem: \"cls\" is null",
                "problem: label 99999999999999999999 is out of range: labels are 64-bit integers",
                "problem: label true is not an integer"), read);
    }

    /**
     * Issue 15, item 13: a JSON Lines label nested 100,000 deep overflowed the stack; now that line is
     * a problem saying so, with its line number, and the lines around it are read.
     */
    @Test
    void aLabelNestedAHundredThousandDeepIsAProblemOfItsLine(@org.junit.jupiter.api.io.TempDir Path dir)
            throws IOException {
        Path file = Files.writeString(dir.resolve("deep.jsonl"), "{\"path\": \"a.jpg\", \"label\": 1}\n"
                + "{\"path\": \"b.jpg\", \"label\": " + "[".repeat(100_000) + "]".repeat(100_000) + "}\n"
                + "{\"path\": \"c.jpg\", \"label\": 3}\n", StandardCharsets.UTF_8);
        List<String> read = readByLine(file);
        assertEquals(List.of("1: a.jpg [1]", "2: problem: not read: collections are nested more than 100 deep; the "
                + "most read is 100", "3: c.jpg [3]"), read);
    }

    /** Found by LabelFormatsFuzzTest: snakeyaml-engine threw a bare NumberFormatException for these lines. */
    @Test
    void aLineEndingInsideAHexadecimalEscapeIsAProblemOfItsLine(@org.junit.jupiter.api.io.TempDir Path dir)
            throws IOException {
        Path file = Files.writeString(dir.resolve("cut.jsonl"), "{\"path\": \"a.jpg\", \"label\": 1}\n"
                + "{\"path\": \"b.jpg\", \"note\": \"\\u\n{\"path\": \"\\x\n{\"path\": \"c.jpg\", \"label\": 3}\n",
                StandardCharsets.UTF_8);
        List<String> read = readByLine(file);
        String cut = "problem: not valid JSON: the text ends inside a quoted string's \\x, \\u or \\U escape, before its "
                + "hexadecimal digits";
        assertEquals(List.of("1: a.jpg [1]", "2: " + cut, "3: " + cut, "4: c.jpg [3]"), read);
    }

    /** Each entry and problem of {@code file}, with its line number. */
    private static List<String> readByLine(Path file) throws IOException {
        List<String> read = new ArrayList<>();
        new JsonLabelFormatProvider().create(Options.empty()).read(file, new LabelSink() {
            @Override
            public void entry(String path, long[] labels, long line) {
                read.add(line + ": " + path + " " + Arrays.toString(labels));
            }

            @Override
            public void problem(long line, String text, String reason) {
                read.add(line + ": problem: " + reason);
            }
        });
        return read;
    }

    private static ByteBuffer bytes(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    }
}
