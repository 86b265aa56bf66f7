package dev.sluice.plugins.imageio;

import com.twelvemonkeys.imageio.stream.ByteArrayImageInputStream;
import dev.sluice.api.ColorMode;
import dev.sluice.api.DecodeBuffers;
import dev.sluice.api.DecodeException;
import dev.sluice.api.DecodeOptions;
import dev.sluice.api.UnsupportedImageException;
import dev.sluice.api.spi.ImageHeader;
import java.awt.Rectangle;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataFormatImpl;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * One {@link ImageReader}'s read of the stored samples of a rectangle of an image, the same for every
 * reader the backend uses; only which of the reader's warnings count differs. The readers of
 * {@link Readers#create} count libjpeg's warnings about damaged data under strict options, and their
 * failures are the decoder's; the JDK's own JPEG reader on a plain JPEG ({@link JdkJpegReads}) counts
 * every warning, and any failure but the pixel limit sends the file to TwelveMonkeys' reader.
 */
final class ImageReaderReads {
    private static final String BYTES = ImageIoImageDecoder.BYTES;

    private ImageReaderReads() {
    }

    /**
     * The stored samples of {@code source}, a rectangle of the stored image (GIF: of its screen), as
     * {@code reader} reads them; the reader is disposed of after.
     *
     * @param format the file's format, one of {@link ImageHeader#FORMATS}, for the reader's settings and messages
     * @param jpeg the file's segments when it is a JPEG, else null
     * @param counted which of the reader's warnings make the read fail
     * @param buffers lend the array the reader writes; null for a new one
     * @throws PixelLimitException when the reader finds more pixels than {@link DecodeOptions#maxPixels()}
     * @throws DecodeException when the reader fails, warns a counted warning, or returns another size than
     *         {@code source}
     */
    static PixelBuffer read(ImageReader reader, String format, byte[] bytes, int offset, int length, JpegSegments jpeg,
            Rectangle source, DecodeOptions options, Predicate<String> counted, DecodeBuffers buffers) throws DecodeException {
        try (ByteArrayImageInputStream input = new ByteArrayImageInputStream(bytes, offset, length)) {
            reader.setInput(input, true, !format.equals("gif"));
            if (format.equals("tiff") && oldStyleJpeg(reader)) {
                throw new UnsupportedImageException(BYTES, "unsupported TIFF variant: old-style JPEG compression (6) is not supported "
                        + "by the imageio decoder, whose pixels differ from libtiff's beyond the tolerance of lossy decoders");
            }
            long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
            if (pixels > options.maxPixels()) {
                throw new PixelLimitException(BYTES, "the " + format + " reader finds a " + reader.getWidth(0) + "x"
                        + reader.getHeight(0) + " = " + pixels + " pixel image, more than the limit of " + options.maxPixels()
                        + " pixels (DecodeOptions.maxPixels); refused before decoding");
            }
            ImageReadParam param = reader.getDefaultReadParam();
            if (!format.equals("gif")) {
                param.setSourceRegion(source);
            }
            List<String> warnings = new ArrayList<>();
            reader.addIIOReadWarningListener((ignored, warning) -> {
                if (counted.test(warning)) {
                    warnings.add(warning);
                }
            });
            PixelBuffer stored;
            if (jpeg != null) {
                stored = readJpeg(reader, param, jpeg, source, options.mode(), buffers);
            } else {
                boolean keepSixteen = options.mode() == ColorMode.UNCHANGED && (format.equals("png") || format.equals("tiff"));
                stored = StoredSamples.of(reader.read(0, param), greyPng(format, bytes, offset), keepSixteen);
            }
            if (!warnings.isEmpty()) {
                throw new DecodeException(BYTES, "corrupt " + format + " data: the reader warns \"" + warnings.get(0)
                        + "\" (DecodeOptions.strict; lenient options accept the pixels it made of the data)");
            }
            if (format.equals("gif")) {
                // A GIF is read whole: its source is the logical screen.
                stored = GifFrames.onScreen(stored, reader, source.width, source.height);
            }
            if (stored.width != source.width || stored.height != source.height) {
                throw new DecodeException(BYTES, "the " + format + " reader returned a " + stored.width + "x" + stored.height
                        + " image where " + source.width + "x" + source.height + " was expected from the header");
            }
            return stored;
        } catch (DecodeException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw cannotDecode(format, e);
        } finally {
            reader.dispose();
        }
    }

    /**
     * Four components through the raw raster and libjpeg's conversion; grey of YCbCr from the raw
     * luma; colour and grey JPEGs otherwise decoded straight into Sluice's layout, which saves the
     * copy out of ImageIO's BGR image (and is faster in the JDK's decoder besides).
     */
    static PixelBuffer readJpeg(ImageReader reader, ImageReadParam param, JpegSegments jpeg, Rectangle source,
            ColorMode mode, DecodeBuffers buffers) throws IOException, DecodeException {
        if (jpeg.components() == 4) {
            return CmykConversions.jpegToRgb(reader.readRaster(0, param), jpeg.ycck());
        }
        if (jpeg.ycbcr() && mode == ColorMode.GRAY) {
            return StoredSamples.firstBand(reader.readRaster(0, param));
        }
        if (jpeg.eightBitDct() && (jpeg.components() == 3 || jpeg.components() == 1)) {
            int bytes = source.width * source.height * jpeg.components();
            byte[] samples = buffers == null ? new byte[bytes] : buffers.pixelArray(bytes);
            if (buffers != null) {
                // A reader that stops short of the last row under lenient options leaves the rest as it found
                // it: zeros in a new array, so zeros in a lent one too, never the pixels of an earlier image.
                Arrays.fill(samples, 0, bytes, (byte) 0);
            }
            PixelBuffer into = new PixelBuffer(source.width, source.height, jpeg.components(), samples);
            param.setDestination(StoredSamples.destination(into));
            reader.read(0, param);
            return into;
        }
        return StoredSamples.of(reader.read(0, param), false, false);
    }

    /** Whether the TIFF's first image uses compression 6, the old-style JPEG of TIFF 6.0 that TIFF Technote 2 replaced. */
    private static boolean oldStyleJpeg(ImageReader reader) throws IOException {
        Node root = reader.getImageMetadata(0).getAsTree(IIOMetadataFormatImpl.standardMetadataFormatName);
        for (Node section = root.getFirstChild(); section != null; section = section.getNextSibling()) {
            if (section.getNodeName().equals("Compression")) {
                for (Node entry = section.getFirstChild(); entry != null; entry = entry.getNextSibling()) {
                    if (entry.getNodeName().equals("CompressionTypeName") && entry instanceof Element element
                            && element.getAttribute("value").equals("Old JPEG")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** PNG colour types 0 and 4 store grey; ImageIO reads grey below 8 bits through a palette. */
    private static boolean greyPng(String format, byte[] bytes, int offset) {
        return format.equals("png") && (bytes[offset + 25] & ~4) == 0;
    }

    /**
     * Whether a reader's warning is one of libjpeg's about damaged data (jerror.h: JWRN_JPEG_EOF,
     * JWRN_HIT_MARKER, JWRN_EXTRANEOUS_DATA, JWRN_HUFF_BAD_CODE, JWRN_MUST_RESYNC, JWRN_BOGUS_PROGRESSION,
     * JWRN_ARITH_BAD_CODE), which the JDK's JPEG reader passes on; TwelveMonkeys' notes about the
     * workarounds it applies to odd but whole files are not.
     */
    static boolean damagedData(String warning) {
        return warning != null && (warning.startsWith("Corrupt JPEG data") || warning.startsWith("Premature end of JPEG")
                || warning.startsWith("Inconsistent progression sequence"));
    }

    /** The reader's own failure, as this backend reports it. */
    static DecodeException cannotDecode(String format, Exception e) {
        String message = e.getMessage();
        String reason = message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
        return new DecodeException(BYTES, "the " + format + " data cannot be decoded: " + reason, e);
    }
}
