package dev.sluice.plugins.opencv;

import dev.sluice.api.ImageDecoder;
import dev.sluice.api.Options;
import dev.sluice.api.spi.ImageDecoderProvider;
import java.util.Set;

/**
 * The native image decoder, id {@code opencv}: OpenCV's {@code imdecode} (libjpeg-turbo, libpng,
 * libtiff and OpenCV's own BMP reader), with every {@link dev.sluice.api.DecodeOptions} honoured as
 * the pure-Java {@code imageio} decoder honours it. JPEG is reduced in the DCT domain
 * ({@code IMREAD_REDUCED_*}); other formats are decoded full size and block-averaged. GIF and WebP
 * are refused: the OpenCV build in org.openpnp:opencv 4.9 reads neither; so are BMPs with other than
 * the standard bit-field masks, which OpenCV would return in wrong colours. libjpeg's warnings go to
 * stderr unseen, so under strict {@link dev.sluice.api.DecodeOptions} the JPEG data is checked
 * before decoding ({@link dev.sluice.api.spi.ImageHeader#read(java.nio.ByteBuffer, dev.sluice.api.DecodeOptions)}).
 *
 * <pre>{@code
 * decoder: opencv        # in sluice.yaml
 * }</pre>
 *
 * Found by {@link java.util.ServiceLoader}; core calls {@link #availability()} at discovery, which
 * loads the native library, and {@link #create} when the configuration chooses this decoder.
 */
public final class OpenCvDecoderProvider extends OpenCvProvider implements ImageDecoderProvider {

    /** Constructs the provider; loads nothing. */
    public OpenCvDecoderProvider() {
    }

    /** {@code jpeg}, {@code png}, {@code bmp} and {@code tiff}: the OpenCV 4.9 build reads no GIF or WebP. */
    @Override
    public Set<String> formats() {
        return Set.of("jpeg", "png", "bmp", "tiff");
    }

    /**
     * Refuses any option, as {@link #create} does, without loading the native library.
     *
     * @return true: {@code decoder: auto} may load OpenCV and make this decoder when a file first
     *         needs it
     * @throws dev.sluice.api.OptionsException naming the key path of an option
     */
    @Override
    public boolean checkForLaterCreate(Options options) {
        requireNoOptions(options);
        return true;
    }

    /**
     * A new decoder; thread-safe, holds no native memory between calls.
     *
     * @param options none are known: any key is refused
     * @throws dev.sluice.api.OptionsException naming the key path of an option
     * @throws IllegalStateException with the reason and the hint to use {@code imageio} when the
     *         native library did not load
     */
    @Override
    public ImageDecoder create(Options options) {
        requireNoOptions(options);
        OpenCvNatives.requireAvailable("decoder");
        return new OpenCvImageDecoder();
    }

    /** This decoder takes no option: any key is refused, at start-up as at creation. */
    private static void requireNoOptions(Options options) {
        options.requireOnly(Set.of());
    }
}
