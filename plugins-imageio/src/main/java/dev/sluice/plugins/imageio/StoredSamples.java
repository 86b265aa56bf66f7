package dev.sluice.plugins.imageio;

import dev.sluice.api.DecodeException;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferUShort;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.SampleModel;
import java.awt.image.WritableRaster;

/**
 * A decoded {@link BufferedImage} as Sluice's interleaved samples, with the channels it stores:
 * grey, grey + alpha, RGB or RGBA. Samples are taken as stored, without colour management (no ICC
 * profile, gamma or premultiplication is applied), as OpenCV and PIL take them. 16-bit samples
 * stay 16-bit when the caller keeps them (UNCHANGED mode), and otherwise keep their high byte, as
 * libpng's strip to 8 bits does.
 */
final class StoredSamples {
    /** Colour models are immutable; making one per image showed in the decoder's profile. */
    private static final ComponentColorModel GREY = opaqueBytes(ColorSpace.CS_GRAY);
    private static final ComponentColorModel RGB = opaqueBytes(ColorSpace.CS_sRGB);

    private StoredSamples() {
    }

    /**
     * @param greyPalette whether a palette image is really grey with fewer than 8 bits (PNG colour
     *        type 0, which ImageIO reads with a grey palette): then one channel, not three
     * @param keepSixteen whether unsigned 16-bit samples stay 16-bit (two little-endian bytes each)
     */
    static PixelBuffer of(BufferedImage image, boolean greyPalette, boolean keepSixteen) throws DecodeException {
        ColorModel model = image.getColorModel();
        Raster raster = image.getRaster();
        if (model instanceof IndexColorModel palette) {
            return fromPalette(raster, palette, greyPalette);
        }
        if (model instanceof ComponentColorModel) {
            if (model.getColorSpace().getType() == ColorSpace.TYPE_CMYK) {
                requireBits(raster, 8, "CMYK");
                return CmykConversions.tiffToRgb(raster);
            }
            int bands = raster.getNumBands();
            if (bands > 4) {
                throw new DecodeException("<bytes>", "images with " + bands + " channels are not supported (1 to 4 are)");
            }
            if (keepSixteen && raster.getDataBuffer() instanceof DataBufferUShort
                    && raster.getSampleModel().getSampleSize(0) == 16) {
                return sixteenBits(raster);
            }
            return fromComponents(raster);
        }
        return fromPackedRgb(image, model.hasAlpha());
    }

    private static PixelBuffer fromComponents(Raster raster) throws DecodeException {
        int width = raster.getWidth();
        int height = raster.getHeight();
        int bands = raster.getNumBands();
        byte[] out = new byte[width * height * bands];
        SampleModel sampleModel = raster.getSampleModel();
        DataBuffer buffer = raster.getDataBuffer();
        if (sampleModel instanceof ComponentSampleModel interleaved && buffer.getNumBanks() == 1
                && (buffer instanceof DataBufferByte || buffer instanceof DataBufferUShort)
                && raster.getSampleModelTranslateX() == 0 && raster.getSampleModelTranslateY() == 0) {
            copyInterleaved(interleaved, buffer, width, height, out);
            return new PixelBuffer(width, height, bands, out);
        }
        int bits = sampleModel.getSampleSize(0);
        if (bits > 16 || buffer.getDataType() == DataBuffer.TYPE_FLOAT || buffer.getDataType() == DataBuffer.TYPE_DOUBLE) {
            throw new DecodeException("<bytes>", bits + "-bit or floating-point samples are not supported; "
                    + "Sluice decodes images of up to 16 bits per integer sample");
        }
        int[] row = new int[width * bands];
        int max = (1 << bits) - 1;
        int at = 0;
        for (int y = 0; y < height; y++) {
            raster.getPixels(raster.getMinX(), raster.getMinY() + y, width, 1, row);
            for (int value : row) {
                out[at++] = (byte) (bits > 8 ? value >> (bits - 8) : bits == 8 ? value : value * 255 / max);
            }
        }
        return new PixelBuffer(width, height, bands, out);
    }

    /** Unsigned 16-bit samples as they are, little-endian, through the raster whatever its layout (interleaved or planar). */
    private static PixelBuffer sixteenBits(Raster raster) {
        int width = raster.getWidth();
        int height = raster.getHeight();
        int bands = raster.getNumBands();
        byte[] out = new byte[Math.multiplyExact(width * height * bands, 2)];
        int[] row = new int[width * bands];
        int at = 0;
        for (int y = 0; y < height; y++) {
            raster.getPixels(raster.getMinX(), raster.getMinY() + y, width, 1, row);
            for (int value : row) {
                out[at++] = (byte) value;
                out[at++] = (byte) (value >> 8);
            }
        }
        return new PixelBuffer(width, height, bands, 2, out);
    }

    /** The fast path for 8- and 16-bit pixel-interleaved rasters: straight from the data array, bands in colour-model order. */
    private static void copyInterleaved(ComponentSampleModel model, DataBuffer buffer, int width, int height, byte[] out) {
        int pixelStride = model.getPixelStride();
        int scanlineStride = model.getScanlineStride();
        int[] offsets = model.getBandOffsets();
        int bands = offsets.length;
        int base = buffer.getOffset();
        byte[] bytes = buffer instanceof DataBufferByte b ? b.getData() : null;
        short[] shorts = buffer instanceof DataBufferUShort s ? s.getData() : null;
        int at = 0;
        for (int y = 0; y < height; y++) {
            int rowStart = base + y * scanlineStride;
            for (int x = 0; x < width; x++) {
                int pixel = rowStart + x * pixelStride;
                for (int c = 0; c < bands; c++) {
                    out[at++] = bytes != null ? bytes[pixel + offsets[c]] : (byte) ((shorts[pixel + offsets[c]] & 0xFFFF) >> 8);
                }
            }
        }
    }

    private static PixelBuffer fromPalette(Raster raster, IndexColorModel palette, boolean grey) {
        int width = raster.getWidth();
        int height = raster.getHeight();
        int size = palette.getMapSize();
        byte[] reds = new byte[size];
        byte[] greens = new byte[size];
        byte[] blues = new byte[size];
        byte[] alphas = new byte[size];
        palette.getReds(reds);
        palette.getGreens(greens);
        palette.getBlues(blues);
        palette.getAlphas(alphas);
        int channels = grey ? 1 : palette.hasAlpha() ? 4 : 3;
        byte[] out = new byte[width * height * channels];
        int[] row = new int[width];
        int at = 0;
        for (int y = 0; y < height; y++) {
            raster.getSamples(raster.getMinX(), raster.getMinY() + y, width, 1, 0, row);
            for (int x = 0; x < width; x++) {
                int index = Math.min(row[x], size - 1);
                out[at++] = reds[index];
                if (!grey) {
                    out[at++] = greens[index];
                    out[at++] = blues[index];
                    if (channels == 4) {
                        out[at++] = alphas[index];
                    }
                }
            }
        }
        return new PixelBuffer(width, height, channels, out);
    }

    /** Packed pixels (BMP's 5-6-5 and bit-field layouts): through the colour model to 8-bit ARGB. */
    private static PixelBuffer fromPackedRgb(BufferedImage image, boolean alpha) {
        int width = image.getWidth();
        int height = image.getHeight();
        int channels = alpha ? 4 : 3;
        byte[] out = new byte[width * height * channels];
        int[] row = new int[width];
        int at = 0;
        for (int y = 0; y < height; y++) {
            image.getRGB(0, y, width, 1, row, 0, width);
            for (int argb : row) {
                out[at++] = (byte) (argb >> 16);
                out[at++] = (byte) (argb >> 8);
                out[at++] = (byte) argb;
                if (alpha) {
                    out[at++] = (byte) (argb >>> 24);
                }
            }
        }
        return new PixelBuffer(width, height, channels, out);
    }

    /**
     * A BufferedImage over {@code samples}' array in Sluice's layout (grey, or RGB in that order),
     * for a reader to decode straight into.
     */
    static BufferedImage destination(PixelBuffer samples) {
        boolean grey = samples.channels == 1;
        ComponentColorModel model = grey ? GREY : RGB;
        WritableRaster raster = Raster.createInterleavedRaster(new DataBufferByte(samples.data, samples.data.length),
                samples.width, samples.height, samples.width * samples.channels, samples.channels,
                grey ? new int[] {0} : new int[] {0, 1, 2}, null);
        return new BufferedImage(model, raster, false, null);
    }

    private static ComponentColorModel opaqueBytes(int colorSpace) {
        return new ComponentColorModel(ColorSpace.getInstance(colorSpace), false, false, Transparency.OPAQUE,
                DataBuffer.TYPE_BYTE);
    }

    /** The first band of an 8-bit raster: the stored luma of a YCbCr JPEG read raw. */
    static PixelBuffer firstBand(Raster raster) {
        int width = raster.getWidth();
        int height = raster.getHeight();
        byte[] out = new byte[width * height];
        if (raster.getSampleModel() instanceof ComponentSampleModel model && raster.getDataBuffer() instanceof DataBufferByte buffer
                && buffer.getNumBanks() == 1 && raster.getSampleModelTranslateX() == 0 && raster.getSampleModelTranslateY() == 0) {
            byte[] data = buffer.getData();
            int stride = model.getPixelStride();
            for (int y = 0; y < height; y++) {
                int at = buffer.getOffset() + y * model.getScanlineStride() + model.getBandOffsets()[0];
                for (int x = 0; x < width; x++, at += stride) {
                    out[y * width + x] = data[at];
                }
            }
            return new PixelBuffer(width, height, 1, out);
        }
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            raster.getSamples(raster.getMinX(), raster.getMinY() + y, width, 1, 0, row);
            for (int x = 0; x < width; x++) {
                out[y * width + x] = (byte) row[x];
            }
        }
        return new PixelBuffer(width, height, 1, out);
    }

    private static void requireBits(Raster raster, int bits, String what) throws DecodeException {
        int actual = raster.getSampleModel().getSampleSize(0);
        if (actual != bits) {
            throw new DecodeException("<bytes>", actual + "-bit " + what + " images are not supported; only " + bits + "-bit ones are");
        }
    }
}
