package dev.sluice.api;

import dev.sluice.api.spi.Reductions;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * A test fixture, not a backend: the smallest honest {@link ImageDecoder}, reading PNG only through
 * {@code javax.imageio}, so that the api's own build runs {@code ImageDecoderContract} against a
 * correct decoder. It checks the pixel limit and the region against the IHDR header before reading
 * pixels, then converts the colour mode, cuts the region and reduces by block averages (by the
 * fixed factor, or the one the automatic reduction picks). PNGs rarely
 * carry EXIF, so orientation is not looked at.
 */
final class JdkPngDecoder implements ImageDecoder {
    private static final String SOURCE = "<bytes>";
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    @Override
    public Image decode(ByteBuffer encoded, DecodeOptions options) throws DecodeException {
        byte[] bytes = new byte[encoded.remaining()];
        encoded.duplicate().get(bytes);
        checkHeader(bytes, options);
        Image image = toMode(read(bytes), options.mode());
        int factor = Reductions.factor(image.width(), image.height(), options);
        if (options.region() != null) {
            image = crop(image, options.region());
        }
        return factor == 1 ? image : reduce(image, factor);
    }

    private static void checkHeader(byte[] bytes, DecodeOptions options) throws DecodeException {
        if (bytes.length == 0) {
            throw new DecodeException(SOURCE, "empty input");
        }
        for (int i = 0; i < SIGNATURE.length; i++) {
            if (i >= bytes.length || bytes[i] != SIGNATURE[i]) {
                throw new DecodeException(SOURCE, "not a PNG file; this test decoder reads PNG only");
            }
        }
        ByteBuffer header = ByteBuffer.wrap(bytes);
        if (bytes.length < 24 || !"IHDR".equals(new String(bytes, 12, 4, StandardCharsets.US_ASCII))) {
            throw new DecodeException(SOURCE, "truncated PNG: the IHDR header is incomplete");
        }
        long width = Integer.toUnsignedLong(header.getInt(16));
        long height = Integer.toUnsignedLong(header.getInt(20));
        if (width * height > options.maxPixels()) {
            throw new DecodeException(SOURCE, "the image is " + width + "x" + height + " = " + width * height
                    + " pixels, more than the limit of " + options.maxPixels() + " pixels (DecodeOptions.maxPixels)");
        }
        Region region = options.region();
        if (region != null && !region.fitsIn((int) width, (int) height)) {
            throw new DecodeException(SOURCE,
                    "region " + region + " lies outside the " + width + "x" + height + " image");
        }
    }

    private static Image read(byte[] bytes) throws DecodeException {
        ImageReader reader = ImageIO.getImageReadersByFormatName("png").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(in, true, true);
            return samples(reader.read(0));
        } catch (IOException | RuntimeException e) {
            throw new DecodeException(SOURCE, "corrupt or truncated PNG data: " + e.getMessage(), e);
        } finally {
            reader.dispose();
        }
    }

    // The samples as stored: 1 to 4 channels, 16 bits cut to their high byte; a palette becomes RGB or RGBA.
    private static Image samples(BufferedImage decoded) throws DecodeException {
        int w = decoded.getWidth();
        int h = decoded.getHeight();
        Raster raster = decoded.getRaster();
        boolean palette = decoded.getColorModel() instanceof IndexColorModel;
        int channels = palette ? (decoded.getColorModel().hasAlpha() ? 4 : 3) : raster.getNumBands();
        int bits = raster.getSampleModel().getSampleSize(0);
        if (!palette && bits != 8 && bits != 16) {
            throw new DecodeException(SOURCE, "only 8- and 16-bit PNG is supported by this test decoder");
        }
        int shift = palette ? 0 : bits - 8;
        byte[] out = new byte[w * h * channels];
        int[] values = palette ? decoded.getRGB(0, 0, w, h, null, 0, w) : raster.getPixels(0, 0, w, h, (int[]) null);
        for (int p = 0; p < w * h; p++) {
            for (int c = 0; c < channels; c++) {
                int sample = palette ? values[p] >>> (c == 3 ? 24 : 16 - 8 * c) : values[p * channels + c] >> shift;
                out[p * channels + c] = (byte) sample;
            }
        }
        return Image.wrap(w, h, channels, out);
    }

    private static Image toMode(Image stored, ColorMode mode) {
        int n = stored.channels();
        int wanted = switch (mode) {
            case RGB -> 3;
            case GRAY -> 1;
            case UNCHANGED -> n;
        };
        if (wanted == n) {
            return stored;
        }
        byte[] in = stored.toArray();
        int pixels = stored.width() * stored.height();
        byte[] out = new byte[pixels * wanted];
        for (int p = 0; p < pixels; p++) {
            int at = p * n;
            if (wanted == 1) {
                out[p] = n <= 2 ? in[at] : (byte) ((299 * (in[at] & 0xFF) + 587 * (in[at + 1] & 0xFF)
                        + 114 * (in[at + 2] & 0xFF) + 500) / 1000);
            } else {
                for (int c = 0; c < 3; c++) {
                    out[p * 3 + c] = in[n <= 2 ? at : at + c];
                }
            }
        }
        return Image.wrap(stored.width(), stored.height(), wanted, out);
    }

    private static Image crop(Image image, Region region) {
        int n = image.channels();
        byte[] in = image.toArray();
        byte[] out = new byte[region.width() * region.height() * n];
        for (int row = 0; row < region.height(); row++) {
            System.arraycopy(in, ((region.y() + row) * image.width() + region.x()) * n,
                    out, row * region.width() * n, region.width() * n);
        }
        return Image.wrap(region.width(), region.height(), n, out);
    }

    // OpenCV's reduced sizes, ceil(side / factor); each sample the rounded mean of the pixels its block holds.
    private static Image reduce(Image image, int factor) {
        int w = (image.width() + factor - 1) / factor;
        int h = (image.height() + factor - 1) / factor;
        int n = image.channels();
        byte[] in = image.toArray();
        byte[] out = new byte[w * h * n];
        for (int oy = 0; oy < h; oy++) {
            for (int ox = 0; ox < w; ox++) {
                for (int c = 0; c < n; c++) {
                    int sum = 0;
                    int count = 0;
                    for (int y = oy * factor; y < Math.min(image.height(), oy * factor + factor); y++) {
                        for (int x = ox * factor; x < Math.min(image.width(), ox * factor + factor); x++) {
                            sum += in[(y * image.width() + x) * n + c] & 0xFF;
                            count++;
                        }
                    }
                    out[(oy * w + ox) * n + c] = (byte) ((sum + count / 2) / count);
                }
            }
        }
        return Image.wrap(w, h, n, out);
    }
}
