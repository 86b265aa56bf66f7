package dev.sluice.core.plugin;

import dev.sluice.api.ImageDecoder;
import dev.sluice.api.Options;
import dev.sluice.api.Suggestions;
import dev.sluice.api.spi.ImageDecoderProvider;
import dev.sluice.api.spi.PluginProvider;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.function.Consumer;
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
     * Discovers the providers of every kind visible to {@code loader}; each provider that fails to
     * load is logged as a warning and kept in {@link #loadFailures()}.
     *
     * @throws PluginException listing every id that two providers claim, with their classes and jars
     */
    public static PluginRegistry discover(ClassLoader loader) {
        return discover(loader, failure -> LOG.warn("{}", failure));
    }

    /**
     * As {@link #discover(ClassLoader)}, each load failure given to {@code onFailure} instead of
     * logged: for a caller that reports {@link #loadFailures()} itself, so that it is said once.
     *
     * @throws PluginException listing every id that two providers claim, with their classes and jars
     */
    public static PluginRegistry discover(ClassLoader loader, Consumer<String> onFailure) {
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
        loadFailures.forEach(onFailure);
        return new PluginRegistry(found, loadFailures);
    }

    /**
     * Discovers the providers visible to {@code parent} plus those in the jars of {@code pluginDir},
     * which are loaded in a class loader of their own (a child of {@code parent}).
     *
     * @throws PluginException if the folder does not exist or cannot be read, or ids clash
     */
    public static PluginRegistry discover(Path pluginDir, ClassLoader parent) {
        return discover(pluginDir, parent, failure -> LOG.warn("{}", failure));
    }

    /**
     * As {@link #discover(Path, ClassLoader)}, each load failure given to {@code onFailure} instead
     * of logged.
     *
     * @throws PluginException if the folder does not exist or cannot be read, or ids clash
     */
    public static PluginRegistry discover(Path pluginDir, ClassLoader parent, Consumer<String> onFailure) {
        if (!Files.isDirectory(pluginDir)) {
            throw new PluginException("plugin folder " + pluginDir.toAbsolutePath() + " does not exist or is not a folder");
        }
        List<URL> jars = PluginJars.in(pluginDir);
        // Lives as long as the plugins it loaded; there is no moment at which closing it would be safe.
        URLClassLoader pluginLoader = new URLClassLoader("sluice-plugins", jars.toArray(URL[]::new), parent);
        return discover(pluginLoader, onFailure);
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

    /**
     * Where {@code decoder: auto} sends each format, among the decoders available here.
     *
     * @throws PluginException when no decoder is present or none is available, listing them
     */
    public DecoderRouting decoderRouting() {
        Map<String, DiscoveredProvider> byId = decoders();
        List<DiscoveredProvider> available = new ArrayList<>();
        for (DiscoveredProvider candidate : byId.values()) {
            if (candidate.availability().available()) {
                available.add(candidate);
            } else {
                LOG.info("auto decoder: skipping {}", candidate.describe());
            }
        }
        if (available.isEmpty()) {
            throw new PluginException("no decoder is available here: " + known(byId));
        }
        return DecoderRouting.of(available);
    }

    /**
     * The decoder configuration names, made with {@code options}: under {@link #AUTO}, one that
     * sends each file to the decoder of its format ({@link #decoderRouting()}); otherwise the named
     * provider's, as {@link #require} finds it.
     *
     * <p>Under {@link #AUTO}, each decoder whose provider checks the options without loading anything
     * ({@link ImageDecoderProvider#checkForLaterCreate}) is made when the first file of a format routed
     * to it arrives, its availability asked then; the others are asked and made here. So an options
     * error is thrown here either way; a native library that does not load on first use leaves that
     * decoder off the routes from then on, as if it had been found unavailable here ({@link DecoderOnRoute}).
     *
     * @param where where the id was written, for messages
     * @throws PluginException as {@link #require} and {@link #decoderRouting()}
     * @throws dev.sluice.api.OptionsException when a provider refuses the options
     */
    public ImageDecoder decoder(String id, Options options, String where) {
        if (AUTO.equals(id)) {
            return autoDecoder(options);
        }
        ImageDecoderProvider provider = require(PluginKind.DECODER, ImageDecoderProvider.class, id, where);
        return CheckedDecoder.of(provider, provider.create(options));
    }

    private ImageDecoder autoDecoder(Options options) {
        Map<String, DiscoveredProvider> byId = decoders();
        Map<DiscoveredProvider, DecoderOnRoute> decoders = new LinkedHashMap<>();
        for (DiscoveredProvider candidate : byId.values()) {
            if (!candidate.availabilityAsked()
                    && ((ImageDecoderProvider) candidate.provider()).checkForLaterCreate(options)) {
                decoders.put(candidate, DecoderOnRoute.later(candidate, options));
            } else if (candidate.availability().available()) {
                decoders.put(candidate, DecoderOnRoute.now(candidate, options));
            } else {
                LOG.info("auto decoder: skipping {}", candidate.describe());
            }
        }
        if (decoders.isEmpty()) {
            throw new PluginException("no decoder is available here: " + known(byId));
        }
        return DecoderRouting.of(List.copyOf(decoders.keySet())).decoder(decoders);
    }

    private Map<String, DiscoveredProvider> decoders() {
        Map<String, DiscoveredProvider> byId = providers.get(PluginKind.DECODER);
        if (byId.isEmpty()) {
            throw new PluginException("No " + PluginKind.DECODER.role() + " plugin on the class path; "
                    + PluginKind.DECODER.remedy() + "." + failuresNote());
        }
        return byId;
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
