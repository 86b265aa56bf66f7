package dev.sluice.plugins.turbojpeg;

import dev.sluice.api.spi.JpegProcesses;
import java.nio.ByteBuffer;

/**
 * An Adobe APP14 transform code that does not fit the frame's component count (2, YCCK, on a
 * three-component frame) makes libjpeg warn, then decode as if the code were the one that fits
 * (YCbCr for three components, YCCK for four), as cv2 and PIL show it. Both native paths refuse
 * every warning, to refuse corrupt data; such a file is therefore handed to them with that code
 * written in, on a copy, which libjpeg reads to the same pixels without the warning.
 */
final class AdobeTransforms {
    private AdobeTransforms() {
    }

    /** {@code encoded} itself, or a heap copy of it (position 0) with the transform code libjpeg would assume. */
    static ByteBuffer asLibjpegAssumes(ByteBuffer encoded) {
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
