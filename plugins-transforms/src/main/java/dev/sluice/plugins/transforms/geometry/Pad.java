package dev.sluice.plugins.transforms.geometry;

import dev.sluice.api.Image;
import dev.sluice.plugins.transforms.ImageTransform;
import dev.sluice.plugins.transforms.SharedOptions;
import dev.sluice.plugins.transforms.Raster;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * {@code pad}: torchvision's {@code pad} on an image, and the padding {@code random_crop} and
 * {@code center_crop} apply: {@code constant} (the fill levels), {@code edge} (the edge pixel
 * repeated), {@code reflect} (mirrored without repeating the edge: 2 1 | 0 1 2) and
 * {@code symmetric} (mirrored with it: 1 0 | 0 1 2).
 */
final class Pad implements ImageTransform {
    enum Mode { CONSTANT, EDGE, REFLECT, SYMMETRIC }

    private final int[] ltrb;
    private final Mode mode;
    private final int[] fill;

    /** @param ltrb left, top, right, bottom, each {@code >= 0}; @param fill one level, or one per channel */
    Pad(int[] ltrb, Mode mode, int[] fill) {
        this.ltrb = ltrb.clone();
        this.mode = mode;
        this.fill = fill.clone();
    }

    @Override
    public Image apply(Image image, RandomGenerator random) {
        return pad(Raster.of(image), ltrb[0], ltrb[1], ltrb[2], ltrb[3], mode, fill).toImage();
    }

    /**
     * {@code source} with the given margins added.
     *
     * @throws IllegalArgumentException when a reflect or symmetric margin is not smaller (reflect)
     *         or not at most (symmetric) the image side it mirrors, or the fill does not fit the channels
     */
    static Raster pad(Raster source, int left, int top, int right, int bottom, Mode mode, int[] fill) {
        if (left == 0 && top == 0 && right == 0 && bottom == 0) {
            return source;
        }
        int channels = source.channels;
        int width = source.width + left + right;
        int height = source.height + top + bottom;
        int[] columns = sourcePositions(source.width, left, right, mode, "width");
        int[] rows = sourcePositions(source.height, top, bottom, mode, "height");
        byte[] background = new byte[channels];
        for (int c = 0; c < channels; c++) {
            background[c] = (byte) SharedOptions.fillLevel(fill, c, channels);
        }
        byte[] out = new byte[width * height * channels];
        int at = 0;
        for (int y = 0; y < height; y++) {
            int row = rows[y];
            for (int x = 0; x < width; x++) {
                int column = columns[x];
                if (row < 0 || column < 0) {
                    System.arraycopy(background, 0, out, at, channels);
                } else {
                    System.arraycopy(source.data, (row * source.width + column) * channels, out, at, channels);
                }
                at += channels;
            }
        }
        return new Raster(out, width, height, channels);
    }

    /** For each output position along an axis, the source position it copies, or -1 for the fill. */
    private static int[] sourcePositions(int size, int before, int after, Mode mode, String side) {
        int limit = switch (mode) {
            case REFLECT -> size - 1;
            case SYMMETRIC -> size;
            default -> Integer.MAX_VALUE;
        };
        if (before > limit || after > limit) {
            throw new IllegalArgumentException(mode.name().toLowerCase(java.util.Locale.ROOT) + " padding of "
                    + Math.max(before, after) + " needs an image " + side + " of at least "
                    + (mode == Mode.REFLECT ? Math.max(before, after) + 1 : Math.max(before, after))
                    + ", the image's " + side + " is " + size);
        }
        int[] positions = new int[before + size + after];
        for (int i = 0; i < positions.length; i++) {
            int p = i - before;
            if (p >= 0 && p < size) {
                positions[i] = p;
                continue;
            }
            positions[i] = switch (mode) {
                case CONSTANT -> -1;
                case EDGE -> p < 0 ? 0 : size - 1;
                case REFLECT -> p < 0 ? -p : 2 * (size - 1) - p;
                case SYMMETRIC -> p < 0 ? -p - 1 : 2 * size - 1 - p;
            };
        }
        return positions;
    }

    @Override
    public String toString() {
        return "pad(padding=" + Arrays.toString(ltrb) + ", padding_mode=" + mode.name().toLowerCase(java.util.Locale.ROOT)
                + ", fill=" + Arrays.toString(fill) + ")";
    }
}
