package dev.sluice.plugins.transforms;

import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;
import dev.sluice.api.Suggestions;
import dev.sluice.api.Transform;
import dev.sluice.api.spi.TransformProvider;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * Builds the nested steps of {@code compose}, {@code random_apply}, {@code random_choice} and
 * {@code random_order} from their {@code transforms} list, finding each step's provider by id with
 * {@link ServiceLoader} on the thread's context class loader, as core finds the top-level ones, so
 * that third-party transforms can be nested too.
 *
 * <p>Each list entry is an id ({@code - to_tensor}) or a map of one id to its options
 * ({@code - resize: {size: 256}}); the step's options get the key path
 * {@code <list path>[i].<id>}.
 */
final class TransformCatalog {
    private TransformCatalog() {
    }

    /** One configured step: the transform and where it was configured, for messages. */
    record Step(Transform<?, ?> transform, String id, String keyPath) {
    }

    /**
     * The steps of the list under {@code key}.
     *
     * @throws OptionsException naming the entry's key path when the list is missing or empty, an entry
     *         is malformed, an id is unknown (with the known ids and a suggestion) or registered twice,
     *         or a step's own options are wrong
     */
    static List<Step> steps(Options options, String key) {
        List<Object> entries = Parameters.list(options, key);
        if (entries.isEmpty()) {
            throw new OptionsException(options.keyPath(key), "must hold at least one transform");
        }
        Found found = providers();
        Map<String, List<TransformProvider>> providers = found.byId();
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            String entryPath = options.keyPath(key) + "[" + i + "]";
            Object entry = entries.get(i);
            String id;
            Map<String, Object> values = new TreeMap<>();
            if (entry instanceof String word) {
                id = word;
            } else if (entry instanceof Map<?, ?> map && map.size() == 1) {
                Map.Entry<?, ?> only = map.entrySet().iterator().next();
                id = String.valueOf(only.getKey());
                if (only.getValue() instanceof Map<?, ?> nested) {
                    nested.forEach((k, v) -> values.put(String.valueOf(k), v));
                } else if (only.getValue() != null) {
                    throw new OptionsException(entryPath + "." + id, "must be a map of options, was "
                            + Parameters.describe(only.getValue()));
                }
            } else {
                throw new OptionsException(entryPath, "must be a transform id or a map of one id to its options, was "
                        + Parameters.describe(entry));
            }
            String stepPath = entryPath + "." + id;
            List<TransformProvider> matches = providers.get(id);
            if (matches == null) {
                String suggestion = Suggestions.closest(id, providers.keySet()).map(s -> " Did you mean '" + s + "'?").orElse("");
                String broken = found.failures().isEmpty() ? "" : " (providers that failed to load: "
                        + String.join("; ", found.failures()) + ")";
                throw new OptionsException(stepPath, "no transform with this id; known: "
                        + String.join(", ", providers.keySet()) + "." + suggestion + broken);
            }
            if (matches.size() > 1) {
                StringBuilder classes = new StringBuilder();
                for (TransformProvider provider : matches) {
                    classes.append(classes.length() == 0 ? "" : " and ").append(provider.getClass().getName());
                }
                throw new OptionsException(stepPath, "the transform id '" + id + "' is registered twice, by " + classes
                        + "; remove one of the jars");
            }
            Transform<?, ?> transform = matches.get(0).create(Options.of(stepPath, values));
            if (transform == null) {
                throw new OptionsException(stepPath, "the provider " + matches.get(0).getClass().getName()
                        + " returned no transform");
            }
            steps.add(new Step(transform, id, stepPath));
        }
        return steps;
    }

    /** Providers by id, and the errors of those that failed to load (mentioned when an id is not found). */
    private record Found(Map<String, List<TransformProvider>> byId, List<String> failures) {
    }

    private static Found providers() {
        Map<String, List<TransformProvider>> byId = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        Iterator<TransformProvider> iterator = ServiceLoader.load(TransformProvider.class).iterator();
        while (true) {
            try {
                if (!iterator.hasNext()) {
                    break;
                }
                TransformProvider provider = iterator.next();
                byId.computeIfAbsent(provider.id(), k -> new ArrayList<>()).add(provider);
            } catch (ServiceConfigurationError e) {
                failures.add(e.getMessage());
            }
        }
        return new Found(byId, failures);
    }
}
