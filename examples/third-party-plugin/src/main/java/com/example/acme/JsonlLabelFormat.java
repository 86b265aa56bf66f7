package com.example.acme;

import dev.sluice.api.LabelFormat;
import dev.sluice.api.LabelSink;
import dev.sluice.api.spi.RegularFiles;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Reads JSON Lines label files: each non-blank line one object with {@code "path"} and
 * {@code "labels"}. A line that is not such an object is reported to the sink with the reason, and
 * reading goes on.
 */
final class JsonlLabelFormat implements LabelFormat {

    @Override
    public void read(Path source, LabelSink sink) throws IOException {
        try (InputStream in = new BufferedInputStream(RegularFiles.newInputStream(source))) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            long number = 1;
            int b;
            while ((b = in.read()) >= 0) {
                if (b == '\n') {
                    parse(line.toByteArray(), number++, sink);
                    line.reset();
                } else {
                    line.write(b);
                }
            }
            if (line.size() > 0) {
                parse(line.toByteArray(), number, sink);
            }
        }
    }

    private static void parse(byte[] bytes, long number, LabelSink sink) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            sink.problem(number, new String(bytes, StandardCharsets.UTF_8), "not UTF-8 text");
            return;
        }
        if (number == 1 && text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.endsWith("\r")) {
            text = text.substring(0, text.length() - 1);
        }
        if (text.isBlank()) {
            return;
        }
        Object value;
        try {
            value = new JsonReader(text).readDocument();
        } catch (JsonSyntaxException e) {
            sink.problem(number, text, e.getMessage());
            return;
        }
        if (!(value instanceof Map<?, ?> object)) {
            sink.problem(number, text, "each line must be a JSON object with \"path\" and \"labels\"");
            return;
        }
        if (!(object.get("path") instanceof String path) || path.isEmpty()) {
            sink.problem(number, text, "\"path\" must be a non-empty string, was " + JsonReader.describe(object.get("path")));
            return;
        }
        if (!(object.get("labels") instanceof List<?> list)) {
            sink.problem(number, text, "\"labels\" must be an array of integers, was "
                    + JsonReader.describe(object.get("labels")));
            return;
        }
        long[] labels = new long[list.size()];
        for (int i = 0; i < labels.length; i++) {
            if (!(list.get(i) instanceof Long label)) {
                sink.problem(number, text, "label " + i + " must be an integer, was " + JsonReader.describe(list.get(i)));
                return;
            }
            labels[i] = label;
        }
        sink.entry(path, labels, number);
    }
}
