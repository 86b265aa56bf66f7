package dev.sluice.plugins.imageio;

import dev.sluice.api.BorrowingImageDecoder;
import dev.sluice.api.ColorMode;
import dev.sluice.api.DecodeBuffers;
import dev.sluice.api.DecodeException;
import dev.sluice.api.DecodeOptions;
import dev.sluice.api.Image;
import dev.sluice.api.Region;
import dev.sluice.api.UnsupportedImageException;
import dev.sluice.api.spi.ImageHeader;
import dev.sluice.api.spi.JpegCoefficients;
import dev.sluice.api.spi.Reductions;
import dev.sluice.api.spi.ScaledJpeg;
import java.awt.Rectangle;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.function.Predicate;
import javax.imageio.ImageReader;

/**
 * Decodes with javax.imageio and TwelveMonkeys. The steps, the same as the opencv backend's: read
 * the header (size, orientation) and refuse what the options forbid; pick the factor (the fixed
 * one, or the one the automatic reduction allows for the size as shown); a JPEG reduced by 2, 4 or 8
 * that {@link ScaledJpeg} decodes in the DCT domain (sequential grey or YCbCr, progressive at 1/8)
 * goes there, whole, and is then put in the colour mode, cut to the region and turned. Otherwise:
 * decode, in the stored
 * orientation, only the block-aligned rectangle of the stored image the region needs; take the
 * samples as stored (CMYK and YCCK converted as libjpeg does, no ICC profile applied, the stored
 * luma of a YCbCr JPEG for grey, as libjpeg gives it; 16-bit PNG and TIFF samples kept 16-bit in
 * UNCHANGED mode, narrowed to their high byte otherwise); convert to the colour mode; block-average
 * when reducing; turn as the EXIF orientation says.
 *
 * <p>Plain JPEGs ({@link JpegSegments#jdkReadable()}) go to the JDK's own reader without
 * TwelveMonkeys' on top ({@link JdkJpegReads}), which decodes them alike with less garbage; any
 * JPEG it does not decode cleanly goes through TwelveMonkeys as the others do.
 *
 * <p>With {@link DecodeBuffers}, the step that makes the pixels first (the DCT-domain decode, or the
 * JDK's reader decoding an 8-bit grey or YCbCr JPEG straight into Sluice's layout) writes into the
 * array they lend, so that the common case (no mode change, reduction through the reader, turn or
 * region) returns an image over it. Every later step copies into a new array, as does every other
 * reader (PNG, GIF, TIFF, ..., CMYK JPEG), whose pixels come out of ImageIO's own raster.
 */
final class ImageIoImageDecoder extends BorrowingImageDecoder {
    static final String BYTES = "<bytes>";

    /** @param buffers lend the array the first step writes; null for a new one */
    @Override
    public Image decode(ByteBuffer encoded, DecodeOptions options, DecodeBuffers buffers) throws DecodeException {
        // The strict walk of a JPEG's coded data comes below: a scaled decode makes it while decoding.
        ImageHeader header = ImageHeader.read(encoded, options.withStrict(false));
        ByteBuffer data = encoded.slice();
        byte[] bytes;
        int offset = 0;
        int length = data.remaining();
        if (data.hasArray()) {
            bytes = data.array();
            offset = data.arrayOffset();
        } else {
            bytes = new byte[length];
            data.get(bytes);
        }
        JpegSegments jpeg = null;
        if (header.format().equals("jpeg")) {
            jpeg = JpegSegments.of(bytes, offset, length);
            if (jpeg.withoutProfiles() != null) {
                bytes = jpeg.withoutProfiles();
                offset = 0;
                length = bytes.length;
            }
        }
        int factor = Reductions.factor(header, options);
        int orientation = options.applyExifOrientation() ? header.orientation() : 1;
        if (jpeg != null) {
            boolean scalable = factor > 1 && jpeg.eightBitDct() && (jpeg.components() == 1 || jpeg.ycbcr())
                    && (jpeg.process() == 0 || jpeg.process() == 1 || (jpeg.process() == 2 && factor == 8));
            PixelBuffer scaled = scalable ? scaledJpeg(encoded, factor, options, jpeg.ycbcr(), buffers) : null;
            if (scaled != null) {
                return shown(scaled, header, factor, orientation, options);
            }
            if (options.strict() && !scalable) {
                JpegCoefficients.verify(encoded);
            }
        }
        requireSupported(header, jpeg, bytes, offset, length);
        // GIF frames may sit anywhere on the logical screen: decode whole and cut after placing them.
        boolean cutWhileReading = options.region() != null && !header.format().equals("gif");
        Rectangle source = cutWhileReading ? storedSource(header, options.region(), factor, orientation)
                : new Rectangle(0, 0, header.width(), header.height());
        PixelBuffer image = ColorModes.toMode(read(header, bytes, offset, length, jpeg, source, options, buffers),
                options.mode(), header.format().equals("png"));
        if (factor > 1) {
            image = image.blockAverage(factor);
        }
        image = Orientations.apply(image, orientation);
        if (options.region() != null && !cutWhileReading) {
            image = Regions.crop(image, Reductions.reducedRegion(options.region(), factor, image.width, image.height));
        }
        return image.toImage();
    }

    /**
     * {@link ScaledJpeg#decode}, or null for the reader's path: when the frame is not one it decodes
     * (the strict walk has then checked the data), or when lenient options meet damaged data, which
     * the JDK's reader decodes as far as it can.
     */
    private static PixelBuffer scaledJpeg(ByteBuffer encoded, int factor, DecodeOptions options, boolean ycbcr,
            DecodeBuffers buffers) throws DecodeException {
        try {
            ScaledJpeg.Samples scaled = ScaledJpeg.decode(encoded, factor, ycbcr && options.mode() == ColorMode.GRAY,
                    buffers);
            return scaled == null ? null : new PixelBuffer(scaled.width(), scaled.height(), scaled.channels(), scaled.array());
        } catch (DecodeException e) {
            if (options.strict()) {
                throw e;
            }
            return null;
        }
    }

    /** A whole stored image decoded at reduced scale, as the options show it: colour mode, region (cut first), orientation. */
    private static Image shown(PixelBuffer stored, ImageHeader header, int factor, int orientation, DecodeOptions options) {
        PixelBuffer image = ColorModes.toMode(stored, options.mode(), false);
        if (options.region() != null) {
            image = Regions.crop(image, reducedStoredRegion(header, options.region(), factor, orientation));
        }
        return Orientations.apply(image, orientation).toImage();
    }

    /**
     * The region at reduced scale, as the options show the image, traced back to the reduced image
     * as stored: the rectangle a cut before turning must take.
     */
    private static Region reducedStoredRegion(ImageHeader header, Region region, int factor, int orientation) {
        boolean apply = orientation != 1;
        int shownWidth = Reductions.reducedLength(header.shownWidth(apply), factor);
        int shownHeight = Reductions.reducedLength(header.shownHeight(apply), factor);
        Region shown = Reductions.reducedRegion(region, factor, shownWidth, shownHeight);
        return Regions.toStored(shown, orientation, Reductions.reducedLength(header.width(), factor),
                Reductions.reducedLength(header.height(), factor));
    }

    /**
     * The rectangle of the full-size stored image that holds the region once reduced and turned:
     * the region is scaled to the reduced image as shown, traced back to the reduced image as
     * stored, and widened to whole blocks there, so that block averages and orientation give
     * exactly the pixels a whole decode followed by a cut would.
     */
    private static Rectangle storedSource(ImageHeader header, Region region, int factor, int orientation) {
        Region stored = reducedStoredRegion(header, region, factor, orientation);
        int x0 = stored.x() * factor;
        int y0 = stored.y() * factor;
        int x1 = Math.min(header.width(), (stored.x() + stored.width()) * factor);
        int y1 = Math.min(header.height(), (stored.y() + stored.height()) * factor);
        return new Rectangle(x0, y0, x1 - x0, y1 - y0);
    }

    /** The stored samples of {@code source}, a rectangle of the stored image (GIF: of its screen). */
    private static PixelBuffer read(ImageHeader header, byte[] bytes, int offset, int length, JpegSegments jpeg,
            Rectangle source, DecodeOptions options, DecodeBuffers buffers) throws DecodeException {
        String format = header.format();
        if (jpeg != null && jpeg.jdkReadable()) {
            PixelBuffer plain = JdkJpegReads.read(bytes, offset, length, jpeg, source, options, buffers);
            if (plain != null) {
                return plain;
            }
        }
        ImageReader reader;
        try {
            reader = Readers.create(format);
        } catch (IOException | RuntimeException e) {
            throw ImageReaderReads.cannotDecode(format, e);
        }
        Predicate<String> counted = options.strict() ? ImageReaderReads::damagedData : warning -> false;
        return ImageReaderReads.read(reader, format, bytes, offset, length, jpeg, source, options, counted, buffers);
    }

    /**
     * Refuses, before decoding, the variants this backend's readers would decode to wrong pixels or
     * fail on obscurely (measured against libjpeg-turbo and libwebp on real files): 12-bit JPEG, which the
     * JDK's reader does not decode; lossless JPEG with a point transform (TwelveMonkeys starts the
     * prediction at 2^(P-1) instead of 2^(P-Pt-1), H.1.2.1, so every sample is off); lossy WebP, whose chroma TwelveMonkeys upsamples otherwise than libwebp.
     */
    private static void requireSupported(ImageHeader header, JpegSegments jpeg, byte[] bytes, int offset, int length)
            throws DecodeException {
        if (jpeg != null && !jpeg.lossless() && jpeg.precision() != 8 && jpeg.precision() != 0) {
            throw new UnsupportedImageException(BYTES, "unsupported JPEG variant: " + jpeg.precision() + "-bit JPEG (SOF"
                    + jpeg.process() + ") is not supported by the imageio decoder, whose JPEG reader decodes 8-bit DCT data only");
        }
        if (jpeg != null && jpeg.lossless() && jpeg.pointTransform() > 0) {
            throw new UnsupportedImageException(BYTES, "unsupported JPEG variant: lossless JPEG (SOF" + jpeg.process() + ", "
                    + jpeg.precision() + "-bit, " + jpeg.components() + " components) with point transform "
                    + jpeg.pointTransform() + " is not supported by the imageio decoder, whose lossless reader "
                    + "predicts such scans from the wrong initial value");
        }
        if (header.format().equals("webp") && WebPChunks.firstImageLossy(bytes, offset, length)) {
            throw new UnsupportedImageException(BYTES, "unsupported WebP variant: lossy WebP (VP8) is not supported by the imageio "
                    + "decoder, whose VP8 reader upsamples chroma otherwise than libwebp (up to 47 levels apart on real files)");
        }
    }
}
