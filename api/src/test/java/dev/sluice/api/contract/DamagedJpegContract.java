package dev.sluice.api.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.DecodeException;
import dev.sluice.api.DecodeOptions;
import dev.sluice.api.Image;
import dev.sluice.api.ImageDecoder;
import dev.sluice.api.Options;
import dev.sluice.api.spi.ImageDecoderProvider;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/**
 * JPEGs damaged as real files are damaged, which libjpeg decodes with only a warning on stderr:
 * cut short with an end-of-image marker appended (the bottom half grey), zeros written into the
 * middle, a frame header patched to a size the data cannot hold. Under strict options (the default)
 * each is a {@link DecodeException}; lenient options decode the cut file as libjpeg does, and still
 * refuse the impossible size before allocating for it.
 *
 * <pre>{@code
 * class OpenCvDamagedJpegTest extends DamagedJpegContract {
 *     protected String providerId() { return "opencv"; }
 * }
 * }</pre>
 */
public abstract class DamagedJpegContract {
    private static final byte[] PHOTO = TestImages.jpeg(TestImages.photo(800, 600, 3), 90);

    /** The id of the decoder provider under test, as configuration names it: {@code "opencv"}. */
    protected abstract String providerId();

    private ImageDecoder decoder() {
        for (ImageDecoderProvider provider : ServiceLoader.load(ImageDecoderProvider.class)) {
            if (provider.id().equals(providerId())) {
                return provider.create(Options.empty());
            }
        }
        throw new AssertionError("no ImageDecoderProvider with id " + providerId());
    }

    private DecodeException refused(byte[] encoded, DecodeOptions options) {
        return assertThrows(DecodeException.class, () -> decoder().decode(ByteBuffer.wrap(encoded), options));
    }

    /** The first half of the photo's bytes and an end-of-image marker. */
    static byte[] cutInHalf() {
        byte[] cut = Arrays.copyOf(PHOTO, PHOTO.length / 2 + 2);
        cut[cut.length - 2] = (byte) 0xFF;
        cut[cut.length - 1] = (byte) 0xD9;
        return cut;
    }

    @Test
    public final void aJpegCutInHalfWithAnEndMarkerAppendedIsAnErrorNotAGreyBottomHalf() {
        DecodeException refused = refused(cutInHalf(), DecodeOptions.DEFAULT);
        assertTrue(refused.reason().startsWith("corrupt JPEG data: the coded data of the scan at byte "), refused::getMessage);
        assertTrue(refused.reason().contains("premature end of data segment"), refused::getMessage);
    }

    @Test
    public final void lenientOptionsDecodeTheCutJpegAsLibjpegDoes() throws Exception {
        Image image = decoder().decode(ByteBuffer.wrap(cutInHalf()), DecodeOptions.DEFAULT.withStrict(false));
        assertEquals("800x600x3", image.width() + "x" + image.height() + "x" + image.channels());
    }

    @Test
    public final void twentyThousandZeroBytesInTheMiddleOfTheCodedDataAreAnError() {
        int middle = PHOTO.length / 2;
        byte[] padded = new byte[PHOTO.length + 20_000];
        System.arraycopy(PHOTO, 0, padded, 0, middle);
        System.arraycopy(PHOTO, middle, padded, middle + 20_000, PHOTO.length - middle);
        DecodeException refused = refused(padded, DecodeOptions.DEFAULT);
        assertTrue(refused.reason().startsWith("corrupt JPEG data: "), refused::getMessage);
    }

    @Test
    public final void aSmallJpegWhoseFrameHeaderClaims13000x13000IsRefusedBeforeDecodingEvenWhenLenient() {
        byte[] small = TestImages.jpeg(TestImages.photo(64, 64, 3), 90);
        int frame = 2;
        while ((small[frame + 1] & 0xFF) != 0xC0) {
            frame += 2 + (((small[frame + 2] & 0xFF) << 8) | (small[frame + 3] & 0xFF));
        }
        for (int at : new int[] {frame + 5, frame + 7}) {
            small[at] = (byte) (13000 >> 8);
            small[at + 1] = (byte) 13000;
        }
        for (DecodeOptions options : new DecodeOptions[] {DecodeOptions.DEFAULT, DecodeOptions.DEFAULT.withStrict(false)}) {
            DecodeException refused = refused(small, options);
            assertTrue(refused.reason().startsWith("corrupt JPEG: its 13000x13000 frame holds 3962563 blocks of 8x8, "
                    + "which take at least 3962563 bits of Huffman-coded data, but only "), refused::getMessage);
        }
    }
}
