package dev.sluice.api.spi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.sluice.api.contract.TestImages;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

class PngChunksTest {
    private static final byte[] PNG = TestImages.png(TestImages.photo(9, 5, 3));

    @Test
    void damagedAncillaryChunksAreLeftOutAndEverythingElseKeptInOrder() {
        byte[] sound = chunk("tEXt", "Title\0kept", true);
        byte[] damaged = chunk("iCCP", "icc\0\7profile", false);
        byte[] after = chunk("zzZz", "private", false);
        byte[] input = join(head(), damaged, sound, after, tail());

        ByteBuffer out = PngChunks.withoutDamagedAncillaryChunks(ByteBuffer.wrap(input));

        assertArrayEquals(join(head(), sound, tail()), bytes(out));
    }

    @Test
    void aFileWithNothingToLeaveOutIsReturnedItselfAndAPositionIsRespected() {
        ByteBuffer sound = ByteBuffer.wrap(join(head(), chunk("tEXt", "a\0b", true), tail()));
        assertSame(sound, PngChunks.withoutDamagedAncillaryChunks(sound));

        byte[] padded = join(new byte[] {7, 7, 7}, head(), chunk("tEXt", "a\0b", false), tail());
        ByteBuffer shifted = ByteBuffer.wrap(padded).position(3);
        assertArrayEquals(join(head(), tail()), bytes(PngChunks.withoutDamagedAncillaryChunks(shifted)));
        assertEquals(3, shifted.position());
    }

    @Test
    void criticalChunksBytesAfterTheEndAndAnUnfinishedListAreNotTouched() {
        byte[] badIdatCrc = PNG.clone();
        badIdatCrc[badIdatCrc.length - 13]++;
        ByteBuffer critical = ByteBuffer.wrap(badIdatCrc);
        assertSame(critical, PngChunks.withoutDamagedAncillaryChunks(critical));

        ByteBuffer trailing = ByteBuffer.wrap(join(PNG, chunk("tEXt", "after the end", false)));
        assertSame(trailing, PngChunks.withoutDamagedAncillaryChunks(trailing));

        ByteBuffer cut = ByteBuffer.wrap(Arrays.copyOf(join(head(), chunk("tEXt", "a\0b", false), tail()), 40));
        assertSame(cut, PngChunks.withoutDamagedAncillaryChunks(cut));
    }

    /** The signature and IHDR of {@link #PNG}. */
    private static byte[] head() {
        return Arrays.copyOf(PNG, 33);
    }

    /** Everything of {@link #PNG} after its IHDR. */
    private static byte[] tail() {
        return Arrays.copyOfRange(PNG, 33, PNG.length);
    }

    private static byte[] chunk(String type, String text, boolean sound) {
        byte[] data = text.getBytes(StandardCharsets.ISO_8859_1);
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        return ByteBuffer.allocate(12 + data.length).putInt(data.length).put(name).put(data)
                .putInt((int) crc.getValue() + (sound ? 0 : 1)).array();
    }

    private static byte[] join(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] out = new byte[buffer.remaining()];
        buffer.get(buffer.position(), out);
        return out;
    }
}
