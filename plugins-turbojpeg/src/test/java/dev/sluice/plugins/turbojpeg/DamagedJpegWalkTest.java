package dev.sluice.plugins.turbojpeg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.DecodeException;
import dev.sluice.api.DecodeOptions;
import dev.sluice.api.ImageDecoder;
import dev.sluice.api.Options;
import dev.sluice.api.contract.TestImages;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Damaged JPEGs under strict options, on both libraries, refused with the Java walk's message.
 * The system library is no reason to skip the walk: with TJFLAG_STOPONWARNING it still decodes a
 * file with bytes between the last block and the end marker (libjpeg's "extraneous bytes before
 * marker", given only at {@code jpeg_finish_decompress}) without a word, which this test saw fail
 * when the walk was left out on that path.
 */
class DamagedJpegWalkTest {
    private static final byte[] PHOTO = TestImages.jpeg(TestImages.photo(320, 240, 3), 90);

    private static ImageDecoder decoder(String library) {
        if (library.equals("system")) {
            SystemLibraryAssumption.require();
        }
        return new TurboJpegDecoderProvider().create(Options.of(Map.of("library", library)));
    }

    private static String refusal(String library, byte[] encoded) {
        return assertThrows(DecodeException.class,
                () -> decoder(library).decode(ByteBuffer.wrap(encoded), DecodeOptions.DEFAULT)).reason();
    }

    @ParameterizedTest
    @ValueSource(strings = {"system", "bundled"})
    void aJpegCutInHalfWithAnEndMarkerIsRefusedNamingThePrematureEnd(String library) {
        byte[] cut = Arrays.copyOf(PHOTO, PHOTO.length / 2 + 2);
        cut[cut.length - 2] = (byte) 0xFF;
        cut[cut.length - 1] = (byte) 0xD9;
        String reason = refusal(library, cut);
        assertTrue(reason.startsWith("corrupt JPEG data: the coded data of the scan at byte "), reason);
        assertTrue(reason.contains("premature end of data segment"), reason);
    }

    @ParameterizedTest
    @ValueSource(strings = {"system", "bundled"})
    void bytesBetweenTheLastBlockAndTheEndMarkerAreRefusedAsExtraneous(String library) {
        byte[] padded = Arrays.copyOf(PHOTO, PHOTO.length + 3);
        System.arraycopy(new byte[] {0x12, 0x34, 0x56, (byte) 0xFF, (byte) 0xD9}, 0, padded, PHOTO.length - 2, 5);
        String reason = refusal(library, padded);
        assertTrue(reason.contains("3 bytes of coded data after its last block"), reason);
        assertTrue(reason.contains("extraneous bytes before marker"), reason);
    }

    @ParameterizedTest
    @ValueSource(strings = {"system", "bundled"})
    void theUndamagedPhotoDecodesWithStrictOptions(String library) throws DecodeException {
        assertEquals(320 * 240 * 3, decoder(library).decode(ByteBuffer.wrap(PHOTO), DecodeOptions.DEFAULT).pixels().remaining());
    }
}
