package dev.sluice.api.spi;

import java.nio.ByteBuffer;

/**
 * An Adobe APP14 transform code that does not fit the frame's component count (2, YCCK, on a
 * three-component frame) makes libjpeg warn, then decode as if the code were the one that fits
 * (YCbCr for three components, YCCK for four), as cv2 and PIL show it. A decoder built on libjpeg
 * hands it such a file with that code written in, on a copy, which libjpeg reads to the same pixels
 * without the warning: one that refuses every warning (to refuse corrupt data) would otherwise
 * refuse the file, and one that lets libjpeg print would put the warning on the process's standard
 * error stream, where a Java caller can neither catch nor silence it.
 */
public final class AdobeTransforms {
    private AdobeTransforms() {
    }

    /**
     * The JPEG between {@code encoded}'s position and limit as libjpeg should be handed it: {@code encoded}
     * itself, or, when its Adobe transform code does not fit its frame, a heap copy (position 0) with
     * the code libjpeg would assume. Moves neither buffer's position.
     */
    public static ByteBuffer asLibjpegAssumes(ByteBuffer encoded) {
        JpegProcesses.Frame frame = JpegProcesses.frame(encoded).orElse(null);
        if (frame == null || frame.adobeTransform() < 0) {
            return encoded;
        }
        int code = frame.adobeTransform();
        int assumed = switch (frame.components()) {
            // A JFIF marker decides for three components; libjpeg then never reads the code.
            case 3 -> frame.jfif() || code == 0 || code == 1 ? code : 1;
            case 4 -> code == 0 || code == 2 ? code : 2;
            default -> code;
        };
        if (assumed == code) {
            return encoded;
        }
        byte[] copy = new byte[encoded.remaining()];
        encoded.duplicate().get(copy);
        copy[frame.adobeTransformAt()] = (byte) assumed;
        return ByteBuffer.wrap(copy);
    }
}
