package dev.sluice.plugins.turbojpeg;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;

/**
 * Pixels a native decoder wrote into native memory, readable until {@link #close()}, which hands
 * the memory back (destroys a PIX, or returns a scratch buffer to its session).
 */
final class Raster implements AutoCloseable {
    private final ByteBuffer bytes;
    private final IntBuffer words;
    private final int width;
    private final int height;
    private final int rowStride;
    private final RasterLayout layout;
    private final Runnable release;

    /**
     * @param bytes the pixel memory from the first row on, at least {@code height * rowStride} bytes
     * @param rowStride bytes from one row to the next
     */
    Raster(ByteBuffer bytes, int width, int height, int rowStride, RasterLayout layout, Runnable release) {
        if ((long) height * rowStride > bytes.capacity() || (long) width * layout.bytesPerPixel() > rowStride) {
            throw new IllegalStateException("a " + width + "x" + height + " " + layout + " raster with rows of "
                    + rowStride + " bytes does not fit the " + bytes.capacity() + " bytes the decoder gave");
        }
        this.bytes = bytes;
        this.words = bytes.duplicate().order(ByteOrder.nativeOrder()).asIntBuffer();
        this.width = width;
        this.height = height;
        this.rowStride = rowStride;
        this.layout = layout;
        this.release = release;
    }

    ByteBuffer bytes() {
        return bytes;
    }

    /** The same memory as native-order 32-bit words, for PIX layouts. */
    IntBuffer words() {
        return words;
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    int rowStride() {
        return rowStride;
    }

    RasterLayout layout() {
        return layout;
    }

    @Override
    public void close() {
        release.run();
    }
}
