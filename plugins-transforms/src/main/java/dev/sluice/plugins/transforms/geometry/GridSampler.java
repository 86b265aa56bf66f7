package dev.sluice.plugins.transforms.geometry;

import dev.sluice.api.DType;
import dev.sluice.api.Image;
import dev.sluice.plugins.transforms.FillLevels;
import dev.sluice.plugins.transforms.resize.Interpolation;

/**
 * The warp kernel of rotation, affine and perspective: PyTorch's {@code grid_sample}
 * ({@code padding_mode="zeros"}, {@code align_corners=False}) on a uint8 or uint16 image taken to
 * float32, followed by torchvision 0.14's {@code _apply_grid_transform} fill and the round-and-cast
 * back to the image's depth (uint16 values rounded and clamped to 65535).
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
 * 0.90 times the old time. Reading 16-bit images too (one loop per depth and interpolation, bilinear
 * taps outside the image weighted 0 rather than branched on per sample) against the 8-bit-only
 * kernel, on 8-bit images (640 x 480 RGB, rotation 23.5 degrees, thread CPU time, median of 31 rounds
 * of 30 alternating which runs first, load average 10 to 12): nearest 1.00 to 1.08 times, bilinear
 * 1.03 to 1.08 times the old time.
 */
final class GridSampler {
    private GridSampler() {
    }

    /**
     * The warped image, of the input's depth: uint8, or uint16 with bilinear values clamped to 65535.
     *
     * @param fill the fill levels (one, or one per channel), or null for torchvision's {@code fill=None}
     * @throws IllegalArgumentException when a per-channel fill does not match the image's channels
     */
    static Image sample(Image image, SourceGrid grid, int outWidth, int outHeight, Interpolation interpolation,
            int[] fill) {
        int channels = image.channels();
        float[] levels = new float[channels];
        if (fill != null) {
            for (int c = 0; c < channels; c++) {
                levels[c] = FillLevels.level(fill, c, channels);
            }
        }
        int samples = Math.multiplyExact(Math.multiplyExact(outWidth, outHeight), channels);
        Warp warp = new Warp(image.width(), image.height(), channels, grid, outWidth, outHeight,
                interpolation == Interpolation.NEAREST, fill == null ? null : levels);
        // One loop per depth, so the 8-bit one reads bytes without asking the depth per sample.
        if (image.dtype() == DType.UINT16) {
            short[] source = new short[image.width() * image.height() * channels];
            image.copyTo(source, 0);
            short[] out = new short[samples];
            warp.run16(source, levels, out);
            return Image.wrapUint16(outWidth, outHeight, channels, out);
        }
        byte[] out = new byte[samples];
        warp.run8(image.toArray(), levels, out);
        return Image.wrap(outWidth, outHeight, channels, out);
    }

    /**
     * One warp's walk over the output: for each output pixel, the source pixel that nearest sampling
     * copies, or bilinear's four taps (the offset of each tap's first sample, 0 when outside the
     * image, and its weight, 0 when outside, so an outside tap adds 0 as {@code grid_sample}'s zero
     * padding does) and the covered fraction.
     */
    private static final class Warp {
        private final int w;
        private final int h;
        private final int channels;
        private final SourceGrid grid;
        private final int outWidth;
        private final int outHeight;
        private final boolean nearest;
        private final float[] fill;
        private final float[] xs;
        private final float[] ys;
        // The taps of the current bilinear sample: offsets and weights (north-west, north-east, south-west,
        // south-east), in fields rather than arrays, which the samples' loop would bounds-check.
        private int nwAt;
        private int neAt;
        private int swAt;
        private int seAt;
        private float nw;
        private float ne;
        private float sw;
        private float se;
        private float mask;

        Warp(int w, int h, int channels, SourceGrid grid, int outWidth, int outHeight, boolean nearest, float[] fill) {
            this.w = w;
            this.h = h;
            this.channels = channels;
            this.grid = grid;
            this.outWidth = outWidth;
            this.outHeight = outHeight;
            this.nearest = nearest;
            this.fill = fill;
            this.xs = new float[outWidth];
            this.ys = new float[outWidth];
        }

        void run8(byte[] source, float[] levels, byte[] out) {
            // Locals, which the loop keeps in registers across the copies.
            int w = this.w;
            int h = this.h;
            int channels = this.channels;
            float[] xs = this.xs;
            float[] ys = this.ys;
            int at = 0;
            for (int i = 0; i < outHeight; i++) {
                grid.row(i, xs, ys);
                if (nearest) {
                    for (int j = 0; j < outWidth; j++, at += channels) {
                        int from = nearestPixel(xs[j], ys[j], w, h, channels);
                        if (from >= 0) {
                            System.arraycopy(source, from, out, at, channels);
                        } else {
                            for (int c = 0; c < channels; c++) {
                                out[at + c] = (byte) levels[c];
                            }
                        }
                    }
                } else {
                    for (int j = 0; j < outWidth; j++, at += channels) {
                        taps(xs[j], ys[j]);
                        int a = nwAt;
                        int b = neAt;
                        int d = swAt;
                        int e = seAt;
                        for (int c = 0; c < channels; c++) {
                            float value = (source[a + c] & 0xFF) * nw + (source[b + c] & 0xFF) * ne
                                    + (source[d + c] & 0xFF) * sw + (source[e + c] & 0xFF) * se;
                            out[at + c] = (byte) blend(value, mask, fill, c, 255);
                        }
                    }
                }
            }
        }

        void run16(short[] source, float[] levels, short[] out) {
            // Locals, which the loop keeps in registers across the copies.
            int w = this.w;
            int h = this.h;
            int channels = this.channels;
            float[] xs = this.xs;
            float[] ys = this.ys;
            int at = 0;
            for (int i = 0; i < outHeight; i++) {
                grid.row(i, xs, ys);
                if (nearest) {
                    for (int j = 0; j < outWidth; j++, at += channels) {
                        int from = nearestPixel(xs[j], ys[j], w, h, channels);
                        if (from >= 0) {
                            System.arraycopy(source, from, out, at, channels);
                        } else {
                            for (int c = 0; c < channels; c++) {
                                out[at + c] = (short) levels[c];
                            }
                        }
                    }
                } else {
                    for (int j = 0; j < outWidth; j++, at += channels) {
                        taps(xs[j], ys[j]);
                        int a = nwAt;
                        int b = neAt;
                        int d = swAt;
                        int e = seAt;
                        for (int c = 0; c < channels; c++) {
                            float value = (source[a + c] & 0xFFFF) * nw + (source[b + c] & 0xFFFF) * ne
                                    + (source[d + c] & 0xFFFF) * sw + (source[e + c] & 0xFFFF) * se;
                            out[at + c] = (short) blend(value, mask, fill, c, 65535);
                        }
                    }
                }
            }
        }

        /** The first sample of the pixel at {@code rint} of the source coordinate, or -1 outside. */
        private static int nearestPixel(float ix, float iy, int w, int h, int channels) {
            // A cast saturates, so a far-off or NaN coordinate lands outside too.
            int x = (int) Math.rint(ix);
            int y = (int) Math.rint(iy);
            return x >= 0 && x < w && y >= 0 && y < h ? (y * w + x) * channels : -1;
        }

        private void taps(float ix, float iy) {
            float x0 = (float) Math.floor(ix);
            float y0 = (float) Math.floor(iy);
            float east = ix - x0;
            float west = 1f - east;
            float south = iy - y0;
            float north = 1f - south;
            // Far outside (or NaN): no tap is inside, and the int casts below must not wrap.
            boolean near = x0 >= -1 && x0 < w && y0 >= -1 && y0 < h;
            int x = near ? (int) x0 : -2;
            int y = near ? (int) y0 : -2;
            boolean inNw = inside(x, y);
            boolean inNe = inside(x + 1, y);
            boolean inSw = inside(x, y + 1);
            boolean inSe = inside(x + 1, y + 1);
            nwAt = inNw ? (y * w + x) * channels : 0;
            neAt = inNe ? (y * w + x + 1) * channels : 0;
            swAt = inSw ? ((y + 1) * w + x) * channels : 0;
            seAt = inSe ? ((y + 1) * w + x + 1) * channels : 0;
            nw = inNw ? north * west : 0f;
            ne = inNe ? north * east : 0f;
            sw = inSw ? south * west : 0f;
            se = inSe ? south * east : 0f;
            mask = nw + ne + sw + se;
        }

        private boolean inside(int x, int y) {
            return x >= 0 && x < w && y >= 0 && y < h;
        }

        /** The blended value with the fill (none for {@code fill=None}), rounded and clamped to {@code max}. */
        private static int blend(float value, float mask, float[] fill, int c, int max) {
            float blended = fill == null ? value : value * mask + (1f - mask) * fill[c];
            int v = (int) Math.rint(blended);
            return v < 0 ? 0 : Math.min(v, max);
        }
    }
}
