package dev.sluice.plugins.imageio;

import dev.sluice.api.DType;
import dev.sluice.api.EncodeException;
import dev.sluice.api.EncodeOptions;
import dev.sluice.api.Image;
import dev.sluice.api.ImageEncoder;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Encodes with the JDK's PNG writer (grey, grey + alpha, RGB, RGBA) and JPEG writer (grey, RGB;
 * IJG quality scale, 4:2:0 chroma, the same bytes as libjpeg at the same quality). A JPEG of an
 * image with alpha is refused: JPEG cannot hold it, and dropping it silently would change the image.
 */
final class ImageIoImageEncoder implements ImageEncoder {

    @Override
    public byte[] encode(Image image, EncodeOptions options) throws EncodeException {
        boolean jpeg = options.format().equals("jpeg");
        if (!jpeg && !options.format().equals("png")) {
            throw new EncodeException(image + ": format '" + options.format()
                    + "' is not supported by the imageio encoder; it writes png and jpeg", null);
        }
        if (image.dtype() != DType.UINT8) {
            throw new EncodeException(image + ": the imageio encoder writes 8-bit images and does not narrow "
                    + image.dtype() + " samples", null);
        }
        int channels = image.channels();
        if (jpeg && (channels == 2 || channels == 4)) {
            throw new EncodeException(image + ": JPEG has no alpha channel; write png, or drop the alpha first", null);
        }
        ImageWriter writer = writer(options.format());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (jpeg) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(options.quality() / 100f);
            }
            writer.write(null, new IIOImage(toBufferedImage(image), null, null), param);
        } catch (IOException | RuntimeException e) {
            throw new EncodeException(image + ": the JDK's " + options.format() + " writer failed: " + e.getMessage(), e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** The JDK's own writer: TwelveMonkeys' JPEG writer only wraps it, and its PNG writer does not exist. */
    private static ImageWriter writer(String format) throws EncodeException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName(format);
        ImageWriter chosen = null;
        while (writers.hasNext()) {
            ImageWriter candidate = writers.next();
            if (chosen == null || candidate.getClass().getName().startsWith("com.sun.imageio.")) {
                if (chosen != null) {
                    chosen.dispose();
                }
                chosen = candidate;
            } else {
                candidate.dispose();
            }
        }
        if (chosen == null) {
            throw new EncodeException("no ImageIO writer for " + format + " in this Java runtime", null);
        }
        return chosen;
    }

    /** The samples wrapped, not copied, in an 8-bit interleaved image of the matching colour model. */
    private static BufferedImage toBufferedImage(Image image) {
        int channels = image.channels();
        boolean alpha = channels == 2 || channels == 4;
        ComponentColorModel model = new ComponentColorModel(
                ColorSpace.getInstance(channels <= 2 ? ColorSpace.CS_GRAY : ColorSpace.CS_sRGB), alpha, false,
                alpha ? Transparency.TRANSLUCENT : Transparency.OPAQUE, DataBuffer.TYPE_BYTE);
        int[] offsets = new int[channels];
        for (int c = 0; c < channels; c++) {
            offsets[c] = c;
        }
        PixelInterleavedSampleModel layout = new PixelInterleavedSampleModel(DataBuffer.TYPE_BYTE, image.width(),
                image.height(), channels, image.width() * channels, offsets);
        WritableRaster raster = Raster.createWritableRaster(layout, new DataBufferByte(image.toArray(), image.byteSize()), null);
        return new BufferedImage(model, raster, false, null);
    }
}
