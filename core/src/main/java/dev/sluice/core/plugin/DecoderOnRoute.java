package dev.sluice.core.plugin;

import dev.sluice.api.ImageDecoder;
import dev.sluice.api.Options;
import dev.sluice.api.spi.Availability;
import dev.sluice.api.spi.ImageDecoderProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One decoder on {@code decoder: auto}'s routes, with the id its refusals are reported under: made at
 * start-up, or, where its provider checked the options without loading anything
 * ({@link ImageDecoderProvider#checkForLaterCreate}), made when the first file routed to it arrives,
 * so that a folder of JPEGs never loads OpenCV. Made once, whichever thread asks first; after that,
 * asking costs one volatile read.
 *
 * <p>What can still fail then is what the provider's {@link ImageDecoderProvider#availability()}
 * reports, its native library not loading (or its {@code create} failing all the same): the decoder is
 * then unavailable for the rest of the run, as one found unavailable at start-up is left off the
 * routes, and {@link RoutedImageDecoder} hands the file to the next decoder of its format. The reason
 * is logged once, at warn, and named in the error of a file that no decoder is left for.
 */
final class DecoderOnRoute {
    private static final Logger LOG = LoggerFactory.getLogger(DecoderOnRoute.class);

    /** The decoder, or why there is none. */
    record Made(ImageDecoder decoder, String unavailable) {
    }

    private final DiscoveredProvider provider;
    private final Options options;
    private volatile Made made;

    private DecoderOnRoute(DiscoveredProvider provider, Options options, Made made) {
        this.provider = provider;
        this.options = options;
        this.made = made;
    }

    /** {@code provider}'s decoder, made now with {@code options}. */
    static DecoderOnRoute now(DiscoveredProvider provider, Options options) {
        return new DecoderOnRoute(provider, options, new Made(create(provider, options), null));
    }

    /** {@code provider}'s decoder, made with {@code options}, which it has checked, when first asked for. */
    static DecoderOnRoute later(DiscoveredProvider provider, Options options) {
        return new DecoderOnRoute(provider, options, null);
    }

    String id() {
        return provider.id();
    }

    /** The decoder, made on the first call; or why it could not be made. */
    Made get() {
        Made known = made;
        if (known != null) {
            return known;
        }
        synchronized (this) {
            if (made == null) {
                made = make();
            }
            return made;
        }
    }

    private Made make() {
        Availability availability = provider.availability();
        if (!availability.available()) {
            LOG.warn("auto decoder: {} is unavailable, so the next decoder of each format it reads gets its files: {}",
                    id(), availability.reason());
            return new Made(null, "unavailable: " + availability.reason());
        }
        try {
            return new Made(create(provider, options), null);
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("auto decoder: {} could not be made, so the next decoder of each format it reads gets its files",
                    id(), e);
            return new Made(null, "could not be made: " + e);
        }
    }

    private static ImageDecoder create(DiscoveredProvider provider, Options options) {
        ImageDecoderProvider decoders = (ImageDecoderProvider) provider.provider();
        return CheckedDecoder.of(decoders, decoders.create(options));
    }
}
