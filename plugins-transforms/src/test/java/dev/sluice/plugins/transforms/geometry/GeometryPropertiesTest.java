package dev.sluice.plugins.transforms.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.Image;
import dev.sluice.api.Region;
import dev.sluice.api.contract.TestImages;
import dev.sluice.plugins.transforms.Raster;
import dev.sluice.plugins.transforms.Samples;
import dev.sluice.plugins.transforms.Size;
import dev.sluice.plugins.transforms.resize.Resize;
import dev.sluice.plugins.transforms.resize.ResizeProvider;
import dev.sluice.plugins.transforms.resize.ScaleProvider;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Properties of the geometric transforms that hold for any image size, channel count and parameter. */
class GeometryPropertiesTest {

    @Property(tries = 100)
    void cuttingThePaddingOffGivesBackTheImage(@ForAll @IntRange(min = 1, max = 30) int width,
            @ForAll @IntRange(min = 1, max = 30) int height, @ForAll @IntRange(min = 1, max = 4) int channels,
            @ForAll @IntRange(min = 0, max = 9) int left, @ForAll @IntRange(min = 0, max = 9) int top,
            @ForAll @IntRange(min = 0, max = 9) int right, @ForAll @IntRange(min = 0, max = 9) int bottom,
            @ForAll @IntRange(min = 0, max = 3) int mode) {
        Pad.Mode padMode = Pad.Mode.values()[mode];
        int limitX = padMode == Pad.Mode.REFLECT ? width - 1 : padMode == Pad.Mode.SYMMETRIC ? width : Integer.MAX_VALUE;
        int limitY = padMode == Pad.Mode.REFLECT ? height - 1 : padMode == Pad.Mode.SYMMETRIC ? height : Integer.MAX_VALUE;
        Assume.that(Math.max(left, right) <= limitX && Math.max(top, bottom) <= limitY);
        Image image = TestImages.photo(width, height, channels);
        Raster padded = Pad.pad(Raster.of(image), new Padding(left, top, right, bottom), padMode, new int[] {77});
        assertEquals(width + left + right, padded.width);
        assertEquals(image, Crop.cut(padded, new Region(left, top, width, height)).toImage());
    }

    @Property(tries = 50)
    void mirroringTwiceAndTurningUpsideDownTwiceChangeNothing(@ForAll @IntRange(min = 1, max = 40) int width,
            @ForAll @IntRange(min = 1, max = 40) int height, @ForAll @IntRange(min = 1, max = 4) int channels) {
        Image image = TestImages.photo(width, height, channels);
        assertEquals(image, RandomHorizontalFlip.mirror(RandomHorizontalFlip.mirror(Raster.of(image))).toImage());
        assertEquals(image, RandomVerticalFlip.upsideDown(RandomVerticalFlip.upsideDown(Raster.of(image))).toImage());
    }

    @Property(tries = 50)
    void enlargingByAWholeFactorWithNearestAndShrinkingBackWithAreaOrNearestIsLossless(
            @ForAll @IntRange(min = 1, max = 20) int width, @ForAll @IntRange(min = 1, max = 20) int height,
            @ForAll @IntRange(min = 2, max = 4) int factor, @ForAll @IntRange(min = 1, max = 4) int channels) {
        Image image = TestImages.photo(width, height, channels);
        Image big = Samples.<Image, Image>create(new ScaleProvider(), Map.of("fx", factor, "interpolation", "nearest"))
                .apply(image, new SplittableRandom(0));
        for (String mode : List.of("area", "nearest")) {
            Image back = Samples.<Image, Image>create(new ResizeProvider(),
                    Map.of("size", List.of(height, width), "interpolation", mode)).apply(big, new SplittableRandom(0));
            assertEquals(image, back, mode);
        }
    }

    @Property(tries = 100)
    void theShorterSideBecomesTheSizeAndTheAspectIsKeptToAPixel(@ForAll @IntRange(min = 1, max = 5000) int width,
            @ForAll @IntRange(min = 1, max = 5000) int height, @ForAll @IntRange(min = 1, max = 1000) int size) {
        Resize resize = (Resize) Samples.<Image, Image>create(new ResizeProvider(), Map.of("size", size));
        Size out = resize.outputSize(width, height);
        assertEquals(size, width <= height ? out.width() : out.height(), "the shorter side");
        double want = (double) Math.max(width, height) / Math.min(width, height) * size;
        int longSide = width <= height ? out.height() : out.width();
        assertTrue(longSide <= want + 1e-9 && longSide > want - 1, longSide + " for " + want);
    }

    @Property(tries = 40)
    void everyResizeKernelKeepsAFlatImageFlat(@ForAll @IntRange(min = 1, max = 40) int width,
            @ForAll @IntRange(min = 1, max = 40) int height, @ForAll @IntRange(min = 1, max = 60) int outWidth,
            @ForAll @IntRange(min = 1, max = 60) int outHeight, @ForAll @IntRange(min = 0, max = 255) int level,
            @ForAll @IntRange(min = 0, max = 7) int kernel) {
        byte[] flat = new byte[width * height * 3];
        java.util.Arrays.fill(flat, (byte) level);
        String mode = List.of("nearest", "bilinear", "bicubic", "area").get(kernel % 4);
        Image out = Samples.<Image, Image>create(new ResizeProvider(), Map.of("size", List.of(outHeight, outWidth),
                "interpolation", mode, "antialias", kernel >= 4)).apply(Image.wrap(width, height, 3, flat), new SplittableRandom(0));
        for (byte b : out.toArray()) {
            assertEquals(level, b & 0xFF, mode + " antialias=" + (kernel >= 4));
        }
    }
}
