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
 * carry EXIF, so orientation is not looked at. Given {@link DecodeBuffers}, it writes 8-bit results
 * into the array they lend, so that the contract's tests of lent memory run in the api's build.
 */
final class JdkPngDecoder extends BorrowingImageDecoder {
    private static final String SOURCE = "<bytes>";
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    @Override
    public Image decode(ByteBuffer encoded, DecodeOptions options, DecodeBuffers buffers) throws DecodeException {
        byte[] bytes = new byte[encoded.remaining()];
        encoded.duplicate().get(bytes);
        checkHeader(bytes, options);
        Samples image = toMode(read(bytes, options.mode() == ColorMode.UNCHANGED), options.mode());
        int factor = Reductions.factor(image.width, image.height, options);
        if (options.region() != null) {
            image = crop(image, options.region());
        }
        return (factor == 1 ? image : reduce(image, factor)).toImage(buffers);
    }

    /** Unsigned levels of either depth, HWC. */
    private record Samples(int width, int height, int channels, boolean sixteen, int[] levels) {
        Image toImage(DecodeBuffers buffers) {
            if (sixteen) {
                short[] out = new short[levels.length];
                for (int i = 0; i < out.length; i++) {
                    out[i] = (short) levels[i];
                }
                return Image.wrapUint16(width, height, channels, out);
            }
            byte[] out = buffers == null ? new byte[levels.length] : buffers.pixelArray(levels.length);
            for (int i = 0; i < levels.length; i++) {
                out[i] = (byte) levels[i];
            }
            return Image.wrap(width, height, channels, ByteBuffer.wrap(out, 0, levels.length));
        }
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

    private static Samples read(byte[] bytes, boolean keepSixteen) throws DecodeException {
        ImageReader reader = ImageIO.getImageReadersByFormatName("png").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(in, true, true);
            return samples(reader.read(0), keepSixteen);
        } catch (IOException | RuntimeException e) {
            throw new DecodeException(SOURCE, "corrupt or truncated PNG data: " + e.getMessage(), e);
        } finally {
            reader.dispose();
        }
    }

    // The samples as stored: 1 to 4 channels, 16 bits kept or cut to their high byte; a palette becomes RGB or RGBA.
    private static Samples samples(BufferedImage decoded, boolean keepSixteen) throws DecodeException {
        int w = decoded.getWidth();
        int h = decoded.getHeight();
        Raster raster = decoded.getRaster();
        boolean palette = decoded.getColorModel() instanceof IndexColorModel;
        int channels = palette ? (decoded.getColorModel().hasAlpha() ? 4 : 3) : raster.getNumBands();
        int bits = raster.getSampleModel().getSampleSize(0);
        if (!palette && bits != 8 && bits != 16) {
            throw new DecodeException(SOURCE, "only 8- and 16-bit PNG is supported by this test decoder");
        }
        boolean sixteen = !palette && bits == 16 && keepSixteen;
        int shift = palette || sixteen ? 0 : bits - 8;
        int[] out = new int[w * h * channels];
        int[] values = palette ? decoded.getRGB(0, 0, w, h, null, 0, w) : raster.getPixels(0, 0, w, h, (int[]) null);
        for (int p = 0; p < w * h; p++) {
            for (int c = 0; c < channels; c++) {
                out[p * channels + c] = palette ? values[p] >>> (c == 3 ? 24 : 16 - 8 * c) & 0xFF
                        : values[p * channels + c] >> shift;
            }
        }
        return new Samples(w, h, channels, sixteen, out);
    }

    private static Samples toMode(Samples stored, ColorMode mode) {
        int n = stored.channels;
        int wanted = switch (mode) {
            case RGB -> 3;
            case GRAY -> 1;
            case UNCHANGED -> n;
        };
        if (wanted == n) {
            return stored;
        }
        int[] in = stored.levels;
        int pixels = stored.width * stored.height;
        int[] out = new int[pixels * wanted];
        for (int p = 0; p < pixels; p++) {
            int at = p * n;
            if (wanted == 1) {
                out[p] = n <= 2 ? in[at] : (299 * in[at] + 587 * in[at + 1] + 114 * in[at + 2] + 500) / 1000;
            } else {
                for (int c = 0; c < 3; c++) {
                    out[p * 3 + c] = in[n <= 2 ? at : at + c];
                }
            }
        }
        return new Samples(stored.width, stored.height, wanted, stored.sixteen, out);
    }

    private static Samples crop(Samples image, Region region) {
        int n = image.channels;
        int[] out = new int[region.width() * region.height() * n];
        for (int row = 0; row < region.height(); row++) {
            System.arraycopy(image.levels, ((region.y() + row) * image.width + region.x()) * n,
                    out, row * region.width() * n, region.width() * n);
        }
        return new Samples(region.width(), region.height(), n, image.sixteen, out);
    }

    // OpenCV's reduced sizes, ceil(side / factor); each sample the rounded mean of the pixels its block holds.
    private static Samples reduce(Samples image, int factor) {
        int w = (image.width + factor - 1) / factor;
        int h = (image.height + factor - 1) / factor;
        int n = image.channels;
        int[] out = new int[w * h * n];
        for (int oy = 0; oy < h; oy++) {
            for (int ox = 0; ox < w; ox++) {
                for (int c = 0; c < n; c++) {
                    long sum = 0;
                    int count = 0;
                    for (int y = oy * factor; y < Math.min(image.height, oy * factor + factor); y++) {
                        for (int x = ox * factor; x < Math.min(image.width, ox * factor + factor); x++) {
                            sum += image.levels[(y * image.width + x) * n + c];
                            count++;
                        }
                    }
                    out[(oy * w + ox) * n + c] = (int) ((sum + count / 2) / count);
                }
            }
        }
        return new Samples(w, h, n, image.sixteen, out);
    }
}
