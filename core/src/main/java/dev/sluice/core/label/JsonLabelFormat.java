package dev.sluice.core.label;

import dev.sluice.api.LabelFormat;
import dev.sluice.api.LabelSink;
import dev.sluice.api.spi.RegularFiles;
import dev.sluice.core.yaml.BoundedYaml;
import dev.sluice.core.yaml.YamlLimitException;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.schema.JsonSchema;

/**
 * Labels as JSON objects: a shard member {@code 000123.json} holding {@code {"label": 3}} (or a list,
 * {@code {"label": [3, 7]}}, for several labels; other keys are ignored), and a label file in JSON
 * Lines, one {@code {"path": "cats/1.jpg", "label": 3}} object per line (blank lines skipped). The
 * key holding the labels is an option. JSON is read with snakeyaml-engine's JSON schema.
 */
final class JsonLabelFormat implements LabelFormat {
    static final String ID = "json";
    private static final LoadSettings SETTINGS = LoadSettings.builder().setSchema(new JsonSchema())
            .setAllowDuplicateKeys(false).setLabel("json").build();

    private final String key;

    JsonLabelFormat(String key) {
        this.key = key;
    }

    @Override
    public void read(Path source, LabelSink sink) throws IOException {
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (InputStream in = new BufferedInputStream(RegularFiles.newInputStream(source), 1 << 16)) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            long number = 0;
            for (int b = in.read(); ; b = in.read()) {
                if (b != '\n' && b != -1) {
                    line.write(b);
                    continue;
                }
                if (b == -1 && line.size() == 0) {
                    return;
                }
                number++;
                readLine(line.toByteArray(), number, utf8, sink);
                line.reset();
                if (b == -1) {
                    return;
                }
            }
        }
    }

    /** One line's bytes: a bad UTF-8 sequence is that line's problem, and reading goes on. */
    private void readLine(byte[] bytes, long number, CharsetDecoder utf8, LabelSink sink) {
        String text;
        try {
            text = utf8.decode(ByteBuffer.wrap(bytes)).toString();
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
        if (!text.isBlank()) {
            readObject(text, null, number, sink);
        }
    }

    @Override
    public void readMember(String name, ByteBuffer bytes, LabelSink sink) {
        byte[] content = new byte[bytes.remaining()];
        bytes.duplicate().get(content);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            sink.problem(0, new String(content, StandardCharsets.UTF_8), "not UTF-8 text");
            return;
        }
        readObject(text.startsWith("\uFEFF") ? text.substring(1) : text, name, 0, sink);
    }

    /** @param path the entry's path, or null to take it from the object's "path" key */
    private void readObject(String text, String path, long line, LabelSink sink) {
        Object value;
        try {
            value = BoundedYaml.load(text, SETTINGS);
        } catch (YamlEngineException e) {
            sink.problem(line, text, "not valid JSON: " + firstLine(e.getMessage()));
            return;
        } catch (YamlLimitException e) {
            sink.problem(line, text, "not read: " + e.getMessage());
            return;
        }
        if (!(value instanceof Map<?, ?> object)) {
            sink.problem(line, text, "not a JSON object");
            return;
        }
        String entryPath = path;
        if (entryPath == null) {
            Object named = object.get("path");
            if (!(named instanceof String string) || string.isEmpty()) {
                sink.problem(line, text, named == null ? "no \"path\"" : "\"path\" is not a non-empty string");
                return;
            }
            entryPath = string;
        }
        Object labels = object.get(key);
        if (labels == null) {
            sink.problem(line, text, object.containsKey(key) ? "\"" + key + "\" is null" : "no \"" + key + "\"");
            return;
        }
        List<?> list = labels instanceof List<?> many ? many : List.of(labels);
        long[] out = new long[list.size()];
        for (int i = 0; i < out.length; i++) {
            Object label = list.get(i);
            if (label instanceof Integer || label instanceof Long) {
                out[i] = ((Number) label).longValue();
            } else if (label instanceof BigInteger) {
                sink.problem(line, text, "label " + label + " is out of range: labels are 64-bit integers");
                return;
            } else {
                String shown = label instanceof String named ? "'" + ProblemLog.shorten(named) + "'" : String.valueOf(label);
                sink.problem(line, text, "label " + shown + " is not an integer");
                return;
            }
        }
        sink.entry(entryPath, out, line);
    }

    private static String firstLine(String message) {
        int newline = message == null ? -1 : message.indexOf('\n');
        return newline < 0 ? String.valueOf(message) : message.substring(0, newline);
    }
}
