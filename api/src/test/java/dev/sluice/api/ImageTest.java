package dev.sluice.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import org.junit.jupiter.api.Test;

class ImageTest {
    private static final byte[] RED_THEN_BLUE = {(byte) 255, 0, 0, 0, 0, (byte) 255};

    @Test
    void wrapRefusesSizesOutOfRangeNamingTheArgument() {
        assertEquals("width must be > 0, was 0",
                assertThrows(IllegalArgumentException.class, () -> Image.wrap(0, 1, 1, new byte[0])).getMessage());
        assertEquals("height must be > 0, was -3",
                assertThrows(IllegalArgumentException.class, () -> Image.wrap(1, -3, 1, new byte[0])).getMessage());
        assertEquals("channels must be 1 to 4, was 5",
                assertThrows(IllegalArgumentException.class, () -> Image.wrap(1, 1, 5, new byte[5])).getMessage());
        assertEquals("channels must be 1 to 4, was 0",
                assertThrows(IllegalArgumentException.class, () -> Image.wrap(1, 1, 0, new byte[0])).getMessage());
    }

    @Test
    void wrapRefusesASampleCountThatDoesNotMatch() {
        assertEquals("a 2x1x3 image needs 6 bytes, got 5", assertThrows(IllegalArgumentException.class,
                () -> Image.wrap(2, 1, 3, new byte[5])).getMessage());
        ByteBuffer tooLong = ByteBuffer.wrap(new byte[8]).position(1);
        assertEquals("a 2x1x3 image needs 6 bytes, got 7", assertThrows(IllegalArgumentException.class,
                () -> Image.wrap(2, 1, 3, tooLong)).getMessage());
    }

    @Test
    void wrapUsesTheBufferFromPositionToLimitWithoutCopying() {
        byte[] backing = {9, 9, 10, 20, 30, 40, 9};
        Image image = Image.wrap(2, 2, 1, ByteBuffer.wrap(backing, 2, 4));
        assertEquals(10, image.get(0, 0, 0));
        assertEquals(40, image.get(1, 1, 0));
        backing[2] = 11;
        assertEquals(11, image.get(0, 0, 0), "wrap hands the array over, it does not copy");
    }

    @Test
    void copyOfCopiesTheArray() {
        byte[] samples = RED_THEN_BLUE.clone();
        Image image = Image.copyOf(2, 1, 3, samples);
        samples[0] = 1;
        assertEquals(255, image.get(0, 0, 0));
    }

    @Test
    void getReadsOneUnsignedSampleByColumnRowAndChannel() {
        Image image = Image.wrap(2, 1, 3, RED_THEN_BLUE.clone());
        assertEquals(255, image.get(0, 0, 0));
        assertEquals(0, image.get(0, 0, 2));
        assertEquals(255, image.get(1, 0, 2));
        assertEquals(2, image.width());
        assertEquals(1, image.height());
        assertEquals(3, image.channels());
        assertEquals(6, image.byteSize());
    }

    @Test
    void getRefusesCoordinatesOutsideTheImageNamingThem() {
        Image image = Image.wrap(2, 1, 3, RED_THEN_BLUE.clone());
        assertEquals("(2, 0, 0) is outside a 2x1x3 image",
                assertThrows(IndexOutOfBoundsException.class, () -> image.get(2, 0, 0)).getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> image.get(0, 1, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> image.get(0, 0, 3));
        assertThrows(IndexOutOfBoundsException.class, () -> image.get(-1, 0, 0));
    }

    @Test
    void copyToWritesEverySampleAtTheOffset() {
        Image image = Image.wrap(2, 1, 3, RED_THEN_BLUE.clone());
        byte[] destination = new byte[9];
        image.copyTo(destination, 2);
        assertArrayEquals(new byte[] {0, 0, (byte) 255, 0, 0, 0, 0, (byte) 255, 0}, destination);
        assertThrows(IndexOutOfBoundsException.class, () -> image.copyTo(new byte[9], 4));
    }

    @Test
    void toArrayIsACopy() {
        Image image = Image.wrap(2, 1, 3, RED_THEN_BLUE.clone());
        image.toArray()[0] = 7;
        assertEquals(255, image.get(0, 0, 0));
    }

    @Test
    void pixelsIsAReadOnlyViewAtPositionZero() {
        Image image = Image.wrap(2, 1, 3, ByteBuffer.wrap(new byte[] {5, 1, 2, 3, 4, 5, 6}, 1, 6));
        ByteBuffer pixels = image.pixels();
        assertTrue(pixels.isReadOnly());
        assertEquals(0, pixels.position());
        assertEquals(6, pixels.remaining());
        assertEquals(1, pixels.get());
        assertThrows(ReadOnlyBufferException.class, () -> pixels.put(0, (byte) 0));
        assertEquals(0, image.pixels().position(), "each call is a new view");
    }

    @Test
    void equalityNeedsTheSameSizeChannelsAndSamples() {
        byte[] six = {1, 2, 3, 4, 5, 6};
        Image image = Image.wrap(3, 2, 1, six.clone());
        ByteBuffer direct = ByteBuffer.allocateDirect(6).put(six).flip();
        assertEquals(image, Image.wrap(3, 2, 1, direct), "heap and direct with the same samples");
        assertEquals(image.hashCode(), Image.wrap(3, 2, 1, direct).hashCode());
        assertNotEquals(image, Image.wrap(2, 3, 1, six.clone()));
        assertNotEquals(image, Image.wrap(1, 2, 3, six.clone()));
        assertNotEquals(image, Image.wrap(3, 2, 1, new byte[] {1, 2, 3, 4, 5, 7}));
        assertNotEquals(image, "Image[3x2x1]");
    }

    @Test
    void toStringGivesTheSize() {
        assertEquals("Image[2x1x3]", Image.wrap(2, 1, 3, RED_THEN_BLUE.clone()).toString());
    }

    @Test
    void aSixteenBitImageReadsItsSamplesUnsignedAndLittleEndian() {
        Image deep = Image.wrapUint16(2, 1, 2, new short[] {0, (short) 65535, 258, (short) 40000});
        assertEquals(DType.UINT16, deep.dtype());
        assertEquals(8, deep.byteSize());
        assertEquals(65535, deep.get(0, 0, 1));
        assertEquals(40000, deep.get(1, 0, 1));
        short[] copy = new short[5];
        deep.copyTo(copy, 1);
        assertArrayEquals(new short[] {0, 0, (short) 65535, 258, (short) 40000}, copy);
        ByteBuffer bytes = deep.sampleBytes();
        assertEquals(2, bytes.get(4));
        assertEquals(1, bytes.get(5));
        assertEquals("Image[2x1x2 uint16]", deep.toString());
    }

    @Test
    void theEightBitAccessorsRefuseASixteenBitImageRatherThanNarrowIt() {
        Image deep = Image.wrapUint16(1, 1, 1, new short[] {(short) 65535});
        for (Runnable read : new Runnable[] {deep::pixels, deep::toArray, () -> deep.copyTo(new byte[2], 0)}) {
            IllegalStateException refused = assertThrows(IllegalStateException.class, read::run);
            assertTrue(refused.getMessage().contains("uint16"), refused.getMessage());
        }
        assertThrows(IllegalStateException.class, () -> Image.wrap(1, 1, 1, new byte[] {1}).copyTo(new short[1], 0));
    }

    @Test
    void depthTakesPartInEqualityAndTheByteCountIsChecked() {
        Image eight = Image.wrap(DType.UINT8, 1, 1, 2, ByteBuffer.wrap(new byte[] {7, 0}));
        Image sixteen = Image.wrap(DType.UINT16, 1, 1, 1, ByteBuffer.wrap(new byte[] {7, 0}));
        assertNotEquals(eight, sixteen);
        assertEquals(sixteen, Image.wrapUint16(1, 1, 1, new short[] {7}));
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> Image.wrap(DType.UINT16, 2, 1, 1, ByteBuffer.allocate(2)));
        assertEquals("a 2x1x1 uint16 image needs 4 bytes, got 2", refused.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Image.wrap(DType.FLOAT32, 1, 1, 1, ByteBuffer.allocate(4)));
    }
}
