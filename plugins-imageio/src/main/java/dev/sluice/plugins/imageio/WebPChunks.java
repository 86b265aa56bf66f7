package dev.sluice.plugins.imageio;

/**
 * Which bitstream holds a WebP's first image: the RIFF chunks are walked from the top (a simple
 * file's {@code VP8 } or {@code VP8L}, an extended file's chunks after {@code VP8X}) and into the
 * first {@code ANMF} frame of an animation.
 */
final class WebPChunks {
    private static final int RIFF_HEADER = 12;
    private static final int CHUNK_HEADER = 8;
    /** An ANMF chunk's frame position, size, duration and flags, before its own chunks. */
    private static final int FRAME_HEADER = 16;

    private WebPChunks() {
    }

    /** Whether the first image of the WebP in {@code data[offset, offset + length)} is lossy VP8. */
    static boolean firstImageLossy(byte[] data, int offset, int length) {
        return firstImageLossy(data, offset + RIFF_HEADER, (long) offset + length);
    }

    private static boolean firstImageLossy(byte[] data, long at, long end) {
        while (at + CHUNK_HEADER <= end) {
            int i = (int) at;
            long size = (data[i + 4] & 0xFFL) | (data[i + 5] & 0xFFL) << 8 | (data[i + 6] & 0xFFL) << 16
                    | (data[i + 7] & 0xFFL) << 24;
            if (fourCc(data, i, "VP8 ")) {
                return true;
            }
            if (fourCc(data, i, "VP8L")) {
                return false;
            }
            if (fourCc(data, i, "ANMF")) {
                return firstImageLossy(data, at + CHUNK_HEADER + FRAME_HEADER, Math.min(end, at + CHUNK_HEADER + size));
            }
            at += CHUNK_HEADER + size + (size & 1);
        }
        return false;
    }

    private static boolean fourCc(byte[] data, int at, String code) {
        for (int i = 0; i < 4; i++) {
            if (data[at + i] != (byte) code.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
