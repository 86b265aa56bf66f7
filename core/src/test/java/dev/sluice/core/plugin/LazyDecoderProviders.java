package dev.sluice.core.plugin;

import dev.sluice.api.Image;
import dev.sluice.api.ImageDecoder;
import dev.sluice.api.Options;
import dev.sluice.api.spi.AbstractPluginProvider;
import dev.sluice.api.spi.Availability;
import dev.sluice.api.spi.ImageDecoderProvider;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fake decoders that check their options without making a decoder
 * ({@link ImageDecoderProvider#checkForLaterCreate}), and count how often core asks their availability
 * and makes a decoder; each "decodes" anything to a 1 x 1 grey image whose one sample says which it was.
 * The counts are shared by every instance; a test resets them ({@link #reset}).
 */
final class LazyDecoderProviders {
    static final AtomicInteger JPEG_ASKED = new AtomicInteger();
    static final AtomicInteger JPEG_MADE = new AtomicInteger();
    static final AtomicInteger EVERYTHING_MADE = new AtomicInteger();
    static final AtomicInteger PNG_ASKED = new AtomicInteger();

    private LazyDecoderProviders() {
    }

    static void reset() {
        JPEG_ASKED.set(0);
        JPEG_MADE.set(0);
        EVERYTHING_MADE.set(0);
        PNG_ASKED.set(0);
    }

    private static ImageDecoder marking(int marker) {
        return (encoded, options) -> Image.wrap(1, 1, 1, new byte[] {(byte) marker});
    }

    /** A provider that takes no option and can be made on first use. */
    private abstract static class TakingNoOptions extends AbstractPluginProvider implements ImageDecoderProvider {
        TakingNoOptions(String id, int priority) {
            super(id, priority);
        }

        @Override
        public final boolean checkForLaterCreate(Options options) {
            options.requireOnly(Set.of());
            return true;
        }
    }

    /** JPEG only, priority 300, marks 3; takes no option; making one takes 50 ms, as loading a library does. */
    public static final class LazyJpeg extends TakingNoOptions {
        public LazyJpeg() {
            super("lazy-jpeg", 300);
        }

        @Override
        public Set<String> formats() {
            return Set.of("jpeg");
        }

        @Override
        public Availability availability() {
            JPEG_ASKED.incrementAndGet();
            return Availability.AVAILABLE;
        }

        @Override
        public ImageDecoder create(Options options) {
            options.requireOnly(Set.of());
            JPEG_MADE.incrementAndGet();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return marking(3);
        }
    }

    /** Every format, priority 100, marks 1; takes no option. */
    public static final class LazyEverything extends TakingNoOptions {
        public LazyEverything() {
            super("lazy-everything", 100);
        }

        @Override
        public ImageDecoder create(Options options) {
            options.requireOnly(Set.of());
            EVERYTHING_MADE.incrementAndGet();
            return marking(1);
        }
    }

    /** PNG at priority 500, whose native library turns out not to load when it is first needed. */
    public static final class LazyBrokenPng extends TakingNoOptions {
        public LazyBrokenPng() {
            super("lazy-broken-png", 500);
        }

        @Override
        public Set<String> formats() {
            return Set.of("png");
        }

        @Override
        public Availability availability() {
            PNG_ASKED.incrementAndGet();
            return Availability.unavailable("libpng-acme.so did not load");
        }

        @Override
        public ImageDecoder create(Options options) {
            throw new IllegalStateException("libpng-acme.so did not load");
        }
    }
}
