package dev.sluice.api.spi;

import static dev.sluice.api.spi.Bytes.ascii;
import static dev.sluice.api.spi.Bytes.has;
import static dev.sluice.api.spi.Bytes.u16;
import static dev.sluice.api.spi.Bytes.u8;

import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * Which JPEG coding process a file uses and how it labels its colours, read from the segments
 * before its first scan, for decoders built on an 8-bit libjpeg (OpenCV's, libjpeg-turbo's
 * TurboJPEG API, Leptonica's): they cannot decode lossless JPEG or samples of other than 8 bits, and
 * say so only as a message on standard error or a bare failure. Asking first lets such a decoder
 * refuse with the reason and without touching the codec.
 *
 * <pre>{@code
 * Optional<String> why = JpegProcesses.unreadableBy8BitLibjpeg(encoded);   // "lossless JPEG (SOF3, 16-bit) ..."
 * }</pre>
 *
 * Thread-safe: static methods without state.
 */
public final class JpegProcesses {
    private JpegProcesses() {
    }

    /**
     * What the frame header and the colour markers before it say.
     *
     * @param process the n of the frame header's SOFn marker: 0 baseline, 1 extended, 2 progressive,
     *        3 lossless, 9 to 11 their arithmetic-coded forms
     * @param precision bits per sample
     * @param components colour components: 1, 3 or 4 in files libjpeg reads
     * @param jfif whether a JFIF APP0 segment came first
     * @param adobeTransform the transform code of an Adobe APP14 segment (0 none, 1 YCbCr, 2 YCCK),
     *        or -1 when there is none
     * @param adobeTransformAt the offset of that code from the data's start, or -1
     */
    public record Frame(int process, int precision, int components, boolean jfif, int adobeTransform,
            int adobeTransformAt) {
    }

    /**
     * The frame of the JPEG between {@code encoded}'s position and limit (moving neither), or empty
     * when no frame header comes before the first scan or the data ends first. Walks the segments
     * before the frame header only; data that {@link ImageHeader#read} refuses may give anything here.
     */
    public static Optional<Frame> frame(ByteBuffer encoded) {
        ByteBuffer data = encoded.slice();
        boolean jfif = false;
        int adobeTransform = -1;
        int adobeTransformAt = -1;
        int at = 2;
        while (has(data, at, 10) && u8(data, at) == 0xFF) {
            int marker = u8(data, at + 1);
            if (marker == 0xFF) {
                at++;
                continue;
            }
            if (marker == 0xDA || marker == 0xD9) {
                return Optional.empty();
            }
            int length = u16(data, at + 2, true);
            if (marker == 0xE0 && ascii(data, at + 4, "JFIF\0")) {
                jfif = true;
            } else if (marker == 0xEE && length >= 14 && has(data, at + 4, 12) && ascii(data, at + 4, "Adobe")) {
                adobeTransformAt = at + 15;
                adobeTransform = u8(data, adobeTransformAt);
            } else if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
                return Optional.of(new Frame(marker - 0xC0, u8(data, at + 4), u8(data, at + 9), jfif, adobeTransform,
                        adobeTransformAt));
            }
            at += 2 + length;
        }
        return Optional.empty();
    }

    /**
     * Why an 8-bit libjpeg cannot decode the JPEG between {@code encoded}'s position and limit
     * (moving neither), or empty when its frame header is one it reads (or there is none to read).
     *
     * @return a reason naming the process and precision, such as
     *         {@code "lossless JPEG (SOF3, 16-bit) is not read by an 8-bit libjpeg"}
     */
    public static Optional<String> unreadableBy8BitLibjpeg(ByteBuffer encoded) {
        return frame(encoded).flatMap(frame -> {
            String process = "SOF" + frame.process() + ", " + frame.precision() + "-bit";
            if ((frame.process() & 3) == 3) {
                return Optional.of("lossless JPEG (" + process + ") is not read by an 8-bit libjpeg");
            }
            return frame.precision() == 8 ? Optional.empty()
                    : Optional.of(frame.precision() + "-bit JPEG (" + process + ") is not read by an 8-bit libjpeg");
        });
    }
}
