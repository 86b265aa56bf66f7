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
import java.nio.file.Path;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;

/**
 * Reads JSON Lines label files: each non-blank line one object with {@code "path"} and
 * {@code "labels"}. Each line is read by Jackson's streaming parser; a line that is not such an
 * object is reported to the sink with the reason (for a syntax error, the column and Jackson's own
 * words), and reading goes on.
 */
final class JsonlLabelFormat implements LabelFormat {
    /** Strict: a member named twice is an error, not a silent choice of one of them. */
    private static final JsonFactory JSON = JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

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
        try (JsonParser json = JSON.createParser(ObjectReadContext.empty(), text)) {
            Line line = Line.read(json);
            if (json.nextToken() != null) {
                sink.problem(number, text, "column " + json.currentTokenLocation().getColumnNr() + ": unexpected '"
                        + json.getString() + "' after the value");
            } else if (line.problem() != null) {
                sink.problem(number, text, line.problem());
            } else {
                sink.entry(line.path(), line.labels(), number);
            }
        } catch (JacksonException e) {
            sink.problem(number, text, "column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        }
    }
}
