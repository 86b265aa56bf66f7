package dev.sluice.api.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.DecodeException;
import dev.sluice.api.DecodeOptions;
import dev.sluice.api.Region;
import dev.sluice.api.contract.TestImages;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ImageHeaderTest {
    private static final byte[] JPEG = TestImages.jpeg(TestImages.photo(37, 23, 3), 90);

    private static ImageHeader read(byte[] bytes) throws DecodeException {
        return ImageHeader.read(ByteBuffer.wrap(bytes));
    }

    private static byte[] written(String format) throws IOException {
        BufferedImage image = new BufferedImage(37, 23, BufferedImage.TYPE_3BYTE_BGR);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertTrue(ImageIO.write(image, format, out), "the JDK writes " + format);
        return out.toByteArray();
    }

    @ParameterizedTest
    @ValueSource(strings = {"png", "gif", "bmp", "tiff"})
    void readsTheSizeOfImagesTheJdkWrites(String format) throws Exception {
        assertEquals(new ImageHeader(format, 37, 23, 1), read(written(format)));
    }

    @Test
    void readsTheJpegFrameHeaderAfterWalkingTheWholeMarkerStructure() throws Exception {
        assertEquals(new ImageHeader("jpeg", 37, 23, 1), read(JPEG));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 300})
    void readsTheExifOrientationOfAJpegAndTakesOutOfRangeValuesAsOne(int orientation) throws Exception {
        int expected = orientation >= 1 && orientation <= 8 ? orientation : 1;
        assertEquals(expected, read(withExif(JPEG, exif(orientation, ByteOrder.LITTLE_ENDIAN))).orientation());
        assertEquals(expected, read(withExif(JPEG, exif(orientation, ByteOrder.BIG_ENDIAN))).orientation());
    }

    @Test
    void aDamagedExifBlockMeansNoOrientationAndDoesNotFail() throws Exception {
        byte[] exif = exif(6, ByteOrder.LITTLE_ENDIAN);
        assertEquals(1, read(withExif(JPEG, Arrays.copyOf(exif, 12))).orientation(), "cut inside the directory");
        exif[4] = 0x7F;
        assertEquals(1, read(withExif(JPEG, exif)).orientation(), "directory offset beyond the block");
    }

    @Test
    void readsTheOrientationOfPngEXIfAndWebpExifChunks() throws Exception {
        byte[] png = written("png");
        byte[] tiff = exif(8, ByteOrder.BIG_ENDIAN);
        ByteBuffer chunk = ByteBuffer.allocate(12 + tiff.length).putInt(tiff.length).put(ascii("eXIf")).put(tiff).putInt(0);
        byte[] tagged = concat(Arrays.copyOf(png, 33), chunk.array(), Arrays.copyOfRange(png, 33, png.length));
        assertEquals(new ImageHeader("png", 37, 23, 8), read(tagged));

        ByteBuffer webp = ByteBuffer.allocate(30 + 8 + tiff.length).order(ByteOrder.LITTLE_ENDIAN);
        webp.put(ascii("RIFF")).putInt(webp.capacity() - 8).put(ascii("WEBP"));
        webp.put(ascii("VP8X")).putInt(10).put((byte) 0x08).put(new byte[3]);
        webp.put((byte) 36).put((byte) 0).put((byte) 0).put((byte) 22).put((byte) 0).put((byte) 0);
        webp.put(ascii("EXIF")).putInt(tiff.length).put(tiff);
        assertEquals(new ImageHeader("webp", 37, 23, 8), read(webp.array()));
    }

    @Test
    void readsTheSizeOfLossyAndLosslessWebp() throws Exception {
        ByteBuffer lossy = ByteBuffer.allocate(30).order(ByteOrder.LITTLE_ENDIAN);
        lossy.put(ascii("RIFF")).putInt(22).put(ascii("WEBP")).put(ascii("VP8 ")).putInt(10);
        lossy.put(new byte[3]).put((byte) 0x9D).put((byte) 0x01).put((byte) 0x2A).putShort((short) 31).putShort((short) 13);
        assertEquals(new ImageHeader("webp", 31, 13, 1), read(lossy.array()));
        ByteBuffer lossless = ByteBuffer.allocate(25).order(ByteOrder.LITTLE_ENDIAN);
        lossless.put(ascii("RIFF")).putInt(17).put(ascii("WEBP")).put(ascii("VP8L")).putInt(5);
        lossless.put((byte) 0x2F).putInt((421 - 1) | ((163 - 1) << 14));
        assertEquals(new ImageHeader("webp", 421, 163, 1), read(lossless.array()));
    }

    @Test
    void aTruncatedJpegIsRefusedWhereverItIsCut() {
        for (int cut = 2; cut < JPEG.length - 1; cut += 7) {
            byte[] head = Arrays.copyOf(JPEG, cut);
            DecodeException refused = assertThrows(DecodeException.class, () -> read(head), "cut to " + cut);
            assertEquals("<bytes>", refused.source());
            assertTrue(refused.reason().startsWith("truncated JPEG"), refused::getMessage);
        }
    }

    /** Found by DecoderFuzzContract (a progressive JPEG cut to 712 bytes): the scan search read past the end. */
    @Test
    void aJpegEndingOnAnFfOfItsScanDataIsRefusedAsTruncated() {
        byte[] head = {(byte) 0xFF, (byte) 0xD8,
            (byte) 0xFF, (byte) 0xC0, 0, 17, 8, 0, 1, 0, 1, 3, 1, 0x11, 0, 2, 0x11, 0, 3, 0x11, 0,
            (byte) 0xFF, (byte) 0xDA, 0, 12, 3, 1, 0, 2, 0x11, 3, 0x11, 0, 63, 0};
        for (int scanBytes = 0; scanBytes < 24; scanBytes++) {
            byte[] cut = Arrays.copyOf(head, head.length + scanBytes + 1);
            Arrays.fill(cut, head.length, cut.length - 1, (byte) 0x11);
            cut[cut.length - 1] = (byte) 0xFF;
            int scan = scanBytes;
            DecodeException refused = assertThrows(DecodeException.class, () -> read(cut), () -> scan + " scan bytes");
            assertTrue(refused.reason().startsWith("truncated JPEG"), refused::getMessage);
        }
    }

    @Test
    void aScanBeforeTheFrameHeaderIsRefused() {
        byte[] sos = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xDA, 0, 8, 1, 1, 0, 0, 63, 0, 1, 2};
        DecodeException refused = assertThrows(DecodeException.class, () -> read(sos));
        assertTrue(refused.reason().contains("before the frame header"), refused::getMessage);
    }

    @Test
    void bytesWhereAMarkerMustStartAreRefusedAsAWrongSegmentLength() {
        byte[] damaged = JPEG.clone();
        int length = ((damaged[4] & 0xFF) << 8) | (damaged[5] & 0xFF);
        damaged[5] = (byte) (length + 3);
        DecodeException refused = assertThrows(DecodeException.class, () -> read(damaged));
        assertTrue(refused.reason().contains("after the segment of marker FFE0 at byte 2, starts no marker"),
                refused::getMessage);
    }

    @Test
    void aPngWithABadCrcInACriticalChunkIsRefusedAndOneInAnAncillaryChunkIsNot() throws Exception {
        byte[] png = written("png");
        byte[] badHeader = png.clone();
        badHeader[29]++;
        DecodeException refused = assertThrows(DecodeException.class, () -> read(badHeader));
        assertEquals("corrupt PNG: the CRC of the IHDR chunk at byte 8 does not match its data", refused.reason());
        ByteBuffer text = ByteBuffer.allocate(17).putInt(5).put(ascii("tEXtabcde")).putInt(12345);
        assertEquals(37, read(concat(Arrays.copyOf(png, 33), text.array(), Arrays.copyOfRange(png, 33, png.length))).width());
    }

    @ParameterizedTest
    @CsvSource({
        "25, 9, 'corrupt PNG: the IHDR chunk declares colour type 9, which PNG does not define (0, 2, 3, 4 or 6)'",
        "24, 4, 'corrupt PNG: the IHDR chunk declares a bit depth of 4 for colour type 2, a combination PNG does not define'",
        "26, 1, 'corrupt PNG: the IHDR chunk declares compression method 1, which PNG does not define'",
        "27, 64, 'corrupt PNG: the IHDR chunk declares filter method 64, which PNG does not define'",
        "28, 2, 'corrupt PNG: the IHDR chunk declares interlace method 2, which PNG does not define'"})
    void aPngHeaderOfALayoutPngDoesNotDefineIsRefusedNamingTheField(int at, int value, String reason) throws Exception {
        byte[] png = written("png");
        png[at] = (byte) value;
        CRC32 crc = new CRC32();
        crc.update(png, 12, 17);
        ByteBuffer.wrap(png, 29, 4).putInt((int) crc.getValue());
        assertEquals(reason, assertThrows(DecodeException.class, () -> read(png)).reason());
        png[24] = 16;
        png[25] = 0;
        png[26] = png[27] = png[28] = 0;
        crc.reset();
        crc.update(png, 12, 17);
        ByteBuffer.wrap(png, 29, 4).putInt((int) crc.getValue());
        assertEquals(37, read(png).width(), "16-bit grey is a layout PNG defines");
    }

    @Test
    void aPngWithoutItsEndChunkIsRefusedAsTruncated() throws Exception {
        byte[] png = written("png");
        DecodeException refused = assertThrows(DecodeException.class, () -> read(Arrays.copyOf(png, png.length - 12)));
        assertEquals("truncated PNG: the data ends before the IEND chunk", refused.reason());
    }

    @Test
    void aGifIsAsLargeAsItsScreenGrownToHoldItsFirstFrame() throws Exception {
        byte[] gif = written("gif");
        int descriptor = 13 + ((gif[10] & 0x80) != 0 ? 3 << ((gif[10] & 7) + 1) : 0);
        while (gif[descriptor] == 0x21) {
            descriptor += 2;
            while (gif[descriptor] != 0) {
                descriptor += 1 + (gif[descriptor] & 0xFF);
            }
            descriptor++;
        }
        assertEquals(0x2C, gif[descriptor], "the image descriptor");
        ByteBuffer.wrap(gif, descriptor + 3, 2).order(ByteOrder.LITTLE_ENDIAN).putShort((short) 60000);
        assertEquals(new ImageHeader("gif", 37, 60023, 1), read(gif));
    }

    @Test
    void unknownDataIsRefusedWithoutQuotingIt() {
        // Issue 15: a link named evil.jpg to /etc/passwd was refused quoting 'root:x:0'; the data stays out of messages.
        DecodeException text = assertThrows(DecodeException.class, () -> read(ascii("root:x:0:0:root:/root:/bin/bash")));
        assertEquals("<bytes>: unknown image format: not a header of any of bmp, gif, jpeg, png, tiff, webp",
                text.getMessage());
        DecodeException binary = assertThrows(DecodeException.class, () -> read(new byte[] {0, 1, (byte) 0xFE}));
        assertFalse(binary.reason().contains("00 01") || binary.reason().contains("FE"), binary::getMessage);
        assertEquals("<bytes>: empty input (0 bytes), not an image",
                assertThrows(DecodeException.class, () -> read(new byte[0])).getMessage());
    }

    @Test
    void aZeroSizeIsRefused() throws Exception {
        byte[] gif = written("gif");
        gif[6] = 0;
        gif[7] = 0;
        DecodeException refused = assertThrows(DecodeException.class, () -> read(gif));
        assertTrue(refused.reason().contains("0x23"), refused::getMessage);
    }

    @Test
    void readingLeavesTheBufferAsItWas() throws Exception {
        ByteBuffer buffer = ByteBuffer.allocateDirect(JPEG.length + 10);
        buffer.position(5);
        buffer.put(JPEG).position(5).limit(5 + JPEG.length);
        assertEquals(37, ImageHeader.read(buffer.asReadOnlyBuffer()).width());
        assertEquals(5, buffer.position());
    }

    @Test
    void checkRefusesMoreThanTheLimitNamingItAndAcceptsExactlyTheLimit() throws Exception {
        ImageHeader header = new ImageHeader("png", 1000, 1000, 1);
        header.check(DecodeOptions.DEFAULT.withMaxPixels(1_000_000));
        DecodeException refused = assertThrows(DecodeException.class,
                () -> header.check(DecodeOptions.DEFAULT.withMaxPixels(999_999)));
        assertTrue(refused.reason().contains("1000x1000 = 1000000 pixels, more than the limit of 999999"),
                refused::getMessage);
    }

    @Test
    void checkMeasuresTheRegionInTheImageAsShown() throws Exception {
        ImageHeader turned = new ImageHeader("jpeg", 60, 40, 6);
        Region tall = new Region(0, 0, 40, 60);
        turned.check(DecodeOptions.DEFAULT.withRegion(tall));
        DecodeException refused = assertThrows(DecodeException.class,
                () -> turned.check(DecodeOptions.DEFAULT.withRegion(tall).withExifOrientation(false)));
        assertEquals("<bytes>: region [0, 0, 40, 60] lies outside the 60x40 image", refused.getMessage());
        assertThrows(DecodeException.class, () -> turned.check(DecodeOptions.DEFAULT.withRegion(new Region(0, 0, 60, 40))));
    }

    /** A little- or big-endian TIFF structure whose first directory holds only the orientation tag. */
    private static byte[] exif(int orientation, ByteOrder order) {
        ByteBuffer tiff = ByteBuffer.allocate(26).order(order);
        tiff.put(order == ByteOrder.BIG_ENDIAN ? ascii("MM") : ascii("II")).putShort((short) 42).putInt(8);
        tiff.putShort((short) 1).putShort((short) 0x0112).putShort((short) 3).putInt(1);
        tiff.putShort((short) orientation).putShort((short) 0).putInt(0);
        return tiff.array();
    }

    private static byte[] withExif(byte[] jpeg, byte[] tiff) {
        byte[] body = concat(ascii("Exif\0\0"), tiff);
        ByteBuffer segment = ByteBuffer.allocate(4 + body.length);
        segment.put((byte) 0xFF).put((byte) 0xE1).putShort((short) (2 + body.length)).put(body);
        return concat(Arrays.copyOf(jpeg, 2), segment.array(), Arrays.copyOfRange(jpeg, 2, jpeg.length));
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    @Test
    void formatOfNamesEachFormatByItsFirstBytesAlone() throws IOException {
        assertEquals(Optional.of("jpeg"), ImageHeader.formatOf(ByteBuffer.wrap(new byte[] {(byte) 0xFF, (byte) 0xD8})));
        assertEquals(Optional.of("png"), ImageHeader.formatOf(ByteBuffer.wrap(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10})));
        assertEquals(Optional.of("gif"), ImageHeader.formatOf(ByteBuffer.wrap("GIF87a".getBytes(StandardCharsets.US_ASCII))));
        assertEquals(Optional.of("webp"), ImageHeader.formatOf(ByteBuffer.wrap("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.US_ASCII))));
        assertEquals(Optional.of("tiff"), ImageHeader.formatOf(ByteBuffer.wrap(new byte[] {'I', 'I', 42, 0})));
        assertEquals(Optional.empty(), ImageHeader.formatOf(ByteBuffer.wrap("<html>".getBytes(StandardCharsets.US_ASCII))));
        assertEquals(Optional.empty(), ImageHeader.formatOf(ByteBuffer.allocate(0)));
        ByteBuffer shifted = ByteBuffer.wrap(new byte[] {1, 2, (byte) 0xFF, (byte) 0xD8}).position(2);
        assertEquals(Optional.of("jpeg"), ImageHeader.formatOf(shifted));
        assertEquals(2, shifted.position());
    }
}
