package dev.sluice.api.contract;

import dev.sluice.api.Image;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.w3c.dom.NodeList;

/**
 * Test images made in the test, and the JDK's own PNG and JPEG codecs ({@code javax.imageio}) to
 * encode and read them, so that contract tests need no fixture files and no codec but the one under
 * test. Every method is deterministic and thread-safe.
 *
 * <pre>{@code
 * Image photo = TestImages.photo(101, 67, 3);
 * byte[] png = TestImages.png(photo);
 * assertEquals(photo, TestImages.read(png));
 * }</pre>
 */
public final class TestImages {
    private static final long NOISE_SEED = 20240611L;

    private TestImages() {
    }

    /**
     * A procedurally drawn image that exercises a codec like a photograph does: smooth gradients,
     * a fine ripple and per-pixel noise (texture), and hard edges (a bright disc, a black diagonal
     * bar, a black-and-white checkerboard patch) whose samples reach both 0 and 255. The alpha
     * channel is a smooth radial fall-off with a fully transparent rectangular hole.
     *
     * <p>The channels are consistent with one another: the grey channel (1 and 2 channels) is
     * {@code round(0.299 R + 0.587 G + 0.114 B)} of the colour image drawn for 3 channels, and the
     * alpha of 2 and 4 channels is the same. The same arguments always give the same pixels.
     *
     * @param width columns, {@code > 0}
     * @param height rows, {@code > 0}
     * @param channels 1 grey, 2 grey + alpha, 3 RGB, 4 RGBA
     * @throws IllegalArgumentException if an argument is out of range
     */
    public static Image photo(int width, int height, int channels) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("width and height must be > 0, were " + width + "x" + height);
        }
        if (channels < 1 || channels > 4) {
            throw new IllegalArgumentException("channels must be 1 to 4, was " + channels);
        }
        SplittableRandom noise = new SplittableRandom(NOISE_SEED);
        byte[] out = new byte[width * height * channels];
        int[] rgba = new int[4];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                drawPixel(x, y, width, height, noise.nextInt(-10, 11), rgba);
                int at = (y * width + x) * channels;
                if (channels <= 2) {
                    out[at] = (byte) grey(rgba[0], rgba[1], rgba[2]);
                } else {
                    out[at] = (byte) rgba[0];
                    out[at + 1] = (byte) rgba[1];
                    out[at + 2] = (byte) rgba[2];
                }
                if (channels == 2 || channels == 4) {
                    out[at + channels - 1] = (byte) rgba[3];
                }
            }
        }
        return Image.wrap(width, height, channels, out);
    }

    private static void drawPixel(int x, int y, int width, int height, int noise, int[] rgba) {
        double fx = width == 1 ? 0 : x / (double) (width - 1);
        double fy = height == 1 ? 0 : y / (double) (height - 1);
        double ripple = 14 * Math.sin(x * 0.9 + y * 0.35) * Math.cos(y * 0.6);
        double r = 30 + 180 * fx + ripple + noise;
        double g = 20 + 200 * fy + 0.8 * ripple + noise;
        double b = 220 - 80 * (fx + fy) - ripple + noise;
        double dx = x - 0.3 * width;
        double dy = y - 0.55 * height;
        double radius = 0.2 * Math.min(width, height);
        if (dx * dx + dy * dy < radius * radius) {
            r = 250;
            g = 200 + noise;
            b = 25;
        }
        if (Math.abs(x - 1.2 * y - 0.45 * width) < 2.5) {
            r = 0;
            g = 0;
            b = 0;
        }
        if (x >= width - 24 && y < 16) {
            double level = ((x / 4 + y / 4) % 2 == 0) ? 255 : 0;
            r = level;
            g = level;
            b = level;
        }
        double ax = fx - 0.5;
        double ay = fy - 0.5;
        double alpha = 255 * (1 - 1.4 * Math.sqrt(ax * ax + ay * ay));
        if (x >= width / 8 && x < width / 8 + 10 && y >= height - 12 && y < height - 6) {
            alpha = 0;
        }
        rgba[0] = clamp(r);
        rgba[1] = clamp(g);
        rgba[2] = clamp(b);
        rgba[3] = clamp(alpha);
    }

    private static int clamp(double value) {
        return (int) Math.max(0, Math.min(255, Math.round(value)));
    }

    // ITU-R BT.601 luma, rounded to the nearest level, as ColorMode.GRAY defines it.
    static int grey(int r, int g, int b) {
        return (int) Math.round(0.299 * r + 0.587 * g + 0.114 * b);
    }

    /**
     * {@code image} as a PNG file written by the JDK's PNG writer: colour type grey, grey + alpha,
     * RGB or RGBA for 1 to 4 channels, 8 bits per sample, not interlaced.
     *
     * @throws UncheckedIOException if the JDK's writer fails (it does not for valid images)
     */
    public static byte[] png(Image image) {
        return write(image, "png", null);
    }

    /**
     * {@code image} as a baseline JPEG file (JFIF, Huffman, 4:2:0 chroma subsampling for colour)
     * written by the JDK's JPEG writer, whose quality scale is the IJG one that libjpeg, OpenCV and
     * PIL use.
     *
     * @param image 1 (grey) or 3 (RGB) channels
     * @param quality 1 to 100
     * @throws IllegalArgumentException if the image has alpha or the quality is out of range
     * @throws UncheckedIOException if the JDK's writer fails (it does not for valid images)
     */
    public static byte[] jpeg(Image image, int quality) {
        requireJpegInput(image, quality);
        return write(image, "jpeg", quality);
    }

    /**
     * {@code image} as a progressive JPEG written by the JDK's writer (its default progression, 4:2:0
     * for colour): the same quantised coefficients as {@link #jpeg} writes at the same quality.
     *
     * @param image 1 (grey) or 3 (RGB) channels
     * @param quality 1 to 100
     * @throws IllegalArgumentException as {@link #jpeg}
     */
    public static byte[] progressiveJpeg(Image image, int quality) {
        requireJpegInput(image, quality);
        return write(image, "jpeg", quality, true);
    }

    /**
     * {@code image} (3 channels) as a progressive JPEG whose luma is sampled {@code lumaHorizontal} x
     * {@code lumaVertical} times as densely as each chroma component (1 x 1: 4:4:4, 2 x 1: 4:2:2,
     * 2 x 2: 4:2:0), written by the JDK's writer with its sampling factors set in its metadata.
     *
     * @param quality 1 to 100
     * @throws IllegalArgumentException as {@link #jpeg}, and for sampling factors outside 1 to 4
     */
    public static byte[] progressiveJpeg(Image image, int quality, int lumaHorizontal, int lumaVertical) {
        requireJpegInput(image, quality);
        if (image.channels() != 3 || lumaHorizontal < 1 || lumaHorizontal > 4 || lumaVertical < 1 || lumaVertical > 4) {
            throw new IllegalArgumentException("an RGB image and luma sampling factors of 1 to 4, not " + image.channels()
                    + " channels and " + lumaHorizontal + "x" + lumaVertical);
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality / 100f);
            param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            BufferedImage buffered = toBufferedImage(image);
            IIOMetadata metadata = writer.getDefaultImageMetadata(new ImageTypeSpecifier(buffered), param);
            String format = metadata.getNativeMetadataFormatName();
            IIOMetadataNode tree = (IIOMetadataNode) metadata.getAsTree(format);
            NodeList components = tree.getElementsByTagName("componentSpec");
            for (int i = 0; i < components.getLength(); i++) {
                IIOMetadataNode component = (IIOMetadataNode) components.item(i);
                component.setAttribute("HsamplingFactor", String.valueOf(i == 0 ? lumaHorizontal : 1));
                component.setAttribute("VsamplingFactor", String.valueOf(i == 0 ? lumaVertical : 1));
            }
            metadata.setFromTree(format, tree);
            writer.write(null, new IIOImage(buffered, null, metadata), param);
        } catch (IOException e) {
            throw new UncheckedIOException("the JDK's jpeg writer failed on " + image, e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /**
     * {@code jpeg} with an EXIF segment (APP1, little-endian TIFF) holding only the orientation tag,
     * inserted after the JFIF segment as cameras write it.
     *
     * @param orientation the EXIF orientation to write, 1 to 8
     */
    public static byte[] withExifOrientation(byte[] jpeg, int orientation) {
        ByteBuffer tiff = ByteBuffer.allocate(26).order(ByteOrder.LITTLE_ENDIAN);
        tiff.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
        tiff.putShort((short) 1);
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        tiff.putInt(0);
        byte[] exif = new byte[6 + tiff.capacity()];
        System.arraycopy("Exif\0\0".getBytes(StandardCharsets.US_ASCII), 0, exif, 0, 6);
        System.arraycopy(tiff.array(), 0, exif, 6, tiff.capacity());
        ByteBuffer segment = ByteBuffer.allocate(4 + exif.length);
        segment.put((byte) 0xFF).put((byte) 0xE1).putShort((short) (2 + exif.length)).put(exif);
        int insertAt = 2;
        if ((jpeg[3] & 0xFF) == 0xE0) {
            insertAt = 4 + (((jpeg[4] & 0xFF) << 8) | (jpeg[5] & 0xFF));
        }
        byte[] out = new byte[jpeg.length + segment.capacity()];
        System.arraycopy(jpeg, 0, out, 0, insertAt);
        System.arraycopy(segment.array(), 0, out, insertAt, segment.capacity());
        System.arraycopy(jpeg, insertAt, out, insertAt + segment.capacity(), jpeg.length - insertAt);
        return out;
    }

    private static void requireJpegInput(Image image, int quality) {
        if (image.channels() != 1 && image.channels() != 3) {
            throw new IllegalArgumentException("JPEG holds 1 or 3 channels, the image has " + image.channels());
        }
        if (quality < 1 || quality > 100) {
            throw new IllegalArgumentException("quality must be 1 to 100, was " + quality);
        }
    }

    private static byte[] write(Image image, String format, Integer quality) {
        return write(image, format, quality, false);
    }

    private static byte[] write(Image image, String format, Integer quality, boolean progressive) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (quality != null) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(quality / 100f);
            }
            if (progressive) {
                param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            }
            writer.write(null, new IIOImage(toBufferedImage(image), null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException("the JDK's " + format + " writer failed on " + image, e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    // The image as a BufferedImage with 8-bit interleaved samples in the same channel order.
    static BufferedImage toBufferedImage(Image image) {
        int channels = image.channels();
        ColorSpace space = ColorSpace.getInstance(channels <= 2 ? ColorSpace.CS_GRAY : ColorSpace.CS_sRGB);
        boolean alpha = channels == 2 || channels == 4;
        ColorModel model = new ComponentColorModel(space, alpha, false,
                alpha ? Transparency.TRANSLUCENT : Transparency.OPAQUE, DataBuffer.TYPE_BYTE);
        WritableRaster raster = model.createCompatibleWritableRaster(image.width(), image.height());
        byte[] samples = image.toArray();
        int[] values = new int[samples.length];
        for (int i = 0; i < samples.length; i++) {
            values[i] = samples[i] & 0xFF;
        }
        raster.setPixels(0, 0, image.width(), image.height(), values);
        return new BufferedImage(model, raster, false, null);
    }

    /**
     * Decodes PNG or JPEG bytes with the JDK's readers, keeping the samples as stored: grey stays 1
     * channel, grey + alpha 2, RGB 3, RGBA 4; a palette is expanded to RGB or RGBA. No colour or
     * gamma conversion is applied.
     *
     * @throws AssertionError if the JDK cannot read the bytes or the image is not 8 bits per sample
     */
    public static Image read(byte[] encoded) {
        BufferedImage decoded;
        try {
            decoded = ImageIO.read(new ByteArrayInputStream(encoded));
        } catch (IOException e) {
            throw new AssertionError("the JDK's image readers cannot read these " + encoded.length + " bytes: " + e, e);
        }
        if (decoded == null) {
            throw new AssertionError("no JDK image reader recognises these " + encoded.length + " bytes");
        }
        return fromBufferedImage(decoded);
    }

    private static Image fromBufferedImage(BufferedImage decoded) {
        int width = decoded.getWidth();
        int height = decoded.getHeight();
        ColorModel model = decoded.getColorModel();
        Raster raster = decoded.getRaster();
        if (model instanceof IndexColorModel palette) {
            int channels = palette.hasAlpha() ? 4 : 3;
            byte[] out = new byte[width * height * channels];
            int[] indices = raster.getPixels(0, 0, width, height, (int[]) null);
            for (int i = 0; i < indices.length; i++) {
                int argb = palette.getRGB(indices[i]);
                out[i * channels] = (byte) (argb >> 16);
                out[i * channels + 1] = (byte) (argb >> 8);
                out[i * channels + 2] = (byte) argb;
                if (channels == 4) {
                    out[i * channels + 3] = (byte) (argb >>> 24);
                }
            }
            return Image.wrap(width, height, channels, out);
        }
        int channels = raster.getNumBands();
        for (int band = 0; band < channels; band++) {
            if (raster.getSampleModel().getSampleSize(band) != 8) {
                throw new AssertionError("expected 8 bits per sample, band " + band + " has "
                        + raster.getSampleModel().getSampleSize(band));
            }
        }
        int[] values = raster.getPixels(0, 0, width, height, (int[]) null);
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return Image.wrap(width, height, channels, out);
    }
}
