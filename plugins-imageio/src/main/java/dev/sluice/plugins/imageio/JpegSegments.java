package dev.sluice.plugins.imageio;

import java.io.ByteArrayOutputStream;

/**
 * What the imageio backend must know of a JPEG's segments before decoding it: how many components
 * the frame has, the Adobe colour transform (which tells CMYK from YCCK, as libjpeg decides), and
 * the data without its ICC profile segments.
 *
 * <p>The profiles go because the JDK's decoder, and TwelveMonkeys' on top of it, convert colours
 * through an embedded ICC profile, while libjpeg, OpenCV, PIL and torchvision return the samples as
 * stored; a wide-gamut profile moves colours by ten levels or more.
 *
 * @param components the frame header's component count, 0 if no frame header was found
 * @param adobeTransform the APP14 Adobe transform flag (0, 1 or 2), or -1 without that segment
 * @param withoutProfiles the bytes with every APP2 {@code ICC_PROFILE} segment left out, or null
 *        when there was none
 */
record JpegSegments(int components, int adobeTransform, byte[] withoutProfiles) {
    private static final int SOS = 0xDA;
    private static final int APP2 = 0xE2;
    private static final int APP14 = 0xEE;
    private static final byte[] ICC = "ICC_PROFILE\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] ADOBE = "Adobe".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /** Whether the frame is four-component YCCK rather than CMYK, by libjpeg's rule. */
    boolean ycck() {
        return components == 4 && adobeTransform == 2;
    }

    /**
     * Walks the segments of {@code data[offset, offset + length)} up to the first scan. The header
     * reader has already checked the structure; anything unexpected here just ends the walk.
     */
    static JpegSegments of(byte[] data, int offset, int length) {
        int end = offset + length;
        int at = offset + 2;
        int components = 0;
        int transform = -1;
        ByteArrayOutputStream kept = null;
        int keptUpTo = offset;
        while (at + 4 <= end && (data[at] & 0xFF) == 0xFF) {
            int marker = data[at + 1] & 0xFF;
            if (marker == 0xFF) {
                at++;
                continue;
            }
            if (marker == SOS || marker == 0xD9) {
                break;
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8)) {
                at += 2;
                continue;
            }
            int segmentEnd = at + 2 + (((data[at + 2] & 0xFF) << 8) | (data[at + 3] & 0xFF));
            if (segmentEnd > end) {
                break;
            }
            int body = at + 4;
            if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC
                    && components == 0 && body + 6 <= segmentEnd) {
                components = data[body + 5] & 0xFF;
            } else if (marker == APP14 && startsWith(data, body, segmentEnd, ADOBE) && body + 12 <= segmentEnd) {
                transform = data[body + 11] & 0xFF;
            } else if (marker == APP2 && startsWith(data, body, segmentEnd, ICC)) {
                if (kept == null) {
                    kept = new ByteArrayOutputStream(length);
                }
                kept.write(data, keptUpTo, at - keptUpTo);
                keptUpTo = segmentEnd;
            }
            at = segmentEnd;
        }
        if (kept != null) {
            kept.write(data, keptUpTo, end - keptUpTo);
        }
        return new JpegSegments(components, transform, kept == null ? null : kept.toByteArray());
    }

    private static boolean startsWith(byte[] data, int at, int end, byte[] prefix) {
        if (at + prefix.length > end) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
