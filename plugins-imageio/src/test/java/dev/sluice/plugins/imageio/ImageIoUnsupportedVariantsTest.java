package dev.sluice.plugins.imageio;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.DecodeException;
import dev.sluice.api.DecodeOptions;
import dev.sluice.api.UnsupportedImageException;
import dev.sluice.api.Image;
import dev.sluice.api.ImageDecoder;
import dev.sluice.api.Options;
import dev.sluice.api.contract.TestImages;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/**
 * The variants this backend's readers decode to wrong pixels (or fail on with a misleading
 * message) are refused as unsupported before decoding. Each input is written here with the header
 * that marks the variant; the bytes after it never reach a reader.
 */
class ImageIoUnsupportedVariantsTest {
    private static final Image PHOTO = TestImages.photo(45, 31, 3);

    private static DecodeException refused(byte[] encoded) {
        ImageDecoder decoder = new ImageIoDecoderProvider().create(Options.empty());
        return assertThrows(UnsupportedImageException.class, () -> decoder.decode(ByteBuffer.wrap(encoded), DecodeOptions.DEFAULT));
    }

    @Test
    void twelveBitJpegIsRefusedAsUnsupportedRatherThanAsAMissingScan() {
        byte[] jpeg = TestImages.jpeg(PHOTO, 90);
        jpeg[segment(jpeg, 0xC0) + 4] = 12;
        DecodeException refused = refused(jpeg);
        assertTrue(refused.reason().startsWith("unsupported JPEG variant: 12-bit JPEG (SOF0) is not supported by the "
                + "imageio decoder"), refused::getMessage);
    }

    @Test
    void losslessJpegWithAPointTransformIsRefusedAsUnsupported() {
        byte[] jpeg = TestImages.jpeg(PHOTO, 90);
        jpeg[segment(jpeg, 0xC0) + 1] = (byte) 0xC3;
        int scan = segment(jpeg, 0xDA);
        int length = ((jpeg[scan + 2] & 0xFF) << 8) | (jpeg[scan + 3] & 0xFF);
        jpeg[scan + 2 + length - 1] = 0x01;
        DecodeException refused = refused(jpeg);
        assertTrue(refused.reason().startsWith("unsupported JPEG variant: lossless JPEG (SOF3, 8-bit, 3 components) with "
                + "point transform 1"), refused::getMessage);
    }

    /** The contract's lossy photograph (cwebp -q 80), which this backend decoded 7.66 levels off libwebp on average. */
    @Test
    void lossyWebpIsRefusedAsUnsupportedForItsChromaUpsampling() throws IOException {
        byte[] webp;
        try (InputStream in = getClass().getResourceAsStream("/dev/sluice/api/contract/photos/dune-q80.webp")) {
            webp = in.readAllBytes();
        }
        DecodeException refused = refused(webp);
        assertTrue(refused.reason().startsWith("unsupported WebP variant: lossy WebP (VP8)"), refused::getMessage);
    }

    @Test
    void oldStyleJpegTiffIsRefusedAsUnsupported() {
        short[][] entries = {{256, 8}, {257, 8}, {258, 8}, {259, 6}, {262, 1}, {273, 0}, {277, 1}, {278, 8}, {279, 64}};
        int directory = 8;
        int data = directory + 2 + entries.length * 12 + 4;
        ByteBuffer tiff = ByteBuffer.allocate(data + 64).order(ByteOrder.LITTLE_ENDIAN);
        tiff.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(directory).putShort((short) entries.length);
        for (short[] entry : entries) {
            tiff.putShort(entry[0]).putShort((short) 3).putInt(1).putInt(entry[0] == 273 ? data : entry[1]);
        }
        tiff.putInt(0);
        DecodeException refused = refused(tiff.array());
        assertTrue(refused.reason().startsWith("unsupported TIFF variant: old-style JPEG compression (6)"),
                refused::getMessage);
    }

    /** The index of the first segment with {@code marker} in a JPEG written by the JDK. */
    private static int segment(byte[] jpeg, int marker) {
        int at = 2;
        while ((jpeg[at + 1] & 0xFF) != marker) {
            at += 2 + (((jpeg[at + 2] & 0xFF) << 8) | (jpeg[at + 3] & 0xFF));
        }
        return at;
    }
}
