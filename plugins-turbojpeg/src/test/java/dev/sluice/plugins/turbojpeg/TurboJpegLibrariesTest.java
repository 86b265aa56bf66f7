package dev.sluice.plugins.turbojpeg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.ColorMode;
import dev.sluice.api.DecodeException;
import dev.sluice.api.DecodeOptions;
import dev.sluice.api.Image;
import dev.sluice.api.ImageDecoder;
import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;
import dev.sluice.api.Region;
import dev.sluice.api.contract.TestImages;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What is special about the turbojpeg backend: its two native paths, their failures, and the option choosing them. */
class TurboJpegLibrariesTest {
    private static final byte[] PHOTO = TestImages.jpeg(TestImages.photo(203, 131, 3), 90);

    private static ImageDecoder decoder(String library) {
        if (library.equals("system")) {
            SystemLibraryAssumption.require();
        }
        return new TurboJpegDecoderProvider().create(Options.of(Map.of("library", library)));
    }

    /** {@code PHOTO} with the sampling factors of its first component set to 0, which libjpeg refuses while reading the header. */
    private static byte[] withBogusSampling() {
        byte[] bogus = PHOTO.clone();
        int at = 2;
        while ((bogus[at + 1] & 0xFF) != 0xC0) {
            at += 2 + (((bogus[at + 2] & 0xFF) << 8) | (bogus[at + 3] & 0xFF));
        }
        bogus[at + 11] = 0;
        return bogus;
    }

    /**
     * A failed decode leaves nothing behind: TurboJPEG's handle is made anew after any error (an old
     * one answered the next header call with stale sizes), so failures and successes alternating on
     * one thread give the same image every time.
     */
    @ParameterizedTest
    @ValueSource(strings = {"system", "bundled"})
    void failuresAndSuccessesAlternatingOnOneThreadGiveTheSameImage(String library) throws Exception {
        ImageDecoder decoder = decoder(library);
        Image expected = decoder.decode(ByteBuffer.wrap(PHOTO), DecodeOptions.DEFAULT);
        byte[] bogus = withBogusSampling();
        for (int i = 0; i < 20; i++) {
            DecodeException refused = assertThrows(DecodeException.class,
                    () -> decoder.decode(ByteBuffer.wrap(bogus), DecodeOptions.DEFAULT));
            assertEquals("<bytes>", refused.source());
            assertEquals(expected, decoder.decode(ByteBuffer.wrap(PHOTO), DecodeOptions.DEFAULT), "after failure " + i);
        }
    }

    /**
     * A three-component JPEG without JFIF whose Adobe marker says YCCK (transform 2): libjpeg warns
     * and reads it as YCbCr, as cv2 does; both paths give the pixels of the same file labelled
     * YCbCr, where they would otherwise refuse the warning.
     */
    @ParameterizedTest
    @ValueSource(strings = {"system", "bundled"})
    void anAdobeTransformThatContradictsTheComponentsDecodesAsLibjpegAssumes(String library) throws Exception {
        ImageDecoder decoder = decoder(library);
        int jfifEnd = 4 + (((PHOTO[4] & 0xFF) << 8) | (PHOTO[5] & 0xFF));
        byte[] ycck = adobe(jfifEnd, 2);
        byte[] ycbcr = adobe(jfifEnd, 1);
        assertEquals(decoder.decode(ByteBuffer.wrap(ycbcr), DecodeOptions.DEFAULT),
                decoder.decode(ByteBuffer.wrap(ycck), DecodeOptions.DEFAULT));
        assertEquals(decoder.decode(ByteBuffer.wrap(PHOTO), DecodeOptions.DEFAULT),
                decoder.decode(ByteBuffer.wrap(ycck), DecodeOptions.DEFAULT));
    }

    /** {@code PHOTO} with its JFIF segment (ending at {@code jfifEnd}) replaced by an Adobe one with {@code transform}. */
    private static byte[] adobe(int jfifEnd, int transform) {
        byte[] app14 = {(byte) 0xFF, (byte) 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, (byte) transform};
        byte[] out = new byte[2 + app14.length + PHOTO.length - jfifEnd];
        System.arraycopy(PHOTO, 0, out, 0, 2);
        System.arraycopy(app14, 0, out, 2, app14.length);
        System.arraycopy(PHOTO, jfifEnd, out, 2 + app14.length, PHOTO.length - jfifEnd);
        return out;
    }

    @Test
    void theSystemPathGivesLibjpegsReason() {
        ImageDecoder decoder = decoder("system");
        DecodeException refused = assertThrows(DecodeException.class,
                () -> decoder.decode(ByteBuffer.wrap(withBogusSampling()), DecodeOptions.DEFAULT));
        assertEquals("libturbojpeg failed reading the JPEG header: Bogus sampling factors", refused.reason());
    }

    /**
     * Both paths run libjpeg-turbo's integer IDCT and fancy upsampling, so they agree to the bit on
     * every option, including an image larger than the 16 MB kept scratch memory.
     */
    @Test
    void bothPathsGiveTheSamePixelsForEveryOption() throws Exception {
        ImageDecoder system = decoder("system");
        ImageDecoder bundled = decoder("bundled");
        byte[] large = TestImages.jpeg(TestImages.photo(2600, 2300, 3), 85);
        byte[] grey = TestImages.jpeg(TestImages.photo(203, 131, 1), 90);
        List<DecodeOptions> options = List.of(DecodeOptions.DEFAULT, DecodeOptions.DEFAULT.withReduce(2),
                DecodeOptions.DEFAULT.withReduce(8), DecodeOptions.DEFAULT.withMode(ColorMode.GRAY),
                DecodeOptions.DEFAULT.withMode(ColorMode.UNCHANGED), DecodeOptions.DEFAULT.withRegion(new Region(7, 5, 61, 33)),
                DecodeOptions.DEFAULT.withReduce(4).withMode(ColorMode.GRAY).withRegion(new Region(1, 2, 150, 99)));
        for (byte[] jpeg : List.of(PHOTO, grey, large)) {
            for (DecodeOptions option : options) {
                assertEquals(system.decode(ByteBuffer.wrap(jpeg), option), bundled.decode(ByteBuffer.wrap(jpeg), option),
                        jpeg.length + " bytes, " + option);
            }
        }
    }

    @Test
    void theLibraryOptionIsCheckedWithItsKeyPath() {
        OptionsException refused = assertThrows(OptionsException.class, () -> new TurboJpegDecoderProvider()
                .create(Options.of("decoder", Map.of("library", "fastest"))));
        assertEquals("decoder.library", refused.keyPath());
        assertTrue(refused.getMessage().contains("must be auto, system or bundled, was 'fastest'"), refused::getMessage);
    }

    @Test
    void thePluginSaysWhichLibraryAutoRuns() {
        String backend = new TurboJpegDecoderProvider().backend();
        String expected = JpegLibraries.system().ok() ? "system libturbojpeg (" : "bundled libjpeg-turbo in org.bytedeco:leptonica (";
        assertTrue(backend.startsWith(expected), backend);
        assertTrue(JpegLibraries.bundled().codec().describe().contains("libjpeg-turbo 3."),
                JpegLibraries.bundled().codec().describe());
    }
}
