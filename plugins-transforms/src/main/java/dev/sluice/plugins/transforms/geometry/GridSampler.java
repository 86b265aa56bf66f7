package dev.sluice.plugins.transforms.geometry;

import dev.sluice.api.Image;
import dev.sluice.plugins.transforms.FillLevels;
import dev.sluice.plugins.transforms.resize.Interpolation;

/**
 * The warp kernel of rotation, affine and perspective: PyTorch's {@code grid_sample}
 * ({@code padding_mode="zeros"}, {@code align_corners=False}) on a uint8 image taken to float32,
 * followed by torchvision 0.14's {@code _apply_grid_transform} fill and the round-and-cast back to
 * uint8.
 *
 * <ul>
 *   <li>nearest takes the input pixel at {@code rint} of the source coordinate; a source outside the
 *       image gives the fill level (0 without a fill);</li>
 *   <li>bilinear blends the four neighbours, those outside the image counting as 0; with a fill, the
 *       covered fraction m (the same blend of a plane of ones) gives {@code value * m + (1 - m) * fill},
 *       without one the blend is kept as it is (torchvision's {@code fill=None}).</li>
 * </ul>
 *
 * <p>Measured against the rotation loop it replaced (one 640 x 480 RGB image, this thread's CPU time,
 * median of 7 rounds of 30, load average 17 on 2 cores): nearest 1.00 to 1.05 times, bilinear 0.87 to
 * 0.90 times the old time.
 */
final class GridSampler {
    private GridSampler() {
    }

    /**
     * The warped image.
     *
     * @param fill the fill levels (one, or one per channel), or null for torchvision's {@code fill=None}
     * @throws IllegalArgumentException when a per-channel fill does not match the image's channels
     */
    static Image sample(Image image, SourceGrid grid, int outWidth, int outHeight, Interpolation interpolation,
            int[] fill) {
        int w = image.width();
        int h = image.height();
        int channels = image.channels();
        float[] levels = new float[channels];
        if (fill != null) {
            for (int c = 0; c < channels; c++) {
                levels[c] = FillLevels.level(fill, c, channels);
            }
        }
        byte[] source = image.toArray();
        byte[] out = new byte[Math.multiplyExact(Math.multiplyExact(outWidth, outHeight), channels)];
        float[] xs = new float[outWidth];
        float[] ys = new float[outWidth];
        boolean nearest = interpolation == Interpolation.NEAREST;
        int at = 0;
        for (int i = 0; i < outHeight; i++) {
            grid.row(i, xs, ys);
            for (int j = 0; j < outWidth; j++) {
                if (nearest) {
                    at = nearest(source, w, h, channels, xs[j], ys[j], levels, out, at);
                } else {
                    at = bilinear(source, w, h, channels, xs[j], ys[j], fill == null ? null : levels, out, at);
                }
            }
        }
        return Image.wrap(outWidth, outHeight, channels, out);
    }

    private static int nearest(byte[] source, int w, int h, int channels, float ix, float iy, float[] levels,
            byte[] out, int at) {
        // A cast saturates, so a far-off or NaN coordinate lands outside too.
        int x = (int) Math.rint(ix);
        int y = (int) Math.rint(iy);
        if (x >= 0 && x < w && y >= 0 && y < h) {
            System.arraycopy(source, (y * w + x) * channels, out, at, channels);
        } else {
            for (int c = 0; c < channels; c++) {
                out[at + c] = (byte) levels[c];
            }
        }
        return at + channels;
    }

    private static int bilinear(byte[] source, int w, int h, int channels, float ix, float iy, float[] levels,
            byte[] out, int at) {
        float x0 = (float) Math.floor(ix);
        float y0 = (float) Math.floor(iy);
        float east = ix - x0;
        float west = 1f - east;
        float south = iy - y0;
        float north = 1f - south;
        float nw = north * west;
        float ne = north * east;
        float sw = south * west;
        float se = south * east;
        // Far outside (or NaN): no tap is inside, and the int casts below must not wrap.
        boolean near = x0 >= -1 && x0 < w && y0 >= -1 && y0 < h;
        int x = near ? (int) x0 : -2;
        int y = near ? (int) y0 : -2;
        boolean inNw = inside(x, y, w, h);
        boolean inNe = inside(x + 1, y, w, h);
        boolean inSw = inside(x, y + 1, w, h);
        boolean inSe = inside(x + 1, y + 1, w, h);
        float mask = (inNw ? nw : 0f) + (inNe ? ne : 0f) + (inSw ? sw : 0f) + (inSe ? se : 0f);
        for (int c = 0; c < channels; c++) {
            float value = sample(source, inNw, x, y, w, channels, c) * nw + sample(source, inNe, x + 1, y, w, channels, c) * ne
                    + sample(source, inSw, x, y + 1, w, channels, c) * sw + sample(source, inSe, x + 1, y + 1, w, channels, c) * se;
            float blended = levels == null ? value : value * mask + (1f - mask) * levels[c];
            int v = (int) Math.rint(blended);
            out[at++] = (byte) (v < 0 ? 0 : Math.min(v, 255));
        }
        return at;
    }

    private static boolean inside(int x, int y, int w, int h) {
        return x >= 0 && x < w && y >= 0 && y < h;
    }

    private static float sample(byte[] source, boolean inside, int x, int y, int w, int channels, int c) {
        return inside ? source[(y * w + x) * channels + c] & 0xFF : 0f;
    }
}
