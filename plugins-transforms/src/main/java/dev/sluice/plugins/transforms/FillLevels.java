package dev.sluice.plugins.transforms;

import java.util.Arrays;

/**
 * The fill colour of padded, uncovered or background pixels ({@code fill} of {@code pad},
 * {@code random_crop}, {@code random_rotation}, {@code side_by_side}): one 8-bit level for every
 * channel, or one per channel.
 */
public final class FillLevels {
    private FillLevels() {
    }

    /**
     * A copy of {@code levels}, checked.
     *
     * @throws IllegalArgumentException when there are no levels or more than 4, or one is outside [0, 255]
     */
    public static int[] checked(int... levels) {
        if (levels.length < 1 || levels.length > 4) {
            throw new IllegalArgumentException("fill must hold 1 to 4 levels, was " + Arrays.toString(levels));
        }
        for (int level : levels) {
            if (level < 0 || level > 255) {
                throw new IllegalArgumentException("fill must hold levels in [0, 255], was " + Arrays.toString(levels));
            }
        }
        return levels.clone();
    }

    /**
     * The level of {@code channel}, with one given level standing for every channel.
     *
     * @throws IllegalArgumentException when there are several levels but not one per channel
     */
    public static int level(int[] fill, int channel, int channels) {
        if (fill.length == 1) {
            return fill[0];
        }
        if (fill.length != channels) {
            throw new IllegalArgumentException("the fill " + Arrays.toString(fill) + " has " + fill.length
                    + " levels, the image has " + channels + " channels");
        }
        return fill[channel];
    }
}
