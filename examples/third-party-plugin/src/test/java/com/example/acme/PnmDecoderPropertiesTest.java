package com.example.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sluice.api.ColorMode;
import dev.sluice.api.DecodeException;
import dev.sluice.api.DecodeOptions;
import dev.sluice.api.Image;
import java.nio.ByteBuffer;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Properties of the PGM/PPM decoder over random images, maxvals and cuts. */
class PnmDecoderPropertiesTest {
    private static final DecodeOptions UNCHANGED = DecodeOptions.DEFAULT.withMode(ColorMode.UNCHANGED);
    private final PnmDecoder decoder = new PnmDecoder();

    @Provide
    Arbitrary<Image> images() {
        return Arbitraries.integers().between(1, 24).flatMap(width -> Arbitraries.integers().between(1, 24)
                .flatMap(height -> Arbitraries.of(1, 3).flatMap(channels -> Arbitraries.bytes()
                        .array(byte[].class).ofSize(width * height * channels)
                        .map(samples -> Image.wrap(width, height, channels, samples)))));
    }

    @Provide
    Arbitrary<Integer> maxvals() {
        return Arbitraries.oneOf(Arbitraries.of(255, 65535), Arbitraries.integers().between(255, 65535));
    }

    @Property(tries = 300)
    void everyImageComesBackExactlyAtAnyMaxvalFrom255(@ForAll("images") Image image, @ForAll("maxvals") int maxval,
            @ForAll boolean plain) throws DecodeException {
        assertEquals(image, decoder.decode(ByteBuffer.wrap(Netpbm.write(image, plain, maxval)), UNCHANGED));
    }

    @Property(tries = 200)
    void aFileCutShortIsRefusedNeverMisread(@ForAll("images") Image image, @ForAll boolean plain,
            @ForAll @IntRange(min = 1, max = 1000) int cut) {
        byte[] file = Netpbm.write(image, plain, 255);
        // A binary file loses at least one byte; a plain one at least its whole last sample, since
        // "12" cut to "1" is still a number.
        int end = plain ? lastTokenStart(file) : file.length - 1;
        int keep = Math.max(0, end - cut % file.length);
        byte[] shorter = Arrays.copyOf(file, keep);
        assertThrows(DecodeException.class, () -> decoder.decode(ByteBuffer.wrap(shorter), UNCHANGED));
    }

    private static int lastTokenStart(byte[] file) {
        int at = file.length;
        while (at > 0 && Character.isWhitespace(file[at - 1])) {
            at--;
        }
        while (at > 0 && !Character.isWhitespace(file[at - 1])) {
            at--;
        }
        return at;
    }
}
