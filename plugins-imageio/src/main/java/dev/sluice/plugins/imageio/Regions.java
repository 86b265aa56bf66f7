package dev.sluice.plugins.imageio;

import dev.sluice.api.Region;

/** Rectangles of an image: cut out, and traced back from the image as shown to the image as stored. */
final class Regions {
    private Regions() {
    }

    /** The rectangle {@code region} of {@code image}, copied; it must lie inside. */
    static PixelBuffer crop(PixelBuffer image, Region region) {
        int pixelBytes = image.pixelBytes();
        byte[] in = image.data;
        int rowBytes = region.width() * pixelBytes;
        byte[] out = new byte[rowBytes * region.height()];
        for (int row = 0; row < region.height(); row++) {
            System.arraycopy(in, ((region.y() + row) * image.width + region.x()) * pixelBytes, out, row * rowBytes, rowBytes);
        }
        return image.withPixels(region.width(), region.height(), out);
    }

    /**
     * The rectangle of the stored image ({@code storedWidth x storedHeight}) that EXIF orientation
     * {@code orientation} turns into {@code shown}, so that only it needs decoding.
     */
    static Region toStored(Region shown, int orientation, int storedWidth, int storedHeight) {
        int x = shown.x();
        int y = shown.y();
        int w = shown.width();
        int h = shown.height();
        return switch (orientation) {
            case 1 -> shown;
            case 2 -> new Region(storedWidth - x - w, y, w, h);
            case 3 -> new Region(storedWidth - x - w, storedHeight - y - h, w, h);
            case 4 -> new Region(x, storedHeight - y - h, w, h);
            case 5 -> new Region(y, x, h, w);
            case 6 -> new Region(y, storedHeight - x - w, h, w);
            case 7 -> new Region(storedWidth - y - h, storedHeight - x - w, h, w);
            case 8 -> new Region(storedWidth - y - h, x, h, w);
            default -> throw new IllegalArgumentException("EXIF orientation must be 1 to 8, was " + orientation);
        };
    }
}
