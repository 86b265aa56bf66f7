package dev.sluice.api.spi;

import dev.sluice.api.ImageDecoder;
import dev.sluice.api.Options;
import java.util.Set;

/**
 * Makes {@link ImageDecoder}s. Found by {@link java.util.ServiceLoader} through a
 * {@code META-INF/services/dev.sluice.api.spi.ImageDecoderProvider} file; called by core only.
 *
 * <pre>{@code
 * public final class AcmeProvider implements ImageDecoderProvider {
 *     public String id() { return "acme"; }
 *     public int priority() { return 50; }
 *     public ImageDecoder create(Options options) { return new AcmeDecoder(options.getInt("threads", 1)); }
 * }
 * }</pre>
 *
 * <p>Under {@code decoder: auto}, core sends each file, by the format its first bytes show
 * ({@link ImageHeader#formatOf}), to the available provider of highest {@link #priority()} among
 * those whose {@link #formats()} name that format; a file in no recognised format goes to the
 * available provider of highest priority overall.
 */
public interface ImageDecoderProvider extends PluginProvider {

    /**
     * The formats the decoders of this provider read, as {@link ImageHeader#FORMATS} names them
     * ({@code "jpeg"}, {@code "png"}, ...). Core calls it at discovery, on one thread, to build the
     * routing of {@code decoder: auto}; it must not load native code and must give the same answer
     * on every call. A provider may name a format outside {@link ImageHeader#FORMATS}, which core
     * shows but cannot route to by header. The default, every format of {@link ImageHeader#FORMATS},
     * suits a decoder that reads them all and keeps a provider written before this method existed a
     * candidate for every file.
     *
     * @return a non-empty set of lower-case format names
     */
    default Set<String> formats() {
        return ImageHeader.FORMATS;
    }

    /**
     * Checks {@code options} as {@link #create} would, without loading native code or making a
     * decoder, and says whether core may put off {@link #availability()} and {@link #create} until a
     * file needs this decoder. Under {@code decoder: auto} core calls it at start-up, on one thread,
     * for each decoder provider whose availability it has not yet asked: when it returns true, an
     * options error is still reported at start-up, and core asks {@link #availability()} and calls
     * {@link #create} with the same options only when the first file of a format routed here arrives
     * (on a loader's worker thread, once); when it returns false, core asks both at start-up, as for a
     * decoder the configuration names. Return true only when {@code create(options)} can then fail for
     * no other reason than what {@link #availability()} reports (the native library does not load).
     * The default returns false, for a provider that cannot check its options without making a decoder.
     *
     * @param options the options the configuration gives this plugin; unknown keys are refused
     * @return true when the options were checked and the decoder may be made on first use
     * @throws dev.sluice.api.OptionsException naming the key path when an option is wrong
     */
    default boolean checkForLaterCreate(Options options) {
        return false;
    }

    /**
     * A new, ready ImageDecoder configured by {@code options}. Called by core after
     * {@link #availability()} said available, on any thread.
     *
     * @param options the options the configuration gives this plugin; unknown keys are refused
     * @throws dev.sluice.api.OptionsException naming the key path when an option is wrong
     */
    ImageDecoder create(Options options);
}
