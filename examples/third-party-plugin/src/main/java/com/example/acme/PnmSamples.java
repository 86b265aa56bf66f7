package com.example.acme;

import dev.sluice.api.DecodeException;
import dev.sluice.api.Region;
import java.nio.ByteBuffer;

/** Reads the samples of a region of a PGM/PPM raster, scaled to 8 bits, interleaved HWC. */
final class PnmSamples {
    private PnmSamples() {
    }

    /**
     * @param data the whole file, from its position
     * @param region a rectangle inside the image
     * @throws DecodeException when the raster is cut short or a sample exceeds maxval
     */
    static byte[] read(ByteBuffer data, PnmHeader header, Region region) throws DecodeException {
        long size = (long) region.width() * region.height() * header.channels();
        if (size > Integer.MAX_VALUE - 8) {
            throw new DecodeException("<bytes>", "a " + region.width() + "x" + region.height() + "x"
                    + header.channels() + " image does not fit in one Java array");
        }
        byte[] out = new byte[(int) size];
        if (header.plain()) {
            readPlain(data, header, region, out);
        } else {
            readBinary(data, header, region, out);
        }
        return out;
    }

    private static void readBinary(ByteBuffer data, PnmHeader header, Region region, byte[] out)
            throws DecodeException {
        int channels = header.channels();
        int sampleBytes = header.sampleBytes();
        long rowBytes = (long) header.width() * channels * sampleBytes;
        long needed = header.rasterStart() + rowBytes * header.height();
        if (data.remaining() < needed) {
            throw new DecodeException("<bytes>", "truncated: " + header.describe() + " needs "
                    + (needed - header.rasterStart()) + " bytes of samples, the data has "
                    + Math.max(0, data.remaining() - header.rasterStart()));
        }
        int maxval = header.maxval();
        int base = data.position() + header.rasterStart();
        int rowSamples = region.width() * channels;
        int o = 0;
        for (int y = region.y(); y < region.y() + region.height(); y++) {
            int at = (int) (base + y * rowBytes + (long) region.x() * channels * sampleBytes);
            for (int i = 0; i < rowSamples; i++) {
                int value;
                if (sampleBytes == 1) {
                    value = data.get(at++) & 0xFF;
                } else {
                    value = (data.get(at) & 0xFF) << 8 | (data.get(at + 1) & 0xFF);
                    at += 2;
                }
                if (value > maxval) {
                    throw new DecodeException("<bytes>", "sample " + value + " in row " + y + " exceeds maxval " + maxval);
                }
                out[o++] = scale(value, maxval);
            }
        }
    }

    private static void readPlain(ByteBuffer data, PnmHeader header, Region region, byte[] out)
            throws DecodeException {
        Tokens tokens = new Tokens(data, header.rasterStart());
        int channels = header.channels();
        int maxval = header.maxval();
        int lastRow = region.y() + region.height();
        int firstColumn = region.x() * channels;
        int endColumn = (region.x() + region.width()) * channels;
        int rowSamples = header.width() * channels;
        int o = 0;
        // Plain samples have no fixed size, so every sample up to the region's last row is parsed.
        for (int y = 0; y < lastRow; y++) {
            for (int i = 0; i < rowSamples; i++) {
                int value = (int) tokens.next("sample of row " + y, maxval);
                if (y >= region.y() && i >= firstColumn && i < endColumn) {
                    out[o++] = scale(value, maxval);
                }
            }
        }
    }

    /** {@code value} in {@code [0, maxval]} scaled to {@code [0, 255]}, rounded to nearest. */
    private static byte scale(int value, int maxval) {
        return (byte) (maxval == 255 ? value : (value * 255 + maxval / 2) / maxval);
    }
}
