package dev.sluice.core.plugin;

import dev.sluice.api.ImageDecoder;
import dev.sluice.api.Options;
import dev.sluice.api.spi.ImageDecoderProvider;
import dev.sluice.api.spi.ImageHeader;
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
 * ImageDecoder auto = routing.decoder(Options.empty());
 * }</pre>
 *
 * Immutable; safe to share between threads.
 */
public final class DecoderRouting {
    private final Map<String, DiscoveredProvider> byFormat;
    private final DiscoveredProvider fallback;

    private DecoderRouting(Map<String, DiscoveredProvider> byFormat, DiscoveredProvider fallback) {
        this.byFormat = byFormat;
        this.fallback = fallback;
    }

    /** The routing among {@code available} decoder providers, which must not be empty. */
    static DecoderRouting of(List<DiscoveredProvider> available) {
        List<DiscoveredProvider> ranked = available.stream()
                .sorted(Comparator.comparingInt(DiscoveredProvider::priority).reversed()
                        .thenComparing(DiscoveredProvider::id))
                .toList();
        Map<String, DiscoveredProvider> byFormat = new TreeMap<>();
        for (String format : ImageHeader.FORMATS) {
            ranked.stream().filter(p -> formats(p).contains(format)).findFirst().ifPresent(p -> byFormat.put(format, p));
        }
        DiscoveredProvider fallback = ranked.stream()
                .filter(p -> !ImageHeader.FORMATS.containsAll(formats(p)))
                .findFirst().orElse(ranked.get(0));
        return new DecoderRouting(byFormat, fallback);
    }

    private static Set<String> formats(DiscoveredProvider provider) {
        return ((ImageDecoderProvider) provider.provider()).formats();
    }

    /** The decoder id of each recognised format that some available decoder reads, by format name. */
    public Map<String, String> routes() {
        Map<String, String> routes = new TreeMap<>();
        byFormat.forEach((format, provider) -> routes.put(format, provider.id()));
        return Collections.unmodifiableMap(routes);
    }

    /** The id of the decoder that gets data in no recognised format. */
    public String fallback() {
        return fallback.id();
    }

    /**
     * A decoder that reads each input's first bytes and hands it to its format's decoder. Each
     * provider on the routing makes one decoder, with {@code options}.
     *
     * @throws dev.sluice.api.OptionsException when a provider refuses the options
     */
    public ImageDecoder decoder(Options options) {
        Map<DiscoveredProvider, ImageDecoder> made = new HashMap<>();
        Map<String, ImageDecoder> decoders = new HashMap<>();
        for (Map.Entry<String, DiscoveredProvider> route : byFormat.entrySet()) {
            decoders.put(route.getKey(), made.computeIfAbsent(route.getValue(), p -> create(p, options)));
        }
        return new RoutedImageDecoder(decoders, made.computeIfAbsent(fallback, p -> create(p, options)));
    }

    private static ImageDecoder create(DiscoveredProvider provider, Options options) {
        ImageDecoderProvider decoders = (ImageDecoderProvider) provider.provider();
        return CheckedDecoder.of(decoders, decoders.create(options));
    }

    /** {@code "bmp -> opencv, gif -> imageio, jpeg -> turbojpeg, ..., other -> turbojpeg"}. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        routes().forEach((format, id) -> text.append(format).append(" -> ").append(id).append(", "));
        return text.append("other -> ").append(fallback()).toString();
    }
}
