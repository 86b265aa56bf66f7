package dev.sluice.plugins.opencv;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * OpenCV reads 8-bit colour TIFF through libtiff's RGBA interface, which turns the image as the
 * TIFF's Orientation tag says, whatever the imdecode flags: the decoder would then turn it a second
 * time, or not be able to leave it unturned. A copy of the data with that tag set to 1 lets OpenCV
 * return the stored orientation in every case, and the decoder applies the orientation itself.
 */
final class TiffOrientations {
    private static final int ORIENTATION = 274;

    private TiffOrientations() {
    }

    /**
     * A heap copy of the TIFF in {@code encoded} (position to limit) whose first directory's
     * Orientation entry says 1 (top-left), or {@code encoded} itself when it has none. The header
     * reader has already checked that the directory lies inside the data.
     */
    static ByteBuffer storedOrientation(ByteBuffer encoded) {
        ByteBuffer data = encoded.slice();
        ByteOrder order = data.get(0) == 'M' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        data.order(order);
        long directory = Integer.toUnsignedLong(data.getInt(4));
        if (directory + 2 > data.limit()) {
            return encoded;
        }
        int entries = Short.toUnsignedInt(data.getShort((int) directory));
        for (int i = 0; i < entries; i++) {
            int entry = (int) directory + 2 + 12 * i;
            if (entry + 12 > data.limit()) {
                return encoded;
            }
            if (Short.toUnsignedInt(data.getShort(entry)) == ORIENTATION) {
                ByteBuffer copy = ByteBuffer.allocate(data.remaining()).order(order);
                copy.put(data.duplicate()).flip();
                copy.putShort(entry + 8, (short) 1);
                return copy;
            }
        }
        return encoded;
    }
}
