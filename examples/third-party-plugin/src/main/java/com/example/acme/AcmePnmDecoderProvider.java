package com.example.acme;

import dev.sluice.api.ImageDecoder;
import dev.sluice.api.Options;
import dev.sluice.api.spi.ImageDecoderProvider;
import java.util.Set;

/**
 * The {@code acme-pnm} decoder: Netpbm's PGM and PPM images (magic numbers {@code P2}, {@code P3},
 * {@code P5} and {@code P6}, plain and binary, with any maxval from 1 to 65535), a format neither
 * built-in backend reads. An example of a third-party plugin: it depends on {@code sluice-api}
 * alone, and putting its jar on the class path (or in {@code sluice --plugins DIR}) is all it takes
 * to use it:
 *
 * <pre>{@code
 * decoder:
 *   backend: acme-pnm
 * }</pre>
 *
 * <p>Found by {@link java.util.ServiceLoader}; constructing it does nothing else.
 */
public final class AcmePnmDecoderProvider implements ImageDecoderProvider {

    /** A provider; constructing one does nothing else. */
    public AcmePnmDecoderProvider() {
    }

    /** {@code "acme-pnm"}: a third party prefixes its ids with its own name. */
    @Override
    public String id() {
        return "acme-pnm";
    }

    /**
     * 10, below the built-in backends (100 and 200): this decoder reads PGM and PPM only, so
     * {@code backend: auto} must not prefer it for JPEG and PNG files.
     */
    @Override
    public int priority() {
        return 10;
    }

    /**
     * {@code pnm}: a format Sluice's header reader does not recognise, so under {@code backend: auto}
     * files that start with none of the known signatures come here.
     */
    @Override
    public Set<String> formats() {
        return Set.of("pnm");
    }

    /**
     * Refuses any option, as {@link #create} does, and makes nothing.
     *
     * @return true: {@code backend: auto} may make this decoder when the first PNM file arrives, since
     *         {@link #create} can fail for no other reason than the options
     * @throws dev.sluice.api.OptionsException naming the key path of any option given
     */
    @Override
    public boolean checkForLaterCreate(Options options) {
        requireNoOptions(options);
        return true;
    }

    /**
     * A PGM/PPM decoder; thread-safe and stateless.
     *
     * @param options must be empty
     * @throws dev.sluice.api.OptionsException naming the key path of any option given
     */
    @Override
    public ImageDecoder create(Options options) {
        requireNoOptions(options);
        return new PnmDecoder();
    }

    /** This decoder takes no option: any key is refused, at start-up as at creation. */
    private static void requireNoOptions(Options options) {
        options.requireOnly(Set.of());
    }
}
