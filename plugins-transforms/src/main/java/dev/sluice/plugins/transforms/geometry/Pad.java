package dev.sluice.plugins.transforms.geometry;

import dev.sluice.api.Image;
import dev.sluice.api.target.Targeted;
import dev.sluice.plugins.transforms.ImageTransform;
import dev.sluice.plugins.transforms.Raster;
import dev.sluice.plugins.transforms.FillLevels;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * {@code pad}: torchvision's {@code Pad}, margins added around an image.
 *
 * <p>Parameters (torchvision name = YAML key, Java, default):
 * <ul>
 *   <li>{@code padding} ({@link #of(int)}, {@link #of(int, int)}, {@link #of(Padding)}; required): a
 *       number for every side, {@code [left/right, top/bottom]} or {@code [left, top, right, bottom]},
 *       each {@code >= 0};</li>
 *   <li>{@code padding_mode} ({@link #paddingMode(Mode)}; {@code constant}): {@code constant} (the
 *       {@code fill} levels), {@code edge} (the edge pixel repeated), {@code reflect} (mirrored
 *       without repeating the edge pixel: 2 1 | 0 1 2; each margin must be smaller than the side it
 *       mirrors) or {@code symmetric} (mirrored with it: 1 0 | 0 1 2; at most the side);</li>
 *   <li>{@code fill} ({@link #fill(int...)}; 0): 0 to 255, one level for every channel or one per
 *       channel.</li>
 * </ul>
 *
 * <pre>{@code
 * - pad: {padding: [4, 2], padding_mode: reflect}          # YAML
 * Pad.of(4, 2).paddingMode(Pad.Mode.REFLECT)               // Java
 * }</pre>
 *
 * <p>Immutable, safe for concurrent use, never draws from its random source; images of 1 to 4
 * channels. It throws {@link IllegalArgumentException} for an image too small to mirror, or when a
 * per-channel fill does not match the image's channels.
 */
public final class Pad implements ImageTransform {
    /** torchvision's {@code padding_mode}: how the margins are filled. */
    public enum Mode {
        /** The {@code fill} levels. */
        CONSTANT,
        /** The edge pixel repeated. */
        EDGE,
        /** Mirrored without repeating the edge pixel. */
        REFLECT,
        /** Mirrored with the edge pixel. */
        SYMMETRIC;

        /** The lower-case word used in configuration. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Padding padding;
    private final Mode mode;
    private final int[] fill;

    private Pad(Padding padding, Mode mode, int[] fill) {
        this.padding = Objects.requireNonNull(padding, "padding");
        this.mode = Objects.requireNonNull(mode, "mode");
        this.fill = FillLevels.checked(fill);
    }

    /**
     * {@code padding} pixels on every side, in {@code constant} mode with fill 0.
     *
     * @throws IllegalArgumentException when {@code padding < 0}
     */
    public static Pad of(int padding) {
        return of(Padding.of(padding));
    }

    /** {@code leftRight} on the left and right, {@code topBottom} above and below. */
    public static Pad of(int leftRight, int topBottom) {
        return of(Padding.of(leftRight, topBottom));
    }

    /** The margins {@code padding}, in {@code constant} mode with fill 0. */
    public static Pad of(Padding padding) {
        return new Pad(padding, Mode.CONSTANT, new int[] {0});
    }

    /** This padding with margins filled by {@code mode}. */
    public Pad paddingMode(Mode mode) {
        return new Pad(padding, mode, fill);
    }

    /**
     * This padding with {@code constant} margins of {@code levels}: one for every channel or one per channel.
     *
     * @throws IllegalArgumentException when there are no levels, more than 4, or one is outside [0, 255]
     */
    public Pad fill(int... levels) {
        return new Pad(padding, mode, levels);
    }

    /** The margins. */
    public Padding padding() {
        return padding;
    }

    @Override
    public Image apply(Image image, RandomGenerator random) {
        return pad(Raster.of(image), padding, mode, fill).toImage();
    }

    /**
     * The image padded, and its targets as torchvision v2's {@code pad} moves them: boxes and key
     * points shifted by the left and top margins (boxes clamped to the grown canvas), the mask padded
     * as the image, with the fill's one level in constant mode.
     *
     * @throws dev.sluice.api.target.UnsupportedTargetsException for boxes or key points with a mode
     *         other than constant, or a mask with a per-channel fill, as torchvision refuses them
     */
    @Override
    public Targeted<Image> applyWithTargets(Targeted<? extends Image> input, RandomGenerator random) {
        return Targeted.of(apply(input.value(), random), TargetMoves.pad(input.targets(), padding, mode, fill));
    }

    @Override
    public boolean carriesTargets() {
        return true;
    }

    /**
     * {@code source} with the given margins added.
     *
     * @throws IllegalArgumentException when a reflect or symmetric margin is not smaller (reflect)
     *         or not at most (symmetric) the image side it mirrors, or the fill does not fit the channels
     */
    static Raster pad(Raster source, Padding margins, Mode mode, int[] fill) {
        if (margins.isZero()) {
            return source;
        }
        int left = margins.left();
        int top = margins.top();
        int right = margins.right();
        int bottom = margins.bottom();
        int channels = source.channels;
        int width = source.width + left + right;
        int height = source.height + top + bottom;
        int[] columns = sourcePositions(source.width, left, right, mode, "width");
        int[] rows = sourcePositions(source.height, top, bottom, mode, "height");
        byte[] background = new byte[channels];
        for (int c = 0; c < channels; c++) {
            background[c] = (byte) FillLevels.level(fill, c, channels);
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
    static int[] sourcePositions(int size, int before, int after, Mode mode, String side) {
        int limit = switch (mode) {
            case REFLECT -> size - 1;
            case SYMMETRIC -> size;
            default -> Integer.MAX_VALUE;
        };
        if (before > limit || after > limit) {
            throw new IllegalArgumentException(mode.id() + " padding of "
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
        return "pad(padding=" + padding + ", padding_mode=" + mode.id() + ", fill=" + Arrays.toString(fill) + ")";
    }
}
