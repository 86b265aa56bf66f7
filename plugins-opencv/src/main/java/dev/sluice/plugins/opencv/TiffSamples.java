package dev.sluice.plugins.opencv;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The sample layout a TIFF's first directory declares: samples per pixel and bits per sample. The
 * decoder needs it because OpenCV 4.9's TIFF reader gets two layouts wrong without saying so
 * (measured, as cv2 4.6 does too): a grey + alpha TIFF read with {@code IMREAD_UNCHANGED} comes
 * back as one 8-bit channel, and a 16-bit RGBA TIFF read with {@code IMREAD_COLOR} or
 * {@code IMREAD_GRAYSCALE} comes back with wrong levels (its {@code IMREAD_UNCHANGED} read is right).
 *
 * @param samplesPerPixel SamplesPerPixel (tag 277), 1 when absent, as TIFF 6.0 defaults it
 * @param bitsPerSample the first BitsPerSample value (tag 258), 1 when absent, as TIFF 6.0 defaults it
 */
record TiffSamples(int samplesPerPixel, int bitsPerSample) {
    private static final int BITS_PER_SAMPLE = 258;
    private static final int SAMPLES_PER_PIXEL = 277;
    private static final int SHORT = 3;

    /**
     * The layout of the TIFF in {@code encoded} (position to limit). A directory or value that lies
     * outside the data, or is not of type SHORT, leaves the default: the header reader has already
     * refused a directory outside the data, and OpenCV reports what else is broken.
     */
    static TiffSamples of(ByteBuffer encoded) {
        ByteBuffer data = encoded.slice().order(encoded.get(encoded.position()) == 'M' ? ByteOrder.BIG_ENDIAN
                : ByteOrder.LITTLE_ENDIAN);
        int samples = 1;
        int bits = 1;
        long directory = data.limit() >= 8 ? Integer.toUnsignedLong(data.getInt(4)) : Long.MAX_VALUE;
        if (directory > data.limit() - 2L) {
            return new TiffSamples(samples, bits);
        }
        int entries = Short.toUnsignedInt(data.getShort((int) directory));
        for (int i = 0; i < entries; i++) {
            long entry = directory + 2 + 12L * i;
            if (entry > data.limit() - 12L) {
                break;
            }
            int at = (int) entry;
            int tag = Short.toUnsignedInt(data.getShort(at));
            if (Short.toUnsignedInt(data.getShort(at + 2)) != SHORT || (tag != BITS_PER_SAMPLE && tag != SAMPLES_PER_PIXEL)) {
                continue;
            }
            long count = Integer.toUnsignedLong(data.getInt(at + 4));
            // Up to two SHORTs sit in the entry itself; more are stored at the offset it holds.
            long valueAt = count <= 2 ? at + 8 : Integer.toUnsignedLong(data.getInt(at + 8));
            if (count == 0 || valueAt > data.limit() - 2L) {
                continue;
            }
            int value = Short.toUnsignedInt(data.getShort((int) valueAt));
            if (tag == BITS_PER_SAMPLE) {
                bits = value;
            } else {
                samples = value;
            }
        }
        return new TiffSamples(samples, bits);
    }
}
