package dev.sluice.core.wiring;

import dev.sluice.api.spi.MessageValues;
import dev.sluice.api.spi.RegularFiles;
import dev.sluice.core.yaml.BoundedYaml;
import dev.sluice.core.yaml.YamlLimitException;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.constructor.StandardConstructor;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Reads YAML (1.2, core schema) into a {@link ConfigTree}, keeping the line of every key path, so
 * that a problem found later can say where it was written. Duplicate keys are an error.
 */
final class YamlReader {
    private YamlReader() {
    }

    static ConfigTree read(Path file) {
        String name = file.toString();
        String text;
        try {
            // Checked before opening: a configuration that is a FIFO or /dev/zero would hang or fill the heap.
            RegularFiles.requireRegular(file);
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException(name, "", "no such file (tried " + file.toAbsolutePath() + ")", 0, e);
        } catch (MalformedInputException e) {
            throw new ConfigException(name, "", "not UTF-8 text", 0, e);
        } catch (IOException e) {
            String why = Files.isDirectory(file) ? "is a folder, not a configuration file"
                    : e instanceof FileSystemException ? MessageValues.reason(e) : "cannot be read: " + MessageValues.reason(e);
            throw new ConfigException(name, "", why, 0, e);
        }
        Path parent = file.toAbsolutePath().getParent();
        return parse(text, name, parent == null ? Path.of("").toAbsolutePath() : parent);
    }

    static ConfigTree parse(String text, String source, Path baseDir) {
        LoadSettings settings = LoadSettings.builder().setLabel(source).setSchema(new CoreSchema())
                .setAllowDuplicateKeys(true).build();
        Optional<Node> document;
        try {
            document = BoundedYaml.compose(text.startsWith("\uFEFF") ? text.substring(1) : text, settings);
        } catch (YamlLimitException e) {
            throw new ConfigException(source, "", "not read: " + e.getMessage(), e.line(), e);
        } catch (MarkedYamlEngineException e) {
            int line = e.getProblemMark().map(mark -> mark.getLine() + 1).orElse(0);
            throw new ConfigException(source, "", "not valid YAML: " + e.getProblem(), line, e);
        } catch (YamlEngineException e) {
            throw new ConfigException(source, "", "not valid YAML: " + e.getMessage(), 0, e);
        }
        Map<String, Integer> lines = new LinkedHashMap<>();
        if (document.isEmpty()) {
            return new ConfigTree(source, baseDir, new LinkedHashMap<>(), lines);
        }
        Node top = document.get();
        if (!(top instanceof MappingNode)) {
            throw new ConfigException(source, "", "the top level must be a map of sections (dataset, decoder, "
                    + "transforms, loader)", line(top), null);
        }
        Builder builder = new Builder(source, settings, lines);
        @SuppressWarnings("unchecked")
        Map<String, Object> root = (Map<String, Object>) builder.value(top, "");
        return new ConfigTree(source, baseDir, root, lines);
    }

    static int line(Node node) {
        return node.getStartMark().map(Mark::getLine).map(line -> line + 1).orElse(0);
    }

    /** Turns nodes into maps, lists and scalars, recording each key path's line. */
    private static final class Builder {
        private final String source;
        private final StandardConstructor constructor;
        private final Map<String, Integer> lines;

        Builder(String source, LoadSettings settings, Map<String, Integer> lines) {
            this.source = source;
            this.constructor = new StandardConstructor(settings);
            this.lines = lines;
        }

        Object value(Node node, String path) {
            if (node instanceof MappingNode mapping) {
                Map<String, Object> map = new LinkedHashMap<>();
                for (NodeTuple entry : mapping.getValue()) {
                    if (!(entry.getKeyNode() instanceof ScalarNode key)) {
                        throw new ConfigException(source, path, "keys must be plain words", line(entry.getKeyNode()), null);
                    }
                    String name = key.getValue();
                    String childPath = path.isEmpty() ? name : path + "." + name;
                    if (map.containsKey(name)) {
                        throw new ConfigException(source, childPath, "appears twice (first at line " + lines.get(childPath)
                                + ")", line(key), null);
                    }
                    lines.put(childPath, line(key));
                    map.put(name, value(entry.getValueNode(), childPath));
                }
                return map;
            }
            if (node instanceof SequenceNode sequence) {
                List<Object> list = new ArrayList<>();
                for (Node item : sequence.getValue()) {
                    String childPath = path + "[" + list.size() + "]";
                    lines.put(childPath, line(item));
                    list.add(value(item, childPath));
                }
                return list;
            }
            try {
                return constructor.constructSingleDocument(Optional.of(node));
            } catch (YamlEngineException e) {
                throw new ConfigException(source, path, "cannot read value: " + e.getMessage(), line(node), e);
            }
        }
    }
}
