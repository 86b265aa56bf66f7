package dev.sluice.core.plugin;

import dev.sluice.api.DecodeException;
import dev.sluice.api.Image;
import dev.sluice.api.ImageDecoder;
import dev.sluice.api.Options;
import dev.sluice.api.UnsupportedImageException;
import dev.sluice.api.spi.AbstractPluginProvider;
import dev.sluice.api.spi.Availability;
import dev.sluice.api.spi.ImageDecoderProvider;
import java.util.Set;

/**
 * Fake decoders for the routing of {@code decoder: auto}: each "decodes" anything to a 1 x 1 grey
 * image whose one sample says which decoder it was.
 */
final class RoutingDecoderProviders {
    private RoutingDecoderProviders() {
    }

    private static ImageDecoder marking(int marker) {
        return (encoded, options) -> Image.wrap(1, 1, 1, new byte[] {(byte) marker});
    }

    /**
     * JPEG only, priority 300, marks 3; refuses data whose fourth byte is {@code 0xC3} as a kind it
     * does not read (as lossless JPEG is refused), and data whose fourth byte is 0 as damaged.
     */
    public static final class JpegOnly extends AbstractPluginProvider implements ImageDecoderProvider {
        public JpegOnly() {
            super("jpeg-only", 300);
        }

        @Override
        public Set<String> formats() {
            return Set.of("jpeg");
        }

        @Override
        public ImageDecoder create(Options options) {
            return (encoded, decodeOptions) -> {
                int fourth = encoded.remaining() < 4 ? -1 : encoded.get(encoded.position() + 3) & 0xFF;
                if (fourth == 0xC3) {
                    throw new UnsupportedImageException("<bytes>", "lossless JPEG is not read by jpeg-only");
                }
                if (fourth == 0) {
                    throw new DecodeException("<bytes>", "premature end of data segment");
                }
                return Image.wrap(1, 1, 1, new byte[] {3});
            };
        }
    }

    /** Every format (the default), priority 100, marks 1. */
    public static final class Everything extends AbstractPluginProvider implements ImageDecoderProvider {
        public Everything() {
            super("everything", 100);
        }

        @Override
        public ImageDecoder create(Options options) {
            return marking(1);
        }
    }

    /** PNG at priority 500, but unavailable: never routed to. */
    public static final class UnavailablePng extends AbstractPluginProvider implements ImageDecoderProvider {
        public UnavailablePng() {
            super("unavailable-png", 500);
        }

        @Override
        public Set<String> formats() {
            return Set.of("png");
        }

        @Override
        public Availability availability() {
            return Availability.unavailable("its native library is missing");
        }

        @Override
        public ImageDecoder create(Options options) {
            throw new IllegalStateException("unavailable");
        }
    }
}
