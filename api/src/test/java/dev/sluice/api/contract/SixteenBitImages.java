package dev.sluice.api.contract;

import dev.sluice.api.DType;
import dev.sluice.api.Image;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * 16-bit test images and their files: gradients that use the whole range 0 to 65535 with low bytes
 * that matter, written as 16-bit PNG and TIFF by the JDK's own writers (no compression for TIFF),
 * for the contracts and for the tests of whatever handles uint16 images.
 */
public final class SixteenBitImages {
    private SixteenBitImages() {
    }

    /**
     * A {@code width x height} uint16 image of 1 to 4 channels (grey, grey + alpha, RGB, RGBA). The
     * first channel runs from 0 at the top left to 65535 at the bottom right in row order, the second
     * the same in column order, the third scatters the first over the range, alpha rises left to
     * right with a ripple; so each channel holds both 0 and 65535, and neighbouring samples differ in
     * their low byte.
     *
     * @param width at least 2
     * @param height at least 2
     */
    public static Image gradient(int width, int height, int channels) {
        if (width < 2 || height < 2 || channels < 1 || channels > 4) {
            throw new IllegalArgumentException("a gradient needs at least 2x2 pixels and 1 to 4 channels, got "
                    + width + "x" + height + "x" + channels);
        }
        double last = (double) width * height - 1;
        short[] samples = new short[width * height * channels];
        int at = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int rows = (int) Math.round((y * width + x) * 65535 / last);
                int columns = (int) Math.round((x * height + y) * 65535 / last);
                int scattered = rows * 40503 & 0xFFFF;
                int alpha = x == 0 || x == width - 1 ? (x == 0 ? 0 : 65535)
                        : (int) Math.round(x * 65535.0 / (width - 1)) ^ (y & 0xFF);
                int[] pixel = switch (channels) {
                    case 1 -> new int[] {rows};
                    case 2 -> new int[] {rows, alpha};
                    case 3 -> new int[] {rows, columns, scattered};
                    default -> new int[] {rows, columns, scattered, alpha};
                };
                for (int value : pixel) {
                    samples[at++] = (short) value;
                }
            }
        }
        return Image.wrapUint16(width, height, channels, samples);
    }

    /** {@code image} (uint16, 1 to 4 channels) as a 16-bit PNG written by the JDK's PNG writer. */
    public static byte[] png(Image image) {
        return write(image, "png");
    }

    /** {@code image} (uint16, 1 to 4 channels) as an uncompressed 16-bit TIFF written by the JDK's TIFF writer. */
    public static byte[] tiff(Image image) {
        return write(image, "tiff");
    }

    private static byte[] write(Image image, String format) {
        if (image.dtype() != DType.UINT16) {
            throw new IllegalArgumentException("expected a uint16 image, got " + image);
        }
        ImageWriter writer = jdkWriter(format);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(toBufferedImage(image), null, null), writer.getDefaultWriteParam());
        } catch (IOException e) {
            throw new UncheckedIOException("the JDK's " + format + " writer failed on " + image, e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /**
     * The JDK's own writer: a plugin on the test class path (TwelveMonkeys' TIFF writer, which writes
     * no 16-bit samples) may register before it.
     */
    private static ImageWriter jdkWriter(String format) {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName(format);
        while (writers.hasNext()) {
            ImageWriter writer = writers.next();
            if (writer.getOriginatingProvider().getPluginClassName().startsWith("com.sun.imageio.")) {
                return writer;
            }
        }
        throw new IllegalStateException("the JDK's " + format + " writer is missing");
    }

    private static BufferedImage toBufferedImage(Image image) {
        int channels = image.channels();
        boolean alpha = channels == 2 || channels == 4;
        ColorModel model = new ComponentColorModel(ColorSpace.getInstance(channels <= 2 ? ColorSpace.CS_GRAY : ColorSpace.CS_sRGB),
                alpha, false, alpha ? Transparency.TRANSLUCENT : Transparency.OPAQUE, DataBuffer.TYPE_USHORT);
        WritableRaster raster = model.createCompatibleWritableRaster(image.width(), image.height());
        raster.setPixels(0, 0, image.width(), image.height(), Pixels.levels(image));
        return new BufferedImage(model, raster, false, null);
    }
}
