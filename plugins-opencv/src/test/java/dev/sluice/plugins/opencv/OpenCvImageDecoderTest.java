package dev.sluice.plugins.opencv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.ColorMode;
import dev.sluice.api.DecodeException;
import dev.sluice.api.DecodeOptions;
import dev.sluice.api.UnsupportedImageException;
import dev.sluice.api.Image;
import dev.sluice.api.contract.ImageDecoderContract;
import dev.sluice.api.contract.TestImages;
import dev.sluice.api.contract.Tolerance;
import dev.sluice.api.spi.Availability;
import dev.sluice.api.spi.Reductions;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The decoder contract for the opencv backend, and what is special about it. */
class OpenCvImageDecoderTest extends ImageDecoderContract {
    private static final Image PHOTO = TestImages.photo(45, 31, 3);

    @Override
    protected String providerId() {
        return "opencv";
    }

    @Override
    protected Set<String> formats() {
        return Set.of("png", "jpeg", "bmp", "tiff");
    }

    /**
     * Pinned to cv2.imread exactly, for every kind but {@code narrowed}: the same libjpeg-turbo (scaled
     * IDCT included), libpng and OpenCV conversions, so any difference is a bug in this backend. A
     * 16-bit file read in RGB or GRAY is a level off at times: this OpenCV 4.9 build keeps the high
     * byte where cv2 4.6's libpng and libtiff round.
     */
    @Override
    protected Tolerance referenceTolerance(String kind) {
        return kind.equals("narrowed") ? super.referenceTolerance(kind) : Tolerance.EXACT;
    }

    /** OpenCV's TIFF reader returns a grey + alpha TIFF read unchanged as one 8-bit channel (cv2 4.6 does too). */
    @Override
    protected boolean decodesGreyAlphaTiffUnchanged() {
        return false;
    }

    @Test
    void aNativeLibraryThatDoesNotLoadMakesTheBackendUnavailableWithTheReasonAndTheImageioHint() {
        Availability failed = OpenCvNatives.load(() -> {
            throw new UnsatisfiedLinkError("no opencv_java490 in java.library.path: /usr/lib");
        });
        assertFalse(failed.available());
        assertTrue(failed.reason().contains("did not load: java.lang.UnsatisfiedLinkError: no opencv_java490"),
                failed::reason);
        assertTrue(failed.reason().endsWith("Use the pure-Java backend instead: imageio (sluice-plugins-imageio)."),
                failed::reason);
    }

    @Test
    void gifAndWebpAreRefusedNamingTheImageioDecoder() throws Exception {
        ByteBuffer webp = ByteBuffer.allocate(25).order(ByteOrder.LITTLE_ENDIAN);
        webp.put("RIFFxxxxWEBPVP8L".getBytes(StandardCharsets.US_ASCII)).putInt(5).put((byte) 0x2F).putInt(0);
        for (byte[] encoded : new byte[][] {written(PHOTO, "gif"), webp.array()}) {
            DecodeException refused = assertThrows(DecodeException.class,
                    () -> decoder().decode(ByteBuffer.wrap(encoded), DecodeOptions.DEFAULT));
            assertTrue(refused.reason().contains("the imageio decoder reads"), refused::getMessage);
        }
    }

    @Test
    void losslessAndTwelveBitJpegsAreRefusedNamingTheProcess() throws Exception {
        byte[] jpeg = TestImages.jpeg(PHOTO, 90);
        int frame = 2;
        while ((jpeg[frame + 1] & 0xFF) != 0xC0) {
            frame += 2 + (((jpeg[frame + 2] & 0xFF) << 8) | (jpeg[frame + 3] & 0xFF));
        }
        byte[] lossless = jpeg.clone();
        lossless[frame + 1] = (byte) 0xC3;
        DecodeException refused = assertThrows(UnsupportedImageException.class,
                () -> decoder().decode(ByteBuffer.wrap(lossless), DecodeOptions.DEFAULT));
        assertTrue(refused.reason().startsWith("lossless JPEG (SOF3, 8-bit) is an unsupported JPEG process"),
                refused::getMessage);
        byte[] twelveBit = jpeg.clone();
        twelveBit[frame + 4] = 12;
        refused = assertThrows(UnsupportedImageException.class, () -> decoder().decode(ByteBuffer.wrap(twelveBit), DecodeOptions.DEFAULT));
        assertTrue(refused.reason().startsWith("12-bit JPEG (SOF0) is not supported"), refused::getMessage);
    }

    @ParameterizedTest
    @ValueSource(strings = {"bmp", "tiff"})
    void bmpAndTiffDecodeExactlyAndReduceByBlockAverages(String format) throws Exception {
        ByteBuffer encoded = ByteBuffer.wrap(written(PHOTO, format));
        assertEquals(PHOTO, decoder().decode(encoded, DecodeOptions.DEFAULT));
        Image expected = Image.wrap(23, 16, 3, Reductions.blockAverage(PHOTO.toArray(), 45, 31, 3, 2));
        assertEquals(expected, decoder().decode(encoded, DecodeOptions.DEFAULT.withReduce(2)));
    }

    @Test
    void sixteenBitPngKeepsTheHighByteOfEachSampleInRgbMode() throws Exception {
        int width = 40;
        int height = 3;
        ComponentColorModel model = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), false, false,
                Transparency.OPAQUE, DataBuffer.TYPE_USHORT);
        WritableRaster raster = model.createCompatibleWritableRaster(width, height);
        byte[] expected = new byte[width * height * 3];
        for (int i = 0; i < expected.length; i++) {
            int value = (i * 1637 + 255) % 65536;
            raster.getDataBuffer().setElem(i, value);
            expected[i] = (byte) (value >> 8);
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        assertTrue(ImageIO.write(new BufferedImage(model, raster, false, null), "png", png));
        ByteBuffer encoded = ByteBuffer.wrap(png.toByteArray());
        assertArrayEquals(expected, decoder().decode(encoded, DecodeOptions.DEFAULT).toArray(), "RGB");
    }

    private static byte[] written(Image image, String format) throws Exception {
        BufferedImage buffered = new BufferedImage(image.width(), image.height(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                buffered.setRGB(x, y, image.get(x, y, 0) << 16 | image.get(x, y, 1) << 8 | image.get(x, y, 2));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertTrue(ImageIO.write(buffered, format, out), "the JDK writes " + format);
        return out.toByteArray();
    }
}
