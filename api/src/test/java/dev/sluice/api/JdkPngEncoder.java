package dev.sluice.api;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * A test fixture, not a backend: the smallest honest {@link ImageEncoder}, writing PNG only through
 * {@code javax.imageio} (grey, grey + alpha, RGB, RGBA), so that the api's own build runs
 * {@code ImageEncoderContract} against a correct encoder.
 */
final class JdkPngEncoder implements ImageEncoder {

    @Override
    public byte[] encode(Image image, EncodeOptions options) throws EncodeException {
        if (!options.format().equals("png")) {
            throw new EncodeException(image + ": format '" + options.format()
                    + "' is not supported; the jdk-png test encoder writes png only", null);
        }
        if (image.dtype() != DType.UINT8) {
            throw new EncodeException(image + ": the jdk-png test encoder writes 8-bit images only", null);
        }
        int channels = image.channels();
        boolean alpha = channels == 2 || channels == 4;
        ComponentColorModel model = new ComponentColorModel(
                ColorSpace.getInstance(channels <= 2 ? ColorSpace.CS_GRAY : ColorSpace.CS_sRGB), alpha, false,
                alpha ? Transparency.TRANSLUCENT : Transparency.OPAQUE, DataBuffer.TYPE_BYTE);
        WritableRaster raster = model.createCompatibleWritableRaster(image.width(), image.height());
        byte[] samples = image.toArray();
        int[] values = new int[samples.length];
        for (int i = 0; i < samples.length; i++) {
            values[i] = samples[i] & 0xFF;
        }
        raster.setPixels(0, 0, image.width(), image.height(), values);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(new BufferedImage(model, raster, false, null));
        } catch (IOException e) {
            throw new EncodeException(image + ": the JDK's PNG writer failed: " + e.getMessage(), e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
