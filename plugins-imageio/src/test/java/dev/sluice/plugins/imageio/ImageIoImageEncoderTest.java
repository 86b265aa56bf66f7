package dev.sluice.plugins.imageio;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.EncodeException;
import dev.sluice.api.EncodeOptions;
import dev.sluice.api.contract.ImageEncoderContract;
import dev.sluice.api.contract.TestImages;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The encoder contract for the imageio backend, and what is special about it. */
class ImageIoImageEncoderTest extends ImageEncoderContract {

    @Override
    protected String providerId() {
        return "imageio";
    }

    @Override
    protected Set<String> formats() {
        return Set.of("png", "jpeg");
    }

    @Test
    void aJpegOfAnImageWithAlphaIsRefusedRatherThanLosingIt() {
        for (int channels : new int[] {2, 4}) {
            EncodeException refused = assertThrows(EncodeException.class,
                    () -> encoder().encode(TestImages.photo(20, 10, channels), EncodeOptions.jpeg(90)));
            assertTrue(refused.getMessage().contains("JPEG has no alpha channel"), refused::getMessage);
        }
    }
}
