package dev.sluice.plugins.imageio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.ColorMode;
import dev.sluice.api.DecodeOptions;
import dev.sluice.api.Image;
import dev.sluice.api.contract.ImageDecoderContract;
import dev.sluice.api.contract.TestImages;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The decoder contract for the imageio backend, and what is special about it. */
class ImageIoImageDecoderTest extends ImageDecoderContract {

    @Override
    protected String providerId() {
        return "imageio";
    }

    @Override
    protected Set<String> formats() {
        return Set.of("png", "jpeg", "bmp", "gif", "tiff", "webp");
    }

    /**
     * Lossy WebP is refused as unsupported (ImageIoUnsupportedVariantsTest): TwelveMonkeys' VP8
     * decoder doubles chroma pixels where libwebp interpolates them. Measured against cv2 on the
     * contract's photograph: luma within 0.4 on average, but mean 7.66 and p99 36 in the worst RGB
     * channel, far outside the contract's bound for lossy WebP (mean 0.5, p99 3).
     */
    @Override
    protected boolean decodesKind(String kind) {
        return !kind.equals("webp-lossy");
    }

    @Test
    void anEmbeddedIccProfileIsNotAppliedAsCv2DoesNotApplyIt() throws Exception {
        byte[] plain = TestImages.jpeg(TestImages.photo(45, 31, 3), 90);
        byte[] profile = ICC_Profile.getInstance(ColorSpace.CS_LINEAR_RGB).getData();
        byte[] body = concat("ICC_PROFILE\0".getBytes(StandardCharsets.US_ASCII), new byte[] {1, 1}, profile);
        ByteBuffer segment = ByteBuffer.allocate(4 + body.length).put((byte) 0xFF).put((byte) 0xE2)
                .putShort((short) (2 + body.length)).put(body);
        byte[] tagged = concat(Arrays.copyOf(plain, 2), segment.array(), Arrays.copyOfRange(plain, 2, plain.length));
        Image withProfile = decoder().decode(ByteBuffer.wrap(tagged), DecodeOptions.DEFAULT);
        assertEquals(decoder().decode(ByteBuffer.wrap(plain), DecodeOptions.DEFAULT), withProfile);
        BufferedImage managed = ImageIO.read(new ByteArrayInputStream(tagged));
        assertNotEquals(withProfile.get(20, 15, 0), (managed.getRGB(20, 15) >> 16) & 0xFF,
                "ImageIO itself converts through the profile; this test must be able to tell");
    }

    @Test
    void aGifFrameSmallerThanItsScreenIsPlacedOnItAsPilDoes() throws Exception {
        Image photo = TestImages.photo(20, 10, 3);
        BufferedImage frame = new BufferedImage(20, 10, BufferedImage.TYPE_BYTE_INDEXED);
        for (int y = 0; y < 10; y++) {
            for (int x = 0; x < 20; x++) {
                frame.setRGB(x, y, photo.get(x, y, 0) << 16 | photo.get(x, y, 1) << 8 | photo.get(x, y, 2));
            }
        }
        ByteArrayOutputStream gif = new ByteArrayOutputStream();
        assertTrue(ImageIO.write(frame, "gif", gif));
        byte[] bigger = gif.toByteArray();
        bigger[6] = 30;
        bigger[8] = 16;
        Image placed = decoder().decode(ByteBuffer.wrap(bigger), DecodeOptions.DEFAULT);
        assertEquals("Image[30x16x3]", placed.toString());
        Image alone = decoder().decode(ByteBuffer.wrap(gif.toByteArray()), DecodeOptions.DEFAULT);
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 30; x++) {
                int expected = x < 20 && y < 10 ? alone.get(x, y, 1) : 0;
                assertEquals(expected, placed.get(x, y, 1), "(" + x + ", " + y + ")");
            }
        }
    }

    @Test
    void ycckAndCmykJpegSamplesBecomeRgbAsLibjpegAndOpenCvConvertThem() {
        WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, 2, 1, 4, null);
        raster.setPixels(0, 0, 2, 1, new int[] {100, 128, 128, 200, 255, 0, 255, 255});
        // YCCK: neutral chroma leaves R = G = B = Y = 100, then 200 - (100 * 200 >> 8) = 122. The
        // second pixel (Y 255, Cb 0, Cr 255) gives R = 255 (clamped), G = 255 + 44.05 - 90.70 = 208
        // and B = 255 - 226.8 = 28 in libjpeg's fixed point, then 255 - (v * 255 >> 8): 1, 48, 228.
        assertArrayEquals(new byte[] {122, 122, 122, 1, 48, (byte) 228},
                CmykConversions.jpegToRgb(raster, true).data);
        // Adobe CMYK (stored inverted): R = K - ((255 - C) * K >> 8): 200 - (155 * 200 >> 8) = 79,
        // 200 - (127 * 200 >> 8) = 101; then 255 - 0, 255 - (255 * 255 >> 8) = 1, 255.
        assertArrayEquals(new byte[] {79, 101, 101, (byte) 255, 1, (byte) 255},
                CmykConversions.jpegToRgb(raster, false).data);
    }

    @Test
    void tiffCmykBecomesRgbAsLibtiffConvertsIt() {
        WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, 1, 1, 4, null);
        raster.setPixels(0, 0, 1, 1, new int[] {51, 0, 255, 102});
        // (255 - K) * (255 - C) / 255 = 153 * 204 / 255 = 122; M = 0 gives 153; Y = 255 gives 0.
        assertArrayEquals(new byte[] {122, (byte) 153, 0}, CmykConversions.tiffToRgb(raster).data);
    }

    @Test
    void greyModeOfAColourJpegIsItsStoredLuma() throws Exception {
        byte[] jpeg = TestImages.jpeg(TestImages.photo(45, 31, 3), 90);
        Image grey = decoder().decode(ByteBuffer.wrap(jpeg), DecodeOptions.DEFAULT.withMode(ColorMode.GRAY));
        Image rgb = decoder().decode(ByteBuffer.wrap(jpeg), DecodeOptions.DEFAULT);
        PixelBuffer fromRgb = ColorModes.toMode(new PixelBuffer(rgb.width(), rgb.height(), 3, rgb.toArray()), ColorMode.GRAY, false);
        assertEquals(1, grey.channels());
        assertNotEquals(fromRgb.toImage(), grey, "the luma of the RGB decode differs from the stored Y in places");
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
