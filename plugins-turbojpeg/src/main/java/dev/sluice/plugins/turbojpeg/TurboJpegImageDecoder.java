package dev.sluice.plugins.turbojpeg;

import dev.sluice.api.BorrowingImageDecoder;
import dev.sluice.api.ColorMode;
import dev.sluice.api.DecodeBuffers;
import dev.sluice.api.DecodeException;
import dev.sluice.api.DecodeOptions;
import dev.sluice.api.Image;
import dev.sluice.api.Region;
import dev.sluice.api.UnsupportedImageException;
import dev.sluice.api.spi.AdobeTransforms;
import dev.sluice.api.spi.ImageHeader;
import dev.sluice.api.spi.JpegProcesses;
import dev.sluice.api.spi.Reductions;
import dev.sluice.api.spi.ScaledJpeg;
import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * Decodes JPEG with a native libjpeg-turbo: the header is read and checked in Java first (size,
 * pixel limit, region, EXIF orientation, a marker structure that reaches its end-of-image marker,
 * and under strict options the coded data of sequential scans, which is what catches the corrupt
 * data the bundled path's Leptonica would not report);
 * the codec decodes the whole frame at the chosen reduction in the DCT domain; then one pass turns,
 * cuts and lays out the pixels into the image's array: a new one, or the one the caller's
 * {@link DecodeBuffers} lend. With lent buffers, an image that needs no such pass (no turn, no region,
 * RGB or grey as the codec gives it) is decoded by the system library straight into their direct
 * memory, each byte written once. A JPEG at 1/8 under strict options is made in Java from the
 * coefficients the strict walk reads ({@link ScaledJpeg#atOneEighth}: libjpeg's samples, without
 * decoding the data twice), where its markers say libjpeg would read it so.
 */
final class TurboJpegImageDecoder extends BorrowingImageDecoder {
    private static final String BYTES = "<bytes>";
    private final JpegCodec codec;

    TurboJpegImageDecoder(JpegCodec codec) {
        this.codec = codec;
    }

    /** @param buffers lend the image's array; null for a new one */
    @Override
    public Image decode(ByteBuffer encoded, DecodeOptions options, DecodeBuffers buffers) throws DecodeException {
        // Leniently first: the strict walk is made below, once, by whichever route decodes.
        ImageHeader header = ImageHeader.read(encoded, options.withStrict(false));
        if (!header.format().equals("jpeg")) {
            throw new UnsupportedImageException(BYTES, header.format() + " is not read by the turbojpeg decoder, which reads "
                    + "JPEG only; the opencv or imageio decoder reads " + header.format()
                    + " (decoder: auto sends each file to one that reads it)");
        }
        Optional<String> unreadable = JpegProcesses.unreadableBy8BitLibjpeg(encoded);
        if (unreadable.isPresent()) {
            throw new UnsupportedImageException(BYTES, unreadable.get() + " such as the turbojpeg decoder's; the imageio decoder "
                    + "reads it");
        }
        int factor = Reductions.factor(header, options);
        int orientation = options.applyExifOrientation() ? header.orientation() : 1;
        boolean straight = orientation == 1 && options.region() == null;
        ScaledJpeg.Samples fromWalk = ScaledJpeg.beforeLibjpeg(encoded, factor, options, straight ? buffers : null);
        if (fromWalk != null) {
            return fromTheWalk(fromWalk, straight, orientation, options, buffers);
        }
        ByteBuffer[] direct = new ByteBuffer[1];
        PixelTarget target = buffers == null || orientation != 1 || options.region() != null ? null
                : (layout, width, height) -> {
                    int channels = channels(options.mode(), layout);
                    if (layout.bytesPerPixel() != channels || (layout != RasterLayout.RGB && layout != RasterLayout.GRAY)) {
                        return null;
                    }
                    direct[0] = buffers.directPixels(Math.multiplyExact(Math.multiplyExact(width, height), channels));
                    return direct[0];
                };
        try (Raster raster = codec.decode(AdobeTransforms.asLibjpegAssumes(encoded), header, factor, options.mode(),
                target)) {
            if (direct[0] != null && raster.bytes() == direct[0]) {
                return Image.wrap(raster.width(), raster.height(), raster.layout().bytesPerPixel(), direct[0]);
            }
            return shown(raster, orientation, factor, options, buffers);
        }
    }

    /**
     * A JPEG at 1/8 made from the coefficients of the strict walk ({@link ScaledJpeg#beforeLibjpeg}):
     * at 1/8 libjpeg would entropy-decode the coded data a second time after the walk (12 to 26% more
     * CPU on 3,640 to 3,840 pixel wide photographs), and a progressive frame's every AC scan into a
     * coefficient buffer of the whole image (55 MB, zeroed, for a 3,840 x 2,400 4:4:4 photograph; 4 to
     * 5 times the CPU), to show what its 1/8 transforms read (BENCHMARKS.md, "the large photographs'
     * CPU"), as the options show it.
     *
     * @param straight whether the image is shown as decoded (no turn, no region), so that
     *        {@code samples} were made in the lent memory
     */
    private static Image fromTheWalk(ScaledJpeg.Samples samples, boolean straight, int orientation,
            DecodeOptions options, DecodeBuffers buffers) throws DecodeException {
        RasterLayout layout = samples.channels() == 1 ? RasterLayout.GRAY : RasterLayout.RGB;
        if (straight && channels(options.mode(), layout) == samples.channels()) {
            return Image.wrap(samples.width(), samples.height(), samples.channels(), ByteBuffer.wrap(samples.array(), 0,
                    samples.width() * samples.height() * samples.channels()));
        }
        // Samples in lent memory are copied into memory of their own: the copy cannot write where it reads.
        try (Raster raster = new Raster(ByteBuffer.wrap(samples.array()), samples.width(), samples.height(),
                samples.width() * samples.channels(), layout, () -> { })) {
            return shown(raster, orientation, 8, options, straight ? null : buffers);
        }
    }

    /** The raster as the options show it: turned, cut and laid out in one pass into a new or a lent array. */
    private static Image shown(Raster raster, int orientation, int factor, DecodeOptions options, DecodeBuffers buffers)
            throws DecodeException {
        int shownWidth = orientation >= 5 ? raster.height() : raster.width();
        int shownHeight = orientation >= 5 ? raster.width() : raster.height();
        Region region = options.region() == null ? new Region(0, 0, shownWidth, shownHeight)
                : Reductions.reducedRegion(options.region(), factor, shownWidth, shownHeight);
        int channels = channels(options.mode(), raster.layout());
        int bytes = Math.multiplyExact(Math.multiplyExact(region.width(), region.height()), channels);
        byte[] pixels = buffers == null ? new byte[bytes] : buffers.pixelArray(bytes);
        RasterCopy.copy(raster, orientation, region, channels, pixels);
        return Image.wrap(region.width(), region.height(), channels, ByteBuffer.wrap(pixels, 0, bytes));
    }

    /** The channels of the image: 3 in RGB mode, 1 in GRAY, and what the raster holds in UNCHANGED. */
    private static int channels(ColorMode mode, RasterLayout layout) {
        return switch (mode) {
            case RGB -> 3;
            case GRAY -> 1;
            case UNCHANGED -> layout.grey() ? 1 : 3;
        };
    }
}
