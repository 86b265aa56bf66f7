package dev.sluice.plugins.transforms.colour;

import dev.sluice.plugins.transforms.Raster;

/**
 * torchvision's {@code adjust_hue} on a uint8 RGB image: to float in [0, 1], to HSV, hue shifted
 * modulo 1, back to RGB, times 255 truncated; every step in float32 in torchvision's operation
 * order, so the result is bit for bit its result.
 */
final class Hsv {
    private Hsv() {
    }

    static Raster shiftHue(Raster rgb, float shift) {
        byte[] in = rgb.data;
        byte[] out = new byte[in.length];
        for (int at = 0; at < in.length; at += 3) {
            float r = (in[at] & 0xFF) / 255f;
            float g = (in[at + 1] & 0xFF) / 255f;
            float b = (in[at + 2] & 0xFF) / 255f;
            float maxc = Math.max(r, Math.max(g, b));
            float minc = Math.min(r, Math.min(g, b));
            boolean equal = maxc == minc;
            float cr = maxc - minc;
            float s = cr / (equal ? 1f : maxc);
            float divisor = equal ? 1f : cr;
            float rc = (maxc - r) / divisor;
            float gc = (maxc - g) / divisor;
            float bc = (maxc - b) / divisor;
            float hr = (maxc == r ? 1f : 0f) * (bc - gc);
            float hg = (maxc == g && maxc != r ? 1f : 0f) * (2f + rc - bc);
            float hb = (maxc != g && maxc != r ? 1f : 0f) * (4f + gc - rc);
            float h = hr + hg + hb;
            h = (h / 6f + 1f) % 1f;
            h = remainder(h + shift);
            float v = maxc;
            float i = (float) Math.floor(h * 6f);
            float f = h * 6f - i;
            int sector = Math.floorMod((int) i, 6);
            float p = clamp(v * (1f - s));
            float q = clamp(v * (1f - s * f));
            float t = clamp(v * (1f - s * (1f - f)));
            float ro;
            float go;
            float bo;
            switch (sector) {
                case 0 -> { ro = v; go = t; bo = p; }
                case 1 -> { ro = q; go = v; bo = p; }
                case 2 -> { ro = p; go = v; bo = t; }
                case 3 -> { ro = p; go = q; bo = v; }
                case 4 -> { ro = t; go = p; bo = v; }
                default -> { ro = v; go = p; bo = q; }
            }
            out[at] = (byte) (int) (ro * 255f);
            out[at + 1] = (byte) (int) (go * 255f);
            out[at + 2] = (byte) (int) (bo * 255f);
        }
        return new Raster(out, rgb.width, rgb.height, 3);
    }

    /** Python's and PyTorch's {@code x % 1.0}: in [0, 1) also for negative x. */
    private static float remainder(float x) {
        float mod = x % 1f;
        return mod != 0 && mod < 0 ? mod + 1f : mod;
    }

    private static float clamp(float x) {
        return x < 0f ? 0f : Math.min(x, 1f);
    }
}
