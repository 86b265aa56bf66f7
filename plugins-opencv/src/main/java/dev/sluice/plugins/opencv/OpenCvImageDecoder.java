package dev.sluice.plugins.opencv;

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
import dev.sluice.api.spi.PngChunks;
import dev.sluice.api.spi.Reductions;
import dev.sluice.api.spi.ScaledJpeg;
import java.nio.ByteBuffer;
import java.util.Set;
import org.opencv.core.CvException;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/**
 * Decodes with OpenCV's {@code imdecode}. The steps, the same as the imageio backend's: read the
 * header (size, orientation) and refuse what the options forbid; pick the factor (the fixed one, or
 * the one the automatic reduction allows for the size as shown); decode in the stored orientation,
 * reduced in the DCT domain for JPEG; lay the channels out as Sluice does (RGB order, 8 bits
 * except 16-bit PNG and TIFF in UNCHANGED mode, grey + alpha as two channels); block-average other formats when reducing; turn as the EXIF
 * orientation says; cut the region, scaled with the reduction. A JPEG at 1/8 under strict options
 * is made in Java from the coefficients the strict walk reads instead ({@link ScaledJpeg#atOneEighth}:
 * libjpeg's samples, without decoding the data twice), where its markers say libjpeg would read it so.
 */
final class OpenCvImageDecoder extends BorrowingImageDecoder {
    private static final String BYTES = "<bytes>";
    private static final Set<String> FORMATS = Set.of("jpeg", "png", "bmp", "tiff");

    /**
     * Decodes into the lent memory, when there is some: an 8-bit image is returned over
     * {@link DecodeBuffers#directPixels}, which OpenCV writes from native code; where the image needs
     * nothing but BGR to RGB after imdecode (no block average, no turn), the conversion of the region
     * alone writes it there, so each output byte is written once after decoding.
     *
     * @param lent the caller's buffers, or null for an image over memory of its own
     */
    @Override
    public Image decode(ByteBuffer encoded, DecodeOptions options, DecodeBuffers lent) throws DecodeException {
        // Leniently first: a JPEG's strict walk is made below, once, by whichever route decodes it.
        ImageHeader header = ImageHeader.read(encoded, options.withStrict(false));
        if (!FORMATS.contains(header.format())) {
            throw new UnsupportedImageException(BYTES, header.format() + " is not supported by the opencv decoder (the OpenCV 4.9 "
                    + "build of org.openpnp:opencv reads jpeg, png, bmp and tiff); the imageio decoder reads "
                    + header.format());
        }
        boolean jpeg = header.format().equals("jpeg");
        String unsupported = jpeg ? JpegFrames.unsupported(encoded)
                : header.format().equals("bmp") ? BmpBitFields.unsupported(encoded) : null;
        if (unsupported != null) {
            throw new UnsupportedImageException(BYTES, unsupported);
        }
        int factor = Reductions.factor(header, options);
        int codecReduce = jpeg ? factor : 1;
        boolean tiff = header.format().equals("tiff");
        ColorMode readMode = tiff ? tiffReadMode(TiffSamples.of(encoded), options.mode()) : options.mode();
        boolean turned = options.applyExifOrientation() && header.orientation() != 1;
        boolean straight = !turned && options.region() == null;
        ScaledJpeg.Samples fromWalk = jpeg ? ScaledJpeg.beforeLibjpeg(encoded, factor, options, straight ? lent : null)
                : null;
        if (fromWalk != null) {
            return fromTheWalk(fromWalk, straight, turned ? header.orientation() : 1, options, lent);
        }
        // What imdecode is handed: a TIFF in its stored orientation; a PNG or JPEG without what libpng or
        // libjpeg would print a warning about on standard error. Made only on this route, not the walk's.
        ByteBuffer data = switch (header.format()) {
            case "tiff" -> header.orientation() != 1 ? TiffOrientations.storedOrientation(encoded) : encoded;
            case "png" -> PngChunks.withoutDamagedAncillaryChunks(encoded);
            case "jpeg" -> AdobeTransforms.asLibjpegAssumes(encoded);
            default -> encoded;
        };
        try (MatScope scope = new MatScope()) {
            Mat decoded = scope.track(Imgcodecs.imdecode(input(data, scope), flags(readMode, codecReduce)));
            requireDecoded(decoded, header, codecReduce);
            if (lent != null && decoded.type() == CvType.CV_8UC3 && factor == codecReduce && !turned) {
                return MatLayouts.toLentRgb(decoded, region(options, factor, decoded), lent, scope);
            }
            Mat pixels = MatLayouts.toSluiceLayout(decoded, options.mode(), greyWithAlpha(encoded, header), scope);
            if (factor > codecReduce) {
                pixels = MatLayouts.blockAverage(pixels, factor, scope);
            }
            if (turned) {
                pixels = MatLayouts.orient(pixels, header.orientation(), scope);
            }
            Region region = region(options, factor, pixels);
            return lent == null ? MatLayouts.toImage(pixels, region, scope) : MatLayouts.toLentImage(pixels, region, lent, scope);
        } catch (CvException e) {
            throw new DecodeException(BYTES, "OpenCV failed on the " + header.format() + " data: " + e.getMessage(), e);
        }
    }

    /**
     * A JPEG at 1/8 made from the coefficients of the strict walk ({@link ScaledJpeg#beforeLibjpeg}),
     * as the options show it: at 1/8 libjpeg would entropy-decode the coded data a second time after
     * the walk, and a progressive frame's every AC scan into a coefficient buffer of the whole image
     * (55 MB, zeroed, for a 3,840 x 2,400 4:4:4 photograph; about 5 times the CPU), to show what its
     * 1/8 transforms read (BENCHMARKS.md, "the large photographs' CPU").
     *
     * @param straight whether the image is shown as decoded (no turn, no region), so that
     *        {@code samples} were made in the lent memory
     * @param orientation the EXIF orientation to apply, 1 when none is
     */
    private static Image fromTheWalk(ScaledJpeg.Samples samples, boolean straight, int orientation,
            DecodeOptions options, DecodeBuffers lent) throws DecodeException {
        int channels = samples.channels();
        int bytes = samples.width() * samples.height() * channels;
        boolean expand = options.mode() == ColorMode.RGB && channels == 1;
        if (straight && !expand) {
            return Image.wrap(samples.width(), samples.height(), channels, ByteBuffer.wrap(samples.array(), 0, bytes));
        }
        // Samples in lent heap memory go out through a Mat into lent direct memory: never where they are read.
        try (MatScope scope = new MatScope()) {
            Mat pixels = scope.track(new Mat(samples.height(), samples.width(), channels == 3 ? CvType.CV_8UC3 : CvType.CV_8UC1));
            pixels.put(0, 0, samples.array(), 0, bytes);
            if (expand) {
                Mat rgb = scope.newMat();
                ColorConversions.convert(pixels, rgb, Imgproc.COLOR_GRAY2RGB, 3);
                pixels = rgb;
            }
            if (orientation != 1) {
                pixels = MatLayouts.orient(pixels, orientation, scope);
            }
            Region region = region(options, 8, pixels);
            return lent == null ? MatLayouts.toImage(pixels, region, scope) : MatLayouts.toLentImage(pixels, region, lent, scope);
        } catch (CvException e) {
            throw new DecodeException(BYTES, "OpenCV failed on the JPEG's samples: " + e.getMessage(), e);
        }
    }

    /** The options' region scaled by the reduction and checked against {@code pixels}, or null for the whole image. */
    private static Region region(DecodeOptions options, int factor, Mat pixels) throws DecodeException {
        return options.region() == null ? null
                : Reductions.reducedRegion(options.region(), factor, pixels.cols(), pixels.rows());
    }

    /**
     * The mode to ask OpenCV for, around the two TIFF layouts its reader gets wrong
     * ({@link TiffSamples}): a 16-bit RGBA TIFF is read unchanged and converted here; a grey + alpha
     * TIFF in UNCHANGED mode is refused, as OpenCV cannot return its alpha.
     */
    private static ColorMode tiffReadMode(TiffSamples samples, ColorMode mode) throws UnsupportedImageException {
        if (samples.samplesPerPixel() == 2 && mode == ColorMode.UNCHANGED) {
            throw new UnsupportedImageException(BYTES, "a grey + alpha TIFF in unchanged mode is not supported by the opencv "
                    + "decoder: OpenCV 4.9's TIFF reader returns it as one 8-bit channel without its alpha; the imageio "
                    + "decoder reads it");
        }
        return samples.samplesPerPixel() == 4 && samples.bitsPerSample() == 16 ? ColorMode.UNCHANGED : mode;
    }

    /**
     * The imdecode flags. OpenCV is never left to apply the orientation (it would skip it in
     * UNCHANGED mode, and the reduction must come first); for a JPEG in UNCHANGED mode, ANYCOLOR
     * keeps grey grey and colour colour, the only way to combine "as stored" with a reduction.
     */
    private static int flags(ColorMode mode, int reduce) {
        int reduced = switch (reduce) {
            case 2 -> Imgcodecs.IMREAD_REDUCED_GRAYSCALE_2;
            case 4 -> Imgcodecs.IMREAD_REDUCED_GRAYSCALE_4;
            case 8 -> Imgcodecs.IMREAD_REDUCED_GRAYSCALE_8;
            default -> 0;
        };
        return switch (mode) {
            case RGB -> Imgcodecs.IMREAD_COLOR | reduced | Imgcodecs.IMREAD_IGNORE_ORIENTATION;
            case GRAY -> Imgcodecs.IMREAD_GRAYSCALE | reduced | Imgcodecs.IMREAD_IGNORE_ORIENTATION;
            case UNCHANGED -> reduce == 1 ? Imgcodecs.IMREAD_UNCHANGED
                    : Imgcodecs.IMREAD_ANYCOLOR | reduced | Imgcodecs.IMREAD_IGNORE_ORIENTATION;
        };
    }

    /**
     * The encoded bytes as a one-row Mat: a direct buffer is wrapped where it lies, a heap buffer
     * is copied once into native memory.
     */
    private static Mat input(ByteBuffer encoded, MatScope scope) {
        ByteBuffer data = encoded.slice();
        if (data.isDirect()) {
            return scope.track(new Mat(1, data.remaining(), CvType.CV_8UC1, data));
        }
        Mat input = scope.track(new Mat(1, data.remaining(), CvType.CV_8UC1));
        if (data.hasArray()) {
            input.put(0, 0, data.array(), data.arrayOffset(), data.remaining());
        } else {
            byte[] copy = new byte[data.remaining()];
            data.get(copy);
            input.put(0, 0, copy);
        }
        return input;
    }

    /**
     * imdecode answers failure with an empty Mat and no reason; the size check guards against a
     * decoder that read another image than the header describes.
     */
    private static void requireDecoded(Mat decoded, ImageHeader header, int reduce) throws DecodeException {
        if (decoded.empty()) {
            throw new DecodeException(BYTES, "OpenCV could not decode the " + header.format()
                    + " data: it is corrupt, truncated, or a variant OpenCV does not read");
        }
        int width = Reductions.reducedLength(header.width(), reduce);
        int height = Reductions.reducedLength(header.height(), reduce);
        if (decoded.cols() != width || decoded.rows() != height) {
            throw new DecodeException(BYTES, "OpenCV decoded a " + decoded.cols() + "x" + decoded.rows() + " image where the "
                    + header.format() + " header declares " + header.width() + "x" + header.height()
                    + (reduce > 1 ? " (" + width + "x" + height + " reduced by " + reduce + ")" : ""));
        }
    }

    /** A PNG of colour type 4, which OpenCV expands to BGRA though it stores two channels. */
    private static boolean greyWithAlpha(ByteBuffer encoded, ImageHeader header) {
        return header.format().equals("png") && encoded.get(encoded.position() + 25) == 4;
    }
}
