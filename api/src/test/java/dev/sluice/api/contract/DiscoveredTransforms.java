package dev.sluice.api.contract;

import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;
import dev.sluice.api.spi.ConfiguredTransform;
import dev.sluice.api.spi.TransformLookup;
import dev.sluice.api.spi.TransformProvider;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * A {@link TransformLookup} for the tests of container transforms: the transform providers that
 * {@link ServiceLoader} finds on the test class path, looked up by id, so that a transform pack can
 * build nested steps in its tests without depending on core. Core's resolver is the one a running
 * loader uses; this one reads the same list shape (each entry an id, {@code - to_tensor}, or a map of
 * one id to its options, {@code - resize: {size: 256}}) and gives the same key paths
 * ({@code <list path>[i].<id>}), and refuses anything else with a short {@link OptionsException}
 * (the wording of core's errors is core's to test).
 *
 * <pre>{@code
 * class ComposeTest extends TransformContract<Object, Object> {
 *     protected TransformLookup lookup() { return DiscoveredTransforms.onClassPath(); }
 * }
 * }</pre>
 */
public final class DiscoveredTransforms implements TransformLookup {
    private final Map<String, TransformProvider> providers;

    private DiscoveredTransforms(Map<String, TransformProvider> providers) {
        this.providers = providers;
    }

    /**
     * The transform providers registered on the class path of this class's loader.
     *
     * @throws IllegalStateException when two providers have the same id
     */
    public static DiscoveredTransforms onClassPath() {
        Map<String, TransformProvider> found = new TreeMap<>();
        for (TransformProvider provider : ServiceLoader.load(TransformProvider.class,
                DiscoveredTransforms.class.getClassLoader())) {
            TransformProvider before = found.put(provider.id(), provider);
            if (before != null) {
                throw new IllegalStateException("two transform providers have the id '" + provider.id() + "': "
                        + before.getClass().getName() + " and " + provider.getClass().getName());
            }
        }
        return new DiscoveredTransforms(found);
    }

    @Override
    public List<ConfiguredTransform> steps(Options options, String key) {
        if (!(options.raw(key) instanceof List<?> entries) || entries.isEmpty()) {
            throw new OptionsException(options.keyPath(key), "must be a non-empty list of transforms, was "
                    + options.raw(key));
        }
        List<ConfiguredTransform> steps = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            steps.add(step(options.keyPath(key) + "[" + i + "]", entries.get(i)));
        }
        return List.copyOf(steps);
    }

    private ConfiguredTransform step(String entryPath, Object entry) {
        String id;
        Map<String, Object> values = new LinkedHashMap<>();
        if (entry instanceof String word) {
            id = word;
        } else if (entry instanceof Map<?, ?> map && map.size() == 1
                && map.values().iterator().next() instanceof Map<?, ?> nested) {
            id = String.valueOf(map.keySet().iterator().next());
            nested.forEach((name, value) -> values.put(String.valueOf(name), value));
        } else {
            throw new OptionsException(entryPath, "must be a transform id or a map of one id to its options, was " + entry);
        }
        String stepPath = entryPath + "." + id;
        TransformProvider provider = providers.get(id);
        if (provider == null) {
            throw new OptionsException(stepPath, "no transform with this id on the class path; found: " + providers.keySet());
        }
        return new ConfiguredTransform(id, stepPath, provider.create(Options.of(stepPath, values), this));
    }
}
