package dev.sluice.plugins.imageio;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * What the imageio backend must know of a JPEG's segments before decoding it: the frame's
 * component count, its colour space by libjpeg's rules (YCbCr or RGB for three components, YCCK or
 * CMYK for four), and the data without its ICC profile segments.
 *
 * <p>The profiles go because the JDK's decoder, and TwelveMonkeys' on top of it, convert colours
 * through an embedded ICC profile, while libjpeg, OpenCV, PIL and torchvision return the samples as
 * stored; a wide-gamut profile moves colours by ten levels or more.
 */
final class JpegSegments {
    private static final int SOS = 0xDA;
    private static final int APP0 = 0xE0;
    private static final int APP2 = 0xE2;
    private static final int APP14 = 0xEE;
    private static final byte[] JFIF = "JFIF\0".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ICC = "ICC_PROFILE\0".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ADOBE = "Adobe".getBytes(StandardCharsets.US_ASCII);

    private final int components;
    private final boolean transformed;
    private final int frameMarker;
    private final int precision;
    private final int pointTransform;
    private final boolean jdkColours;
    private final byte[] withoutProfiles;

    private JpegSegments(int components, boolean transformed, int frameMarker, int precision, int pointTransform,
            boolean jdkColours, byte[] withoutProfiles) {
        this.components = components;
        this.transformed = transformed;
        this.frameMarker = frameMarker;
        this.precision = precision;
        this.pointTransform = pointTransform;
        this.jdkColours = jdkColours;
        this.withoutProfiles = withoutProfiles;
    }

    /** The frame header's component count, 0 if no frame header was found. */
    int components() {
        return components;
    }

    /** An 8-bit DCT frame (not lossless, not 12-bit): the JDK's decoder writes it into any 8-bit destination. */
    boolean eightBitDct() {
        return precision == 8 && !lossless();
    }

    /** A lossless frame (SOF3, 7, 11 or 15). */
    boolean lossless() {
        return frameMarker != 0 && (frameMarker & 3) == 3;
    }

    /** The frame's sample precision in bits, 0 if no frame header was found. */
    int precision() {
        return precision;
    }

    /** The frame header's number n of SOFn, for messages. */
    int process() {
        return frameMarker - 0xC0;
    }

    /**
     * The first scan's point transform (the low nibble of its Ah/Al byte): in a lossless scan, the
     * decoded samples are to be shifted left by it, 0 if there is no scan header.
     */
    int pointTransform() {
        return pointTransform;
    }

    /** Three components stored as YCbCr (not RGB), so that the first is the luma libjpeg returns for grey. */
    boolean ycbcr() {
        return components == 3 && transformed;
    }

    /** Four components stored as YCCK (Adobe transform 2), not as CMYK. */
    boolean ycck() {
        return components == 4 && transformed;
    }

    /**
     * Whether the JDK's own JPEG reader decodes this file as libjpeg does, so that it may be read
     * without TwelveMonkeys' reader on top ({@link JdkJpegReads}): an 8-bit Huffman-coded DCT frame
     * (SOF0, 1 or 2) of one component, or of three stored as YCbCr whose labels the JDK's rules
     * (imageioJPEG.c) read as libjpeg's do: Adobe transform 1, or no Adobe marker and either a JFIF
     * marker or chroma sampled otherwise than luma. The JDK takes a three-component frame with
     * another Adobe transform for an unknown colour space, and an unsubsampled one without JFIF (Exif
     * or none) for RGB unless an Exif segment comes first; those stay with TwelveMonkeys.
     */
    boolean jdkReadable() {
        return precision == 8 && frameMarker >= 0xC0 && frameMarker <= 0xC2 && jdkColours;
    }

    /** The bytes with every APP2 {@code ICC_PROFILE} segment left out, or null when there was none. */
    byte[] withoutProfiles() {
        return withoutProfiles;
    }

    /**
     * Walks the segments of {@code data[offset, offset + length)} up to the first scan. The header
     * reader has already checked the structure; anything unexpected here just ends the walk.
     */
    static JpegSegments of(byte[] data, int offset, int length) {
        int end = offset + length;
        int at = offset + 2;
        int components = 0;
        int frameMarker = 0;
        int precision = 0;
        int pointTransform = 0;
        int firstId = -1;
        boolean rgbIds = false;
        boolean jfif = false;
        boolean subsampled = false;
        int transform = -1;
        ByteArrayOutputStream kept = null;
        int keptUpTo = offset;
        while (at + 4 <= end && (data[at] & 0xFF) == 0xFF) {
            int marker = data[at + 1] & 0xFF;
            if (marker == 0xFF) {
                at++;
                continue;
            }
            if (marker == SOS) {
                pointTransform = scanPointTransform(data, at + 4, end);
                break;
            }
            if (marker == 0xD9) {
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
                frameMarker = marker;
                precision = data[body] & 0xFF;
                if (components >= 3 && body + 6 + 7 <= segmentEnd) {
                    firstId = data[body + 6] & 0xFF;
                    rgbIds = firstId == 'R' && data[body + 9] == 'G' && data[body + 12] == 'B';
                }
                if (components == 3 && body + 6 + 9 <= segmentEnd) {
                    int luma = data[body + 7];
                    subsampled = data[body + 10] != luma || data[body + 13] != luma;
                }
            } else if (marker == APP0 && startsWith(data, body, segmentEnd, JFIF)) {
                jfif = true;
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
        boolean transformed = transformed(components, jfif, transform, rgbIds);
        boolean jdkColours = components == 1
                || components == 3 && transformed && (transform == 1 || transform < 0 && (jfif || subsampled));
        return new JpegSegments(components, transformed, frameMarker, precision, pointTransform, jdkColours,
                kept == null ? null : kept.toByteArray());
    }

    /** The Al nibble of the scan header whose body starts at {@code body}: after Ns, the Ns selectors, Ss and Se. */
    private static int scanPointTransform(byte[] data, int body, int end) {
        if (body >= end) {
            return 0;
        }
        int approximation = body + 1 + 2 * (data[body] & 0xFF) + 2;
        return approximation < end ? data[approximation] & 0x0F : 0;
    }

    /**
     * libjpeg's choice (jdapimin.c): three components are YCbCr with a JFIF marker, else as the
     * Adobe marker's transform says (0 is RGB), else RGB only when the component ids spell R, G, B;
     * four components are YCCK only with Adobe transform 2.
     */
    private static boolean transformed(int components, boolean jfif, int transform, boolean rgbIds) {
        if (components == 4) {
            return transform == 2;
        }
        if (jfif) {
            return true;
        }
        if (transform >= 0) {
            return transform != 0;
        }
        return !rgbIds;
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
