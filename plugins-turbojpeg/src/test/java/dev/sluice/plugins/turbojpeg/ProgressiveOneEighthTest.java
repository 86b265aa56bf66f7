package dev.sluice.plugins.turbojpeg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.ColorMode;
import dev.sluice.api.DecodeBuffers;
import dev.sluice.api.DecodeException;
import dev.sluice.api.DecodeOptions;
import dev.sluice.api.Image;
import dev.sluice.api.ImageDecoder;
import dev.sluice.api.Options;
import dev.sluice.api.Region;
import dev.sluice.api.contract.TestImages;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Progressive JPEGs at 1/8 under strict options, which the decoder makes from their DC coefficients
 * in Java: the same samples as libjpeg's own 1/8 decode of the same file (asked for with strict
 * options off, which leaves every file to the library), on both libraries, in every colour mode,
 * with a region and an EXIF turn, into lent buffers or not; and damage in an AC scan refused with the
 * strict walk's message.
 */
class ProgressiveOneEighthTest {
    private static final Image PHOTO = TestImages.photo(301, 203, 3);

    private static ImageDecoder decoder(String library) {
        if (library.equals("system")) {
            SystemLibraryAssumption.require();
        }
        return new TurboJpegDecoderProvider().create(Options.of(Map.of("library", library)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"system", "bundled"})
    void everySamplingThatNeedsOnlyItsDcCoefficientsGivesLibjpegsSamples(String library) throws DecodeException {
        ImageDecoder decoder = decoder(library);
        DecodeBuffers buffers = new DecodeBuffers();
        for (int[] sampling : new int[][] {{1, 1}, {2, 1}, {1, 2}}) {
            byte[] jpeg = TestImages.progressiveJpeg(PHOTO, 85, sampling[0], sampling[1]);
            for (ColorMode mode : ColorMode.values()) {
                DecodeOptions options = DecodeOptions.DEFAULT.withMode(mode).withReduce(8);
                Image fromLibjpeg = decoder.decode(ByteBuffer.wrap(jpeg), options.withStrict(false));
                String what = sampling[0] + "x" + sampling[1] + " " + mode;
                assertEquals(mode == ColorMode.GRAY ? 1 : 3, fromLibjpeg.channels(), what);
                assertEquals("38x26", fromLibjpeg.width() + "x" + fromLibjpeg.height(), what);
                assertEquals(fromLibjpeg, decoder.decode(ByteBuffer.wrap(jpeg), options), what);
                assertEquals(fromLibjpeg, decoder.decode(ByteBuffer.wrap(jpeg), options, buffers), what + ", lent buffers");
            }
            DecodeOptions cut = DecodeOptions.DEFAULT.withReduce(8).withRegion(new Region(40, 16, 160, 120));
            Image region = decoder.decode(ByteBuffer.wrap(jpeg), cut.withStrict(false));
            assertEquals("20x15", region.width() + "x" + region.height());
            assertEquals(region, decoder.decode(ByteBuffer.wrap(jpeg), cut, buffers));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"system", "bundled"})
    void aGreyProgressiveJpegGivesLibjpegsSamplesInEveryModeAndTurn(String library) throws DecodeException {
        ImageDecoder decoder = decoder(library);
        byte[] jpeg = TestImages.progressiveJpeg(TestImages.photo(301, 203, 1), 85);
        byte[] turned = TestImages.withExifOrientation(jpeg, 6);
        DecodeBuffers buffers = new DecodeBuffers();
        for (ColorMode mode : ColorMode.values()) {
            DecodeOptions options = DecodeOptions.DEFAULT.withMode(mode).withReduce(8);
            Image fromLibjpeg = decoder.decode(ByteBuffer.wrap(turned), options.withStrict(false));
            assertEquals("26x38x" + (mode == ColorMode.RGB ? 3 : 1),
                    fromLibjpeg.width() + "x" + fromLibjpeg.height() + "x" + fromLibjpeg.channels());
            assertEquals(fromLibjpeg, decoder.decode(ByteBuffer.wrap(turned), options, buffers), mode + ", turned");
            assertEquals(decoder.decode(ByteBuffer.wrap(jpeg), options.withStrict(false)),
                    decoder.decode(ByteBuffer.wrap(jpeg), options, buffers), mode.toString());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"system", "bundled"})
    void damageInAnAcScanIsRefusedWithTheStrictWalksMessage(String library) {
        byte[] jpeg = TestImages.progressiveJpeg(PHOTO, 85, 1, 1);
        byte[] damaged = jpeg.clone();
        Arrays.fill(damaged, damaged.length * 3 / 4, damaged.length * 3 / 4 + 64, (byte) 0xFE);
        DecodeException refused = assertThrows(DecodeException.class,
                () -> decoder(library).decode(ByteBuffer.wrap(damaged), DecodeOptions.DEFAULT.withReduce(8)));
        assertTrue(refused.reason().startsWith("corrupt JPEG data: "), refused::getMessage);
    }
}
