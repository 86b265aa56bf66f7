package dev.sluice.api.contract;

import static dev.sluice.api.contract.ImageAssertions.assertSamePixels;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.sluice.api.DecodeException;
import dev.sluice.api.Image;
import java.util.ArrayList;
import java.util.List;

/**
 * Inputs and checks for the contract's tests of decoding into lent {@code DecodeBuffers}: a run of
 * images of very different sizes, so that each is decoded into memory a larger or a smaller one
 * used before, and the outcome of a decode compared whole (an image, or a failure).
 */
final class LentBuffers {
    private LentBuffers() {
    }

    /**
     * Files of {@code format} ({@code png} or {@code jpeg}) to decode one after the other with the
     * same buffers: large, small, tall, tiny, large again; PNGs alternate between RGB, RGBA and grey,
     * and one JPEG carries EXIF orientation 6 (turned when decoded).
     */
    static List<byte[]> run(String format) {
        int[][] sizes = {{160, 120}, {31, 17}, {97, 203}, {8, 9}, {160, 120}};
        List<byte[]> files = new ArrayList<>();
        for (int i = 0; i < sizes.length; i++) {
            int width = sizes[i][0];
            int height = sizes[i][1];
            if (format.equals("png")) {
                int channels = new int[] {3, 4, 1}[i % 3];
                files.add(TestImages.png(TestImages.photo(width, height, channels)));
            } else {
                byte[] jpeg = TestImages.jpeg(TestImages.photo(width, height, i == 3 ? 1 : 3), 90);
                files.add(i == 2 ? TestImages.withExifOrientation(jpeg, 6) : jpeg);
            }
        }
        return files;
    }

    /** What a decode gave: the image, or the reason it failed. */
    record Outcome(Image image, String failure) {
    }

    /** A decode that may throw DecodeException. */
    @FunctionalInterface
    interface Decode {
        Image run() throws DecodeException;
    }

    /** Runs {@code decode}, and returns the image, or the failure; a null image fails the test. */
    static Outcome outcome(Decode decode) {
        try {
            Image image = decode.run();
            assertNotNull(image, "a decode returned null");
            return new Outcome(image, null);
        } catch (DecodeException e) {
            return new Outcome(null, e.getClass().getSimpleName() + ": " + e.reason());
        }
    }

    /** Both failed for the same reason, or both gave the same pixels. */
    static void assertSameOutcome(Outcome expected, Outcome actual, String what) {
        assertEquals(expected.failure(), actual.failure(), what + ": the failure");
        if (expected.image() != null) {
            assertSamePixels(expected.image(), actual.image(), what);
        }
    }
}
