package dev.sluice.core.plugin;

import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;
import dev.sluice.api.Suggestions;
import dev.sluice.api.Transform;
import dev.sluice.api.spi.ConfiguredTransform;
import dev.sluice.api.spi.TransformChainProvider;
import dev.sluice.api.spi.TransformLookup;
import dev.sluice.api.spi.TransformProvider;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * The one home of the transform-list grammar and of transform lookup: the configuration's top-level
 * {@code transforms} list and every container's nested list are read here, each id is found among
 * the registry's transform providers, and each step is built with this resolver as its
 * {@link TransformLookup}, so containers nest.
 *
 * <p>Each entry is an id ({@code - to_tensor}) or a map of one id to its options
 * ({@code - resize: {size: 256}}); the step's options get the key path {@code <list path>[i].<id>}.
 */
public final class TransformResolver implements TransformLookup {
    private final PluginRegistry plugins;

    /** Looks transforms up among {@code plugins}. */
    public TransformResolver(PluginRegistry plugins) {
        this.plugins = plugins;
    }

    /**
     * {@inheritDoc}
     *
     * @throws PluginException when the provider of an id is unavailable here (with its reason)
     */
    @Override
    public List<ConfiguredTransform> steps(Options options, String key) {
        List<ConfiguredTransform> steps = resolve(options, key);
        if (steps.isEmpty()) {
            throw new OptionsException(options.keyPath(key), "must hold at least one transform");
        }
        return steps;
    }

    /**
     * The pipeline that the list under {@code key} describes, for inputs of type {@code given} with
     * {@code channels} channels (empty when unknown) that {@code source} gives: checked end to end with
     * {@link ConfiguredTransform#requireChain} and {@link ConfiguredTransform#requireChannels}, then run
     * by the best {@link TransformChainProvider} (which may fuse steps), or one step after the other
     * when there is none. An absent or empty list gives the input back.
     *
     * @throws OptionsException naming the key path of the entry that is malformed, unknown, wrongly
     *         configured or does not fit the step before it (its type, or its channel count)
     * @throws PluginException when the provider of an id is unavailable here (with its reason)
     */
    public Transform<Object, Object> pipeline(Options options, String key, Class<?> given, OptionalInt channels,
            String source) {
        List<ConfiguredTransform> steps = options.has(key) ? resolve(options, key) : List.of();
        if (steps.isEmpty()) {
            return Transform.identity();
        }
        ConfiguredTransform.requireChain(steps, given, source);
        ConfiguredTransform.requireChannels(steps, channels, source);
        List<TransformChainProvider> chains = plugins.withCapability(PluginKind.TRANSFORM, TransformChainProvider.class);
        return chains.isEmpty() ? ConfiguredTransform.chain(steps) : chains.get(0).chain(steps);
    }

    /**
     * Refuses the list under {@code key} for samples with targets when one of its steps cannot carry
     * them ({@link Transform#carriesTargets()}), naming that step's key path.
     *
     * @param source what gives the targets, for the message ({@code "the label format 'coco'"})
     * @throws OptionsException at the key path of the first step that cannot carry targets
     */
    public void requireTargets(Options options, String key, String source) {
        ConfiguredTransform.requireTargets(options.has(key) ? resolve(options, key) : List.of(), source);
    }

    private List<ConfiguredTransform> resolve(Options options, String key) {
        Object value = options.raw(key);
        if (!(value instanceof List<?> entries)) {
            throw new OptionsException(options.keyPath(key), value == null ? "required option is missing"
                    : "must be a list of transforms, e.g. '- resize: {size: 256}', was " + describe(value));
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
        } else if (entry instanceof Map<?, ?> map && map.size() == 1) {
            Map.Entry<?, ?> only = map.entrySet().iterator().next();
            id = String.valueOf(only.getKey());
            if (only.getValue() instanceof Map<?, ?> nested) {
                for (Map.Entry<?, ?> option : nested.entrySet()) {
                    if (option.getValue() == null) {
                        throw new OptionsException(entryPath + "." + id + "." + option.getKey(), "has no value");
                    }
                    values.put(String.valueOf(option.getKey()), option.getValue());
                }
            } else if (only.getValue() != null) {
                throw new OptionsException(entryPath + "." + id, "must be a map of options, e.g. {size: 256}, was "
                        + describe(only.getValue()));
            }
        } else {
            throw new OptionsException(entryPath, "must be a transform id or a map of one id to its options, "
                    + "e.g. '- resize: {size: 256}', was " + describe(entry));
        }
        String stepPath = entryPath + "." + id;
        TransformProvider provider = provider(id, stepPath);
        Transform<?, ?> transform = provider.create(Options.of(stepPath, values), this);
        if (transform == null) {
            throw new OptionsException(stepPath, "the provider " + provider.getClass().getName() + " returned no transform");
        }
        return new ConfiguredTransform(id, stepPath, transform);
    }

    private TransformProvider provider(String id, String stepPath) {
        if (!plugins.has(PluginKind.TRANSFORM, id)) {
            List<String> known = plugins.plugins(PluginKind.TRANSFORM).stream().map(PluginInfo::id)
                    .collect(Collectors.toList());
            String suggestion = Suggestions.closest(id, known).map(s -> " Did you mean '" + s + "'?").orElse("");
            String broken = plugins.loadFailures().isEmpty() ? ""
                    : " (plugins that failed to load: " + String.join("; ", plugins.loadFailures()) + ")";
            throw new OptionsException(stepPath, "no transform with this id; known: " + String.join(", ", known) + "."
                    + suggestion + broken);
        }
        return plugins.require(PluginKind.TRANSFORM, TransformProvider.class, id, stepPath);
    }

    private static String describe(Object value) {
        return value instanceof String ? "'" + value + "'" : String.valueOf(value);
    }
}
