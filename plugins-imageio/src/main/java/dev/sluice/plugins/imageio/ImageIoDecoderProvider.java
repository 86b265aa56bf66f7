package dev.sluice.plugins.imageio;

import dev.sluice.api.ImageDecoder;
import dev.sluice.api.Options;
import dev.sluice.api.spi.ImageDecoderProvider;
import dev.sluice.api.spi.ImageHeader;
import java.util.Set;

/**
 * The pure-Java image decoder, id {@code imageio}: javax.imageio with TwelveMonkeys' readers, for
 * JPEG (baseline, progressive, arithmetic, lossless, CMYK and YCCK, with broken ICC profiles and
 * Adobe markers), PNG (1 to 16 bits, palette, grey + alpha), BMP, GIF (first frame), TIFF and
 * lossless WebP. Refused as unsupported, because these readers would return wrong pixels or fail
 * obscurely: 12-bit JPEG, lossless JPEG with a point transform, lossy WebP (chroma upsampled
 * otherwise than libwebp) and old-style JPEG in TIFF. Under strict {@link dev.sluice.api.DecodeOptions}
 * libjpeg's warnings about damaged data are errors. Every {@link dev.sluice.api.DecodeOptions} is honoured as the native {@code opencv} decoder
 * honours it; reductions are block averages of the full-size decode (ImageIO has no DCT scaling).
 *
 * <pre>{@code
 * decoder: imageio       # in sluice.yaml
 * }</pre>
 *
 * Found by {@link java.util.ServiceLoader}; core calls {@link #availability()} at discovery and
 * {@link #create} when the configuration chooses this decoder.
 */
public final class ImageIoDecoderProvider extends ImageIoProvider implements ImageDecoderProvider {

    /** Constructs the provider; loads nothing. */
    public ImageIoDecoderProvider() {
    }

    /** Every format Sluice recognises: {@code jpeg}, {@code png}, {@code bmp}, {@code gif}, {@code tiff}, {@code webp}. */
    @Override
    public Set<String> formats() {
        return ImageHeader.FORMATS;
    }

    /**
     * Refuses any option, as {@link #create} does; loads nothing.
     *
     * @return true: {@code decoder: auto} may make this decoder when a file first needs it
     * @throws dev.sluice.api.OptionsException naming the key path of an option
     */
    @Override
    public boolean checkForLaterCreate(Options options) {
        requireNoOptions(options);
        return true;
    }

    /**
     * A new decoder; thread-safe.
     *
     * @param options none are known: any key is refused
     * @throws dev.sluice.api.OptionsException naming the key path of an option
     */
    @Override
    public ImageDecoder create(Options options) {
        requireNoOptions(options);
        return new ImageIoImageDecoder();
    }

    /** This decoder takes no option: any key is refused, at start-up as at creation. */
    private static void requireNoOptions(Options options) {
        options.requireOnly(Set.of());
    }
}
