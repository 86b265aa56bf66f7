package dev.sluice.plugins.opencv;

import dev.sluice.api.spi.JpegProcesses;
import java.nio.ByteBuffer;

/**
 * The JPEG coding processes the libjpeg-turbo 2.1 inside OpenCV 4.9 cannot decode, found from the
 * frame header ({@link JpegProcesses#frame}) so that the refusal can say what the file is rather
 * than "could not decode".
 */
final class JpegFrames {
    private JpegFrames() {
    }

    /**
     * Why OpenCV cannot decode the JPEG in {@code encoded} (position to limit), or null when its
     * frame header is one OpenCV reads: lossless JPEG (SOF3, 7, 11, 15) and sample precisions other
     * than 8 bits are not supported. The header reader has already checked the marker structure.
     */
    static String unsupported(ByteBuffer encoded) {
        return JpegProcesses.frame(encoded).map(frame -> {
            if ((frame.process() & 3) == 3) {
                return "lossless JPEG (SOF" + frame.process() + ", " + frame.precision()
                        + "-bit) is an unsupported JPEG process for OpenCV's libjpeg-turbo 2.1; the imageio decoder reads it";
            }
            return frame.precision() == 8 ? null : frame.precision() + "-bit JPEG (SOF" + frame.process()
                    + ") is not supported by OpenCV's 8-bit libjpeg-turbo build";
        }).orElse(null);
    }
}
