package dev.sluice.plugins.transforms.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sluice.api.DType;
import dev.sluice.api.Image;
import dev.sluice.plugins.transforms.ImageTransform;
import dev.sluice.plugins.transforms.Samples;
import dev.sluice.plugins.transforms.resize.Interpolation;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The warp kernel reads and writes 16-bit samples where it reads and writes 8-bit ones: with nearest
 * sampling, every transform built on it (rotation, affine, perspective and their random forms) picks
 * the same source pixels from a 16-bit image as from the 8-bit one it widens, and fills the same ones,
 * so the 16-bit result is the 8-bit result widened, exactly. (Bilinear values are checked against
 * torchvision in {@link WarpFixtureTest} and {@link GeometryFixtureTest}, cases {@code *-grass16}.)
 */
class SixteenBitWarpTest {

    static Stream<Arguments> nearestWarps() {
        List<ImageTransform> warps = List.of(
                RandomRotation.of(-170, 170).expand(true),
                Affine.of(25, 3, -2, 1.2, 10, -5),
                Perspective.of(new int[][] {{0, 0}, {16, 0}, {16, 16}, {0, 16}}, new int[][] {{2, 3}, {15, 1}, {16, 14}, {1, 15}})
                        .interpolation(Interpolation.NEAREST),
                RandomAffine.of(-60, 60).translate(0.2, 0.1).scale(0.7, 1.3).shear(-20, 20, -10, 10),
                RandomPerspective.of(0.6).p(1).interpolation(Interpolation.NEAREST));
        return warps.stream().flatMap(w -> Samples.allChannelCounts().stream().map(image -> Arguments.of(w, image)));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("nearestWarps")
    void nearestMovesSixteenBitPixelsAsItMovesEightBitOnes(ImageTransform warp, Image image) {
        for (long seed = 0; seed < 4; seed++) {
            Image eightBit = warp.apply(image, new SplittableRandom(seed));
            Image sixteenBit = warp.apply(widened(image), new SplittableRandom(seed));
            assertEquals(DType.UINT16, sixteenBit.dtype());
            assertEquals(widened(eightBit), sixteenBit, warp + ", seed " + seed);
        }
    }

    /** Each level {@code v} as {@code 257 v}, so 0 (the fill) stays 0 and 255 becomes 65535. */
    private static Image widened(Image image) {
        short[] out = new short[image.width() * image.height() * image.channels()];
        byte[] in = image.toArray();
        for (int i = 0; i < in.length; i++) {
            out[i] = (short) ((in[i] & 0xFF) * 257);
        }
        return Image.wrapUint16(image.width(), image.height(), image.channels(), out);
    }
}
