package dev.sluice.plugins.turbojpeg;

import dev.sluice.api.ImageDecoder;
import dev.sluice.api.Options;
import dev.sluice.api.spi.Availability;
import dev.sluice.api.spi.ImageDecoderProvider;
import java.util.Locale;
import java.util.Set;

/**
 * The SIMD JPEG decoder, id {@code turbojpeg}: libjpeg-turbo, JPEG only, with every
 * {@link dev.sluice.api.DecodeOptions} honoured as the {@code opencv} and {@code imageio} decoders
 * honour them (reductions in the DCT domain). It runs the system's libturbojpeg through JNA where
 * one is installed (Debian: {@code apt-get install libturbojpeg0}), and otherwise the libjpeg-turbo
 * 3.0 bundled in org.bytedeco:leptonica, which needs nothing but Maven Central; {@code sluice
 * plugins} shows which. Lossless and 12-bit JPEGs are refused (the imageio decoder reads them).
 *
 * <pre>{@code
 * decoder:
 *   backend: turbojpeg    # or auto: JPEG files come here, the rest to opencv or imageio
 *   library: auto         # auto (system where installed, else bundled) | system | bundled
 * }</pre>
 *
 * Found by {@link java.util.ServiceLoader}; core calls {@link #availability()} at discovery, which
 * loads the native library, and {@link #create} when the configuration chooses this decoder.
 */
public final class TurboJpegDecoderProvider implements ImageDecoderProvider {
    private static final String LIBRARY = "library";

    /** Constructs the provider; loads nothing. */
    public TurboJpegDecoderProvider() {
    }

    /** {@code "turbojpeg"}. */
    @Override
    public String id() {
        return "turbojpeg";
    }

    /**
     * 300: above {@code opencv} (200) and {@code imageio} (100), so that {@code auto} sends JPEG
     * here; it reads nothing else, so every other format still goes to them.
     */
    @Override
    public int priority() {
        return 300;
    }

    /** {@code jpeg} only. */
    @Override
    public Set<String> formats() {
        return Set.of("jpeg");
    }

    /**
     * Loads the system's libturbojpeg, or where there is none the bundled libjpeg-turbo (JavaCPP
     * copies it once into {@code ~/.javacpp/cache}); later calls give the same answer. Unavailable,
     * with both reasons, only when neither loads.
     */
    @Override
    public Availability availability() {
        return JpegLibraries.availability();
    }

    /** Which libjpeg-turbo {@code library: auto} runs here, and where it came from. */
    @Override
    public String backend() {
        JpegLibraries.Loaded chosen = JpegLibraries.choose(LibraryChoice.AUTO);
        return chosen.ok() ? chosen.codec().describe() : "";
    }

    /**
     * Checks the options as {@link #create} does, without loading a library.
     *
     * @return true under {@code library: auto}: {@code decoder: auto} may load libjpeg-turbo and make
     *         this decoder when a JPEG first needs it, since {@link #availability()} answers for that
     *         choice; false under {@code system} or {@code bundled}, whose failure to load is then
     *         reported at start-up
     * @throws dev.sluice.api.OptionsException naming the key path of an unknown option or value
     */
    @Override
    public boolean checkForLaterCreate(Options options) {
        return libraryChoice(options) == LibraryChoice.AUTO;
    }

    /**
     * A new decoder; thread-safe. Native memory is kept per concurrently decoding thread, up to
     * 16 MB each, and reused.
     *
     * @param options {@code library}: {@code auto} (the default), {@code system} or {@code bundled}
     * @throws dev.sluice.api.OptionsException naming the key path of an unknown option or value
     * @throws IllegalStateException with the reason when the chosen library does not load
     */
    @Override
    public ImageDecoder create(Options options) {
        LibraryChoice choice = libraryChoice(options);
        JpegLibraries.Loaded chosen = JpegLibraries.choose(choice);
        if (!chosen.ok()) {
            throw new IllegalStateException("the turbojpeg decoder (library: " + choice.name().toLowerCase(Locale.ROOT)
                    + ") is unavailable: " + (choice == LibraryChoice.AUTO ? JpegLibraries.availability().reason()
                    : chosen.failure()));
        }
        return new TurboJpegImageDecoder(chosen.codec());
    }

    private static LibraryChoice libraryChoice(Options options) {
        options.requireOnly(Set.of(LIBRARY));
        return LibraryChoice.parse(options.keyPath(LIBRARY), options.getString(LIBRARY, "auto"));
    }
}
