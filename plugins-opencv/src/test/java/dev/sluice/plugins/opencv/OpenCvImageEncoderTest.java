package dev.sluice.plugins.opencv;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.EncodeException;
import dev.sluice.api.EncodeOptions;
import dev.sluice.api.contract.ImageEncoderContract;
import dev.sluice.api.contract.TestImages;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The encoder contract for the opencv backend, and what is special about it. */
class OpenCvImageEncoderTest extends ImageEncoderContract {

    @Override
    protected String providerId() {
        return "opencv";
    }

    @Override
    protected Set<String> formats() {
        return Set.of("png", "jpeg");
    }

    @Test
    void greyAlphaPngAndRgbaJpegAreRefusedRatherThanChanged() {
        EncodeException greyAlpha = assertThrows(EncodeException.class,
                () -> encoder().encode(TestImages.photo(20, 10, 2), EncodeOptions.png()));
        assertTrue(greyAlpha.getMessage().contains("cannot write a grey + alpha image as png"), greyAlpha::getMessage);
        EncodeException rgba = assertThrows(EncodeException.class,
                () -> encoder().encode(TestImages.photo(20, 10, 4), EncodeOptions.jpeg(90)));
        assertTrue(rgba.getMessage().contains("JPEG has no alpha channel"), rgba::getMessage);
    }
}
