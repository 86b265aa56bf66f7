package dev.sluice.core.wiring;

import dev.sluice.core.yaml.BoundedYaml;
import dev.sluice.core.yaml.YamlLimitException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Applies command-line overrides, {@code loader.num_workers=4} or {@code transforms[0].resize.size=224},
 * to a configuration tree. The value is read as YAML, so {@code 4} is a number, {@code true} a
 * boolean and {@code [1, 2]} a list.
 */
final class Overrides {
    private Overrides() {
    }

    static void apply(ConfigTree tree, List<String> overrides) {
        LoadSettings settings = LoadSettings.builder().setLabel("--set").setSchema(new CoreSchema()).build();
        for (String override : overrides) {
            int equals = override.indexOf('=');
            if (equals <= 0) {
                throw new ConfigException("--set", "", "'" + override + "' is not KEY=VALUE, e.g. loader.num_workers=4", 0,
                        null);
            }
            String path = override.substring(0, equals).trim();
            Object value;
            try {
                value = BoundedYaml.load(override.substring(equals + 1), settings);
            } catch (YamlEngineException e) {
                throw new ConfigException("--set", path, "the value is not valid YAML: " + e.getMessage(), 0, e);
            } catch (YamlLimitException e) {
                throw new ConfigException("--set", path, "the value is not read: " + e.getMessage(), 0, e);
            }
            set(tree, path, value);
        }
    }

    @SuppressWarnings("unchecked")
    private static void set(ConfigTree tree, String path, Object value) {
        List<Object> steps = steps(path);
        Object container = tree.root();
        for (int i = 0; i < steps.size(); i++) {
            Object step = steps.get(i);
            boolean last = i == steps.size() - 1;
            if (step instanceof String key) {
                if (!(container instanceof Map<?, ?>)) {
                    throw new ConfigException("--set", path, "'" + key + "' is not inside a map here", 0, null);
                }
                Map<String, Object> map = (Map<String, Object>) container;
                if (last) {
                    map.put(key, value);
                } else {
                    boolean listNext = steps.get(i + 1) instanceof Integer;
                    container = map.computeIfAbsent(key, k -> listNext ? new ArrayList<>() : new LinkedHashMap<>());
                }
            } else {
                int index = (Integer) step;
                if (!(container instanceof List<?> list) || index >= list.size()) {
                    throw new ConfigException("--set", path, "there is no list item [" + index + "] to set", 0, null);
                }
                if (last) {
                    ((List<Object>) container).set(index, value);
                } else {
                    container = list.get(index);
                }
            }
        }
        tree.markOverridden(path);
    }

    /** {@code "a.b[2].c"} as {@code ["a", "b", 2, "c"]}. */
    private static List<Object> steps(String path) {
        List<Object> steps = new ArrayList<>();
        for (String part : path.split("\\.", -1)) {
            int bracket = part.indexOf('[');
            String key = bracket < 0 ? part : part.substring(0, bracket);
            if (key.isEmpty() && bracket != 0) {
                throw new ConfigException("--set", path, "empty key in the path", 0, null);
            }
            if (!key.isEmpty()) {
                steps.add(key);
            }
            while (bracket >= 0) {
                int close = part.indexOf(']', bracket);
                if (close < 0) {
                    throw new ConfigException("--set", path, "unclosed '[' in the path", 0, null);
                }
                String index = part.substring(bracket + 1, close);
                int number;
                try {
                    number = Integer.parseInt(index);
                } catch (NumberFormatException e) {
                    throw new ConfigException("--set", path, "'" + index + "' is not a list index", 0, e);
                }
                if (number < 0) {
                    throw new ConfigException("--set", path, "[" + index + "] is not a list index: items count from "
                            + "[0], and there is no counting from the end", 0, null);
                }
                steps.add(number);
                bracket = part.indexOf('[', close);
            }
        }
        return steps;
    }
}
