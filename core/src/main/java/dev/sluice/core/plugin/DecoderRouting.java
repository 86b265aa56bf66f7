package dev.sluice.core.plugin;

import dev.sluice.api.ImageDecoder;
import dev.sluice.api.spi.ImageDecoderProvider;
import dev.sluice.api.spi.ImageHeader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Where {@code decoder: auto} sends each file: for every format {@link ImageHeader#formatOf}
 * recognises, the available decoder of highest priority among those whose
 * {@link ImageDecoderProvider#formats()} name it (ties to the alphabetically first id); data in no
 * recognised format goes to the available decoder of highest priority that names a format outside
 * them (a third party's), else to the highest overall, whose header check then names the problem.
 *
 * <pre>{@code
 * DecoderRouting routing = plugins.decoderRouting();
 * routing.routes();                                   // {bmp=opencv, gif=imageio, jpeg=turbojpeg, ...}
 * ImageDecoder auto = plugins.decoder(PluginRegistry.AUTO, Options.empty(), "sluice.yaml:3");
 * }</pre>
 *
 * Immutable; safe to share between threads.
 */
public final class DecoderRouting {
    /** Per recognised format, the available decoders that read it, best first. */
    private final Map<String, List<DiscoveredProvider>> byFormat;
    /** Who gets data in no recognised format: the first of these that can be made. */
    private final List<DiscoveredProvider> fallbacks;

    private DecoderRouting(Map<String, List<DiscoveredProvider>> byFormat, List<DiscoveredProvider> fallbacks) {
        this.byFormat = byFormat;
        this.fallbacks = fallbacks;
    }

    /**
     * The routing among {@code available} decoder providers, which must not be empty: those known to
     * be available, and under {@code auto} also those whose availability is asked on first use.
     */
    static DecoderRouting of(List<DiscoveredProvider> available) {
        List<DiscoveredProvider> ranked = available.stream()
                .sorted(Comparator.comparingInt(DiscoveredProvider::priority).reversed()
                        .thenComparing(DiscoveredProvider::id))
                .toList();
        Map<String, List<DiscoveredProvider>> byFormat = new TreeMap<>();
        for (String format : ImageHeader.FORMATS) {
            List<DiscoveredProvider> readers = ranked.stream().filter(p -> formats(p).contains(format)).toList();
            if (!readers.isEmpty()) {
                byFormat.put(format, readers);
            }
        }
        List<DiscoveredProvider> fallbacks = new ArrayList<>(ranked.stream()
                .filter(p -> !ImageHeader.FORMATS.containsAll(formats(p))).toList());
        ranked.stream().filter(p -> !fallbacks.contains(p)).forEach(fallbacks::add);
        return new DecoderRouting(byFormat, List.copyOf(fallbacks));
    }

    private static Set<String> formats(DiscoveredProvider provider) {
        return ((ImageDecoderProvider) provider.provider()).formats();
    }

    /** The decoder id of each recognised format that some available decoder reads, by format name. */
    public Map<String, String> routes() {
        Map<String, String> routes = new TreeMap<>();
        byFormat.forEach((format, providers) -> routes.put(format, providers.get(0).id()));
        return Collections.unmodifiableMap(routes);
    }

    /**
     * The decoder ids that read each recognised format, best first, by format name: the first gets
     * every file of the format, the next ones only what the ones before refuse as an
     * {@link dev.sluice.api.UnsupportedImageException}.
     */
    public Map<String, List<String>> chains() {
        Map<String, List<String>> chains = new TreeMap<>();
        byFormat.forEach((format, providers) -> chains.put(format,
                providers.stream().map(DiscoveredProvider::id).toList()));
        return Collections.unmodifiableMap(chains);
    }

    /** The id of the decoder that gets data in no recognised format. */
    public String fallback() {
        return fallbacks.get(0).id();
    }

    /**
     * A decoder that reads each input's first bytes and hands it to its format's decoder.
     *
     * @param decoders the decoder of each provider given to {@link #of}
     */
    ImageDecoder decoder(Map<DiscoveredProvider, DecoderOnRoute> decoders) {
        Map<String, List<DecoderOnRoute>> routes = new HashMap<>();
        byFormat.forEach((format, providers) -> routes.put(format, providers.stream().map(decoders::get).toList()));
        return new RoutedImageDecoder(routes, fallbacks.stream().map(decoders::get).toList());
    }

    /** {@code "bmp -> opencv | imageio, gif -> imageio, jpeg -> turbojpeg | opencv | imageio, ..., other -> turbojpeg"}. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        chains().forEach((format, ids) -> text.append(format).append(" -> ").append(String.join(" | ", ids)).append(", "));
        return text.append("other -> ").append(fallback()).toString();
    }
}
