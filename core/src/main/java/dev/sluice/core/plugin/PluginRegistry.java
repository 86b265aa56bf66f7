package dev.sluice.core.plugin;

import dev.sluice.api.Suggestions;
import dev.sluice.api.spi.PluginProvider;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every plugin on the class path, found with {@link ServiceLoader} and checked at start-up: ids
 * must be unique within a kind (two providers with one id is an error naming both classes and jars,
 * never "first one wins"), and a provider class that fails to load is reported by name while the
 * others still load; that failure is fatal only if the configuration names the plugin.
 *
 * <pre>{@code
 * PluginRegistry plugins = PluginRegistry.discover(Thread.currentThread().getContextClassLoader());
 * ImageDecoderProvider decoder = plugins.require(PluginKind.DECODER, ImageDecoderProvider.class, "auto", "decoder.backend");
 * }</pre>
 *
 * <p>A registry is immutable after discovery and safe to share between threads.
 */
public final class PluginRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(PluginRegistry.class);
    /** The id that asks for the highest-priority available provider. */
    public static final String AUTO = "auto";

    private final Map<PluginKind, Map<String, DiscoveredProvider>> providers;
    private final List<String> loadFailures;

    private PluginRegistry(Map<PluginKind, Map<String, DiscoveredProvider>> providers, List<String> loadFailures) {
        this.providers = providers;
        this.loadFailures = List.copyOf(loadFailures);
    }

    /**
     * Discovers the providers of every kind visible to {@code loader}.
     *
     * @throws PluginException listing every id that two providers claim, with their classes and jars
     */
    public static PluginRegistry discover(ClassLoader loader) {
        Map<PluginKind, Map<String, DiscoveredProvider>> found = new EnumMap<>(PluginKind.class);
        List<String> loadFailures = new ArrayList<>();
        List<String> clashes = new ArrayList<>();
        for (PluginKind kind : PluginKind.values()) {
            Map<String, DiscoveredProvider> byId = new TreeMap<>();
            for (DiscoveredProvider provider : load(kind, loader, loadFailures)) {
                DiscoveredProvider earlier = byId.putIfAbsent(provider.id(), provider);
                if (earlier != null) {
                    clashes.add("two " + kind.role() + " plugins have the id '" + provider.id() + "': "
                            + earlier.className() + " from " + earlier.location() + " and " + provider.className()
                            + " from " + provider.location() + "; remove one of the jars");
                }
            }
            found.put(kind, byId);
        }
        if (!clashes.isEmpty()) {
            throw new PluginException(String.join("\n", clashes));
        }
        for (String failure : loadFailures) {
            LOG.warn("{}", failure);
        }
        return new PluginRegistry(found, loadFailures);
    }

    /**
     * Discovers the providers visible to {@code parent} plus those in the jars of {@code pluginDir},
     * which are loaded in a class loader of their own (a child of {@code parent}).
     *
     * @throws PluginException if the folder does not exist or cannot be read, or ids clash
     */
    public static PluginRegistry discover(Path pluginDir, ClassLoader parent) {
        if (!Files.isDirectory(pluginDir)) {
            throw new PluginException("plugin folder " + pluginDir.toAbsolutePath() + " does not exist or is not a folder");
        }
        List<URL> jars = PluginJars.in(pluginDir);
        // Lives as long as the plugins it loaded; there is no moment at which closing it would be safe.
        URLClassLoader pluginLoader = new URLClassLoader("sluice-plugins", jars.toArray(URL[]::new), parent);
        return discover(pluginLoader);
    }

    /**
     * The providers of {@code kind}. One that fails is recorded in {@code loadFailures} and the others
     * still load; the record names the class and the jar it came from (the services file that lists
     * it, when the class itself cannot be loaded).
     */
    private static List<DiscoveredProvider> load(PluginKind kind, ClassLoader loader, List<String> loadFailures) {
        List<DiscoveredProvider> found = new ArrayList<>();
        Iterator<? extends ServiceLoader.Provider<? extends PluginProvider>> iterator =
                ServiceLoader.load(kind.providerType(), loader).stream().iterator();
        while (true) {
            ServiceLoader.Provider<? extends PluginProvider> candidate;
            try {
                if (!iterator.hasNext()) {
                    return found;
                }
                candidate = iterator.next();
            } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                loadFailures.add("a " + kind.role() + " plugin failed to load: " + e.getMessage() + causeOf(e)
                        + ServiceFiles.listing(kind, loader, e.getMessage()));
                continue;
            }
            try {
                PluginProvider provider = candidate.get();
                found.add(new DiscoveredProvider(kind, provider, provider.id(), provider.priority()));
            } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                loadFailures.add("a " + kind.role() + " plugin failed to load: " + candidate.type().getName() + " from "
                        + DiscoveredProvider.locationOf(candidate.type()) + ": " + e.getMessage() + causeOf(e));
            }
        }
    }

    private static String causeOf(Throwable failure) {
        return failure.getCause() == null ? "" : " (" + failure.getCause() + ")";
    }

    /** Every provider found, by kind then id, with its availability (which may load native code). */
    public List<PluginInfo> plugins() {
        List<PluginInfo> all = new ArrayList<>();
        for (PluginKind kind : PluginKind.values()) {
            all.addAll(plugins(kind));
        }
        return all;
    }

    /** The providers of one kind, by id. */
    public List<PluginInfo> plugins(PluginKind kind) {
        return providers.get(kind).values().stream().map(DiscoveredProvider::info).collect(Collectors.toList());
    }

    /**
     * The available providers of {@code kind} that also implement {@code capability}, best first:
     * larger priority, then the alphabetically first id.
     */
    public <P> List<P> withCapability(PluginKind kind, Class<P> capability) {
        return providers.get(kind).values().stream()
                .filter(p -> capability.isInstance(p.provider()) && p.availability().available())
                .sorted(Comparator.comparingInt(DiscoveredProvider::priority).reversed()
                        .thenComparing(DiscoveredProvider::id))
                .map(p -> capability.cast(p.provider()))
                .collect(Collectors.toList());
    }

    /** Whether a provider of {@code kind} has the id {@code id}. */
    public boolean has(PluginKind kind, String id) {
        return providers.get(kind).containsKey(id);
    }

    /** Provider classes that failed to load, one message each. */
    public List<String> loadFailures() {
        return loadFailures;
    }

    /**
     * The provider of {@code kind} that configuration names, or under {@link #AUTO} the available one
     * of highest priority (ties to the alphabetically first id).
     *
     * @param type the provider interface of {@code kind}
     * @param id the configured id, or {@code "auto"}
     * @param where where the id was written, for messages, e.g. {@code "sluice.yaml:4"}
     * @throws PluginException when none of the kind is present, the id is unknown (listing the
     *         known ids with a suggestion), or the provider is unavailable (with its reason)
     */
    public <P extends PluginProvider> P require(PluginKind kind, Class<P> type, String id, String where) {
        Map<String, DiscoveredProvider> byId = providers.get(kind);
        if (byId.isEmpty()) {
            throw new PluginException("No " + kind.role() + " plugin on the class path; " + kind.remedy() + "."
                    + failuresNote());
        }
        DiscoveredProvider chosen = AUTO.equals(id) ? best(kind, byId) : byId.get(id);
        if (chosen == null) {
            String suggestion = Suggestions.closest(id, byId.keySet()).map(s -> " Did you mean '" + s + "'?").orElse("");
            throw new PluginException(kind.noun() + " '" + id + "' (" + where + ") not found. Found: " + known(byId)
                    + "." + suggestion + failuresNote());
        }
        if (!chosen.availability().available()) {
            List<String> others = byId.values().stream().filter(p -> p != chosen && p.availability().available())
                    .map(DiscoveredProvider::id).collect(Collectors.toList());
            throw new PluginException(kind.noun() + " '" + id + "' (" + where + ") is unavailable: "
                    + chosen.availability().reason() + (others.isEmpty() ? "" : "; use " + String.join(" or ", others)
                    + " instead"));
        }
        return type.cast(chosen.provider());
    }

    private DiscoveredProvider best(PluginKind kind, Map<String, DiscoveredProvider> byId) {
        List<DiscoveredProvider> ranked = new ArrayList<>(byId.values());
        ranked.sort(Comparator.comparingInt(DiscoveredProvider::priority).reversed()
                .thenComparing(DiscoveredProvider::id));
        for (DiscoveredProvider candidate : ranked) {
            if (candidate.availability().available()) {
                return candidate;
            }
            LOG.info("auto {}: skipping {}", kind.noun(), candidate.describe());
        }
        throw new PluginException("no " + kind.noun() + " is available here: " + known(byId));
    }

    private static String known(Map<String, DiscoveredProvider> byId) {
        return byId.values().stream().map(DiscoveredProvider::describe).collect(Collectors.joining(", "));
    }

    private String failuresNote() {
        return loadFailures.isEmpty() ? "" : " Plugins that failed to load: " + String.join("; ", loadFailures);
    }
}
