package com.example.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sluice.api.LabelSink;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever paths and labels a JSON writer puts on a line, the format reads them back. */
class JsonlPropertiesTest {

    record Line(String path, long[] labels) {
        String text() {
            return path + " " + Arrays.toString(labels);
        }
    }

    @Provide
    Arbitrary<List<Line>> lines() {
        Arbitrary<String> paths = Arbitraries.strings().all().ofMinLength(1).ofMaxLength(30)
                .filter(JsonlPropertiesTest::isWellFormedUnicode);
        Arbitrary<long[]> labels = Arbitraries.longs().array(long[].class).ofMaxSize(5);
        return Combinators.combine(paths, labels).as(Line::new).list().ofMaxSize(20);
    }

    // UTF-8 cannot hold a lone surrogate, so neither can a JSON Lines file.
    private static boolean isWellFormedUnicode(String text) {
        return text.codePoints().noneMatch(c -> Character.isSurrogate((char) c) && c <= Character.MAX_VALUE);
    }

    @Property(tries = 200)
    void writtenLinesAreReadBackInOrder(@ForAll("lines") List<Line> lines, @ForAll boolean asciiOnly)
            throws IOException {
        StringBuilder file = new StringBuilder();
        List<String> expected = new ArrayList<>();
        for (Line line : lines) {
            StringBuilder labels = new StringBuilder("[");
            for (int i = 0; i < line.labels().length; i++) {
                labels.append(i == 0 ? "" : ", ").append(line.labels()[i]);
            }
            file.append("{\"path\":").append(JsonText.quote(line.path(), asciiOnly)).append(",\"labels\":")
                    .append(labels).append("]}\n");
            expected.add(line.text());
        }
        Path source = Files.createTempFile("sluice-jsonl", ".jsonl");
        try {
            Files.writeString(source, file, StandardCharsets.UTF_8);
            List<String> read = new ArrayList<>();
            new JsonlLabelFormat().read(source, new LabelSink() {
                @Override
                public void entry(String path, long[] labels, long line) {
                    read.add(path + " " + Arrays.toString(labels));
                }

                @Override
                public void problem(long line, String text, String reason) {
                    read.add("problem on line " + line + ": " + reason);
                }
            });
            assertEquals(expected, read);
        } finally {
            Files.delete(source);
        }
    }
}
