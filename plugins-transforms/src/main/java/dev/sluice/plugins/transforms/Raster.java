package dev.sluice.plugins.transforms;

import dev.sluice.api.Image;

/**
 * An image's samples as a plain array, for the pixel loops of this pack's packages: HWC, row-major,
 * unsigned bytes. Public only so that the packages of this plugin share it; not for users.
 */
public final class Raster {
    /** 16 MiB: a 2,000 x 2,000 RGB image (a 4,000 x 3,000 one decoded at half size fits too). */
    private static final int KEPT_BYTES = 16 << 20;
    private static final ThreadLocal<byte[]> SCRATCH = ThreadLocal.withInitial(() -> new byte[0]);

    /** The samples, {@code height * width * channels} of them; shared, not copied. */
    public final byte[] data;
    /** Columns. */
    public final int width;
    /** Rows. */
    public final int height;
    /** Samples per pixel, 1 to 4. */
    public final int channels;

    /** A raster over {@code data}, which it shares. */
    public Raster(byte[] data, int width, int height, int channels) {
        this.data = data;
        this.width = width;
        this.height = height;
        this.channels = channels;
    }

    /** A copy of the image's samples: {@link Image} only lends a read-only buffer. */
    public static Raster of(Image image) {
        return new Raster(image.toArray(), image.width(), image.height(), image.channels());
    }

    /**
     * The image's samples copied into this thread's reusable array, for a caller that reads the raster
     * only until it returns and never wraps, keeps or hands it on: the fused pipeline's write, which
     * borrows when it writes (never when it prepares), and otherwise allocated a fresh copy of every
     * decoded image. The next call on the same thread overwrites it. Images above
     * {@link #KEPT_BYTES} get an array of their own, so that one huge image does not stay pinned to the thread.
     */
    public static Raster borrow(Image image) {
        int size = image.byteSize();
        if (size > KEPT_BYTES) {
            return of(image);
        }
        byte[] data = SCRATCH.get();
        if (data.length < size) {
            data = new byte[size];
            SCRATCH.set(data);
        }
        image.copyTo(data, 0);
        return new Raster(data, image.width(), image.height(), image.channels());
    }

    /** Wraps this raster's array as an image; the raster must not be written afterwards. */
    public Image toImage() {
        return Image.wrap(width, height, channels, data);
    }

    /** Bytes per row: {@code width * channels}. */
    public int rowBytes() {
        return width * channels;
    }
}
