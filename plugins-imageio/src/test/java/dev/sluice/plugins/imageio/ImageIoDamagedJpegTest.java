package dev.sluice.plugins.imageio;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.DecodeException;
import dev.sluice.api.DecodeOptions;
import dev.sluice.api.Options;
import dev.sluice.api.contract.DamagedJpegContract;
import dev.sluice.api.contract.TestImages;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The imageio decoder against JPEGs cut short, padded with zeros, or with a patched frame size. */
class ImageIoDamagedJpegTest extends DamagedJpegContract {

    @Override
    protected String providerId() {
        return "imageio";
    }

    /** Progressive data is not walked before decoding; libjpeg's warning, which the reader passes on, is the error. */
    @Test
    void aProgressiveJpegCutInHalfIsAnErrorFromTheReadersWarning() throws Exception {
        byte[] progressive = TestImages.progressiveJpeg(TestImages.photo(320, 240, 3), 75);
        byte[] cut = Arrays.copyOf(progressive, middleOfTheLongestScan(progressive) + 2);
        cut[cut.length - 2] = (byte) 0xFF;
        cut[cut.length - 1] = (byte) 0xD9;
        DecodeException refused = assertThrows(DecodeException.class, () -> new ImageIoDecoderProvider()
                .create(Options.empty()).decode(ByteBuffer.wrap(cut), DecodeOptions.DEFAULT));
        assertTrue(refused.reason().startsWith("corrupt jpeg data: the reader warns \""), refused::getMessage);
        new ImageIoDecoderProvider().create(Options.empty()).decode(ByteBuffer.wrap(cut), DecodeOptions.DEFAULT.withStrict(false));
    }

    /** The index halfway through the coded data of the scan with the most of it, which is not FF there. */
    private static int middleOfTheLongestScan(byte[] jpeg) {
        int best = 0;
        int bestLength = 0;
        for (int at = 0; at + 1 < jpeg.length; at++) {
            if ((jpeg[at] & 0xFF) == 0xFF && (jpeg[at + 1] & 0xFF) == 0xDA) {
                int start = at + 2 + (((jpeg[at + 2] & 0xFF) << 8) | (jpeg[at + 3] & 0xFF));
                int end = start;
                while (!((jpeg[end] & 0xFF) == 0xFF && jpeg[end + 1] != 0)) {
                    end++;
                }
                if (end - start > bestLength) {
                    bestLength = end - start;
                    best = start + bestLength / 2;
                }
            }
        }
        while ((jpeg[best - 1] & 0xFF) == 0xFF) {
            best++;
        }
        return best;
    }
}
