package dev.sluice.plugins.imageio;

/** An image turned and mirrored as its EXIF orientation (1 to 8) says a viewer shows it. */
final class Orientations {
    private Orientations() {
    }

    /**
     * 2 mirrors left-right, 3 turns 180 degrees, 4 mirrors top-bottom, 5 transposes, 6 turns 90
     * degrees clockwise, 7 transverses, 8 turns 90 degrees anticlockwise; 1 returns the image.
     */
    static PixelBuffer apply(PixelBuffer image, int orientation) {
        if (orientation == 1) {
            return image;
        }
        int w = image.width;
        int h = image.height;
        int pixelBytes = image.pixelBytes();
        boolean swaps = orientation >= 5;
        int outWidth = swaps ? h : w;
        int outHeight = swaps ? w : h;
        byte[] in = image.data;
        byte[] out = new byte[image.byteSize()];
        // For each output row, the source walks a straight line: start at (sx, sy) and step by (dx, dy).
        for (int y = 0; y < outHeight; y++) {
            int sx;
            int sy;
            int dx;
            int dy;
            switch (orientation) {
                case 2 -> { sx = w - 1; sy = y; dx = -1; dy = 0; }
                case 3 -> { sx = w - 1; sy = h - 1 - y; dx = -1; dy = 0; }
                case 4 -> { sx = 0; sy = h - 1 - y; dx = 1; dy = 0; }
                case 5 -> { sx = y; sy = 0; dx = 0; dy = 1; }
                case 6 -> { sx = y; sy = h - 1; dx = 0; dy = -1; }
                case 7 -> { sx = w - 1 - y; sy = h - 1; dx = 0; dy = -1; }
                case 8 -> { sx = w - 1 - y; sy = 0; dx = 0; dy = 1; }
                default -> throw new IllegalArgumentException("EXIF orientation must be 1 to 8, was " + orientation);
            }
            int from = (sy * w + sx) * pixelBytes;
            int step = (dy * w + dx) * pixelBytes;
            int to = y * outWidth * pixelBytes;
            for (int x = 0; x < outWidth; x++, from += step, to += pixelBytes) {
                for (int c = 0; c < pixelBytes; c++) {
                    out[to + c] = in[from + c];
                }
            }
        }
        return image.withPixels(outWidth, outHeight, out);
    }
}
