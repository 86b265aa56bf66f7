package dev.sluice.plugins.imageio;

import com.twelvemonkeys.imageio.plugins.bmp.BMPImageReaderSpi;
import com.twelvemonkeys.imageio.plugins.jpeg.JPEGImageReaderSpi;
import com.twelvemonkeys.imageio.plugins.tiff.TIFFImageReaderSpi;
import com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageReader;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;

/**
 * The one reader per format this backend uses, chosen by name rather than by whatever the global
 * ImageIO registry happens to list first: TwelveMonkeys for JPEG (CMYK, YCCK, lossless, broken
 * profiles), TIFF, BMP and WebP; the JDK's own for PNG and GIF, and for the plain JPEGs that
 * {@link JdkJpegReads} decodes without TwelveMonkeys on top.
 *
 * <p>ImageIO registers plugins from the context class loader when it first starts, so in a
 * container TwelveMonkeys may be missing from the registry though it is on this class's path. It is
 * then registered here: its JPEG reader wraps the JDK's and finds it only on registration.
 */
final class Readers {
    private static final Map<String, ImageReaderSpi> BY_FORMAT = Map.of(
            "jpeg", registered(JPEGImageReaderSpi.class, new JPEGImageReaderSpi()),
            "tiff", registered(TIFFImageReaderSpi.class, new TIFFImageReaderSpi()),
            "bmp", registered(BMPImageReaderSpi.class, new BMPImageReaderSpi()),
            "webp", registered(WebPImageReaderSpi.class, new WebPImageReaderSpi()),
            "png", jdk("com.sun.imageio.plugins.png.PNGImageReaderSpi"),
            "gif", jdk("com.sun.imageio.plugins.gif.GIFImageReaderSpi"));
    /** The JDK's own JPEG reader, which TwelveMonkeys' wraps; for the JPEGs {@link JdkJpegReads} takes. */
    private static final ImageReaderSpi JDK_JPEG = jdk("com.sun.imageio.plugins.jpeg.JPEGImageReaderSpi");

    private Readers() {
    }

    /** The formats there is a reader for; calling it registers the readers, or throws why not. */
    static Set<String> formats() {
        return BY_FORMAT.keySet();
    }

    /** A new reader for {@code format}, one of {@link dev.sluice.api.spi.ImageHeader#FORMATS}; dispose it after use. */
    static ImageReader create(String format) throws IOException {
        ImageReaderSpi spi = BY_FORMAT.get(format);
        if (spi == null) {
            throw new IllegalArgumentException("no reader for format " + format);
        }
        return spi.createReaderInstance();
    }

    /** A new JDK JPEG reader, without TwelveMonkeys' on top; dispose it after use. */
    static ImageReader createJdkJpeg() throws IOException {
        return JDK_JPEG.createReaderInstance();
    }

    private static <S extends ImageReaderSpi> ImageReaderSpi registered(Class<S> type, S fresh) {
        IIORegistry registry = IIORegistry.getDefaultInstance();
        S known = registry.getServiceProviderByClass(type);
        if (known != null) {
            return known;
        }
        registry.registerServiceProvider(fresh, ImageReaderSpi.class);
        return fresh;
    }

    private static ImageReaderSpi jdk(String className) {
        Iterator<ImageReaderSpi> all = IIORegistry.getDefaultInstance().getServiceProviders(ImageReaderSpi.class, false);
        while (all.hasNext()) {
            ImageReaderSpi spi = all.next();
            if (spi.getClass().getName().equals(className)) {
                return spi;
            }
        }
        throw new IllegalStateException("the JDK's ImageIO reader " + className + " is not registered");
    }
}
