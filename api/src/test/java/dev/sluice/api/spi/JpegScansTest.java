package dev.sluice.api.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.DecodeException;
import dev.sluice.api.DecodeOptions;
import dev.sluice.api.contract.TestImages;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.plugins.jpeg.JPEGImageWriteParam;
import javax.imageio.stream.ImageOutputStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The strict walk of a JPEG's coded data ({@link ImageHeader#read(ByteBuffer, DecodeOptions)}):
 * every whole JPEG the JDK's encoder writes passes, and each damage libjpeg only warns about is
 * refused with its own message.
 */
class JpegScansTest {

    @Property(tries = 60)
    void everyWholeJpegPasses(@ForAll @IntRange(min = 1, max = 200) int width, @ForAll @IntRange(min = 1, max = 200) int height,
            @ForAll boolean grey, @ForAll @IntRange(min = 5, max = 100) int quality) throws DecodeException {
        byte[] jpeg = TestImages.jpeg(TestImages.photo(width, height, grey ? 1 : 3), quality);
        ImageHeader header = ImageHeader.read(ByteBuffer.wrap(jpeg), DecodeOptions.DEFAULT);
        assertEquals(width + "x" + height, header.width() + "x" + header.height());
    }

    @Property(tries = 60)
    void cuttingTheScanShortAndEndingTheFileIsRefused(@ForAll @DoubleRange(min = 0.0, max = 0.9) double at) {
        byte[] jpeg = TestImages.jpeg(TestImages.photo(120, 90, 3), 90);
        int scan = scanData(jpeg);
        int cut = scan + (int) ((jpeg.length - 2 - scan) * at);
        while ((jpeg[cut - 1] & 0xFF) == 0xFF) {
            cut++;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, cut);
        out.write(0xFF);
        out.write(0xD9);
        DecodeException refused = assertThrows(DecodeException.class,
                () -> ImageHeader.read(ByteBuffer.wrap(out.toByteArray()), DecodeOptions.DEFAULT));
        // Cut right after the scan header, the data is too short for the frame; later, the walk ends early.
        assertTrue(refused.reason().startsWith("corrupt JPEG"), refused::getMessage);
    }

    @Test
    void bytesAfterTheLastBlockAreRefusedAsExtraneous() {
        byte[] jpeg = TestImages.jpeg(TestImages.photo(64, 48, 3), 90);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, jpeg.length - 2);
        out.writeBytes(new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        out.write(jpeg, jpeg.length - 2, 2);
        DecodeException refused = assertThrows(DecodeException.class,
                () -> ImageHeader.read(ByteBuffer.wrap(out.toByteArray()), DecodeOptions.DEFAULT));
        assertTrue(refused.reason().contains("bytes of coded data after its last block"), refused::getMessage);
        assertTrue(refused.reason().contains("extraneous bytes before marker"), refused::getMessage);
    }

    @Test
    void sixteenOneBitsAreNoCodeOfAnyTable() {
        byte[] jpeg = TestImages.jpeg(TestImages.photo(64, 48, 3), 90);
        int scan = scanData(jpeg);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, scan + 10);
        for (int i = 0; i < 8; i++) {
            out.write(0xFF);
            out.write(0x00);
        }
        out.write(jpeg, scan + 10, jpeg.length - scan - 10);
        DecodeException refused = assertThrows(DecodeException.class,
                () -> ImageHeader.read(ByteBuffer.wrap(out.toByteArray()), DecodeOptions.DEFAULT));
        assertTrue(refused.reason().startsWith("corrupt JPEG data: bad Huffman code in the scan at byte "), refused::getMessage);
    }

    @Test
    void lenientOptionsSkipTheWalkButNotTheStructure() throws DecodeException {
        byte[] jpeg = TestImages.jpeg(TestImages.photo(64, 48, 3), 90);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, jpeg.length - 2);
        out.writeBytes(new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        out.write(jpeg, jpeg.length - 2, 2);
        ImageHeader.read(ByteBuffer.wrap(out.toByteArray()), DecodeOptions.DEFAULT.withStrict(false));
        byte[] cut = Arrays.copyOf(jpeg, jpeg.length / 2);
        assertThrows(DecodeException.class, () -> ImageHeader.read(ByteBuffer.wrap(cut), DecodeOptions.DEFAULT.withStrict(false)));
    }

    @Property(tries = 20)
    void optimisedTablesAndRestartIntervalsPass(@ForAll @IntRange(min = 1, max = 300) int width,
            @ForAll @IntRange(min = 1, max = 200) int height, @ForAll @IntRange(min = 0, max = 9) int interval,
            @ForAll @IntRange(min = 20, max = 100) int quality) throws DecodeException {
        byte[] jpeg = optimisedJpeg(width, height, interval, quality);
        ImageHeader header = ImageHeader.read(ByteBuffer.wrap(jpeg), DecodeOptions.DEFAULT);
        assertEquals(width + "x" + height, header.width() + "x" + header.height());
    }

    @Test
    void aRestartMarkerOutOfOrderIsRefused() throws DecodeException {
        byte[] jpeg = optimisedJpeg(160, 120, 3, 90);
        ImageHeader.read(ByteBuffer.wrap(jpeg), DecodeOptions.DEFAULT);
        int restart = scanData(jpeg);
        while (!((jpeg[restart] & 0xFF) == 0xFF && (jpeg[restart + 1] & 0xFF) == 0xD2)) {
            restart++;
        }
        jpeg[restart + 1] = (byte) 0xD3;
        DecodeException refused = assertThrows(DecodeException.class,
                () -> ImageHeader.read(ByteBuffer.wrap(jpeg), DecodeOptions.DEFAULT));
        assertTrue(refused.reason().contains("lacks its restart marker FFD2 at byte " + restart + " (FFD3 is there)"),
                refused::getMessage);
    }

    @Test
    void aRestartIntervalCutShortIsRefused() {
        byte[] jpeg = optimisedJpeg(160, 120, 3, 90);
        int restart = scanData(jpeg);
        while (!((jpeg[restart] & 0xFF) == 0xFF && (jpeg[restart + 1] & 0xFF) == 0xD4)) {
            restart++;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, restart - 3);
        out.write(jpeg, restart, jpeg.length - restart);
        DecodeException refused = assertThrows(DecodeException.class,
                () -> ImageHeader.read(ByteBuffer.wrap(out.toByteArray()), DecodeOptions.DEFAULT));
        assertTrue(refused.reason().startsWith("corrupt JPEG data: "), refused::getMessage);
    }

    /**
     * A colour JPEG from the JDK's writer with Huffman tables made for its own data (not annex K's)
     * and a restart marker every {@code interval} MCUs (none for 0).
     */
    private static byte[] optimisedJpeg(int width, int height, int interval, int quality) {
        byte[] rgb = TestImages.photo(width, height, 3).toArray();
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int at = 3 * (y * width + x);
                image.setRGB(x, y, (rgb[at] & 0xFF) << 16 | (rgb[at + 1] & 0xFF) << 8 | (rgb[at + 2] & 0xFF));
            }
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try {
            JPEGImageWriteParam param = (JPEGImageWriteParam) writer.getDefaultWriteParam();
            param.setOptimizeHuffmanTables(true);
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality / 100f);
            IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), param);
            String format = "javax_imageio_jpeg_image_1.0";
            Element tree = (Element) metadata.getAsTree(format);
            if (interval > 0) {
                Node markers = tree.getElementsByTagName("markerSequence").item(0);
                IIOMetadataNode restart = new IIOMetadataNode("dri");
                restart.setAttribute("interval", Integer.toString(interval));
                markers.insertBefore(restart, markers.getFirstChild());
                metadata.setFromTree(format, tree);
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
                writer.setOutput(out);
                writer.write(null, new IIOImage(image, null, metadata), param);
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
    }

    /** The index of the first byte of coded data after the JDK encoder's single scan header. */
    private static int scanData(byte[] jpeg) {
        int at = 2;
        while ((jpeg[at + 1] & 0xFF) != 0xDA) {
            at += 2 + (((jpeg[at + 2] & 0xFF) << 8) | (jpeg[at + 3] & 0xFF));
        }
        return at + 2 + (((jpeg[at + 2] & 0xFF) << 8) | (jpeg[at + 3] & 0xFF));
    }
}
