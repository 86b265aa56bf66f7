package dev.sluice.api.spi;

import static dev.sluice.api.spi.Bytes.has;
import static dev.sluice.api.spi.Bytes.u16;
import static dev.sluice.api.spi.Bytes.u8;

import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * Which JPEG coding process a file uses, read from its frame header, for decoders built on an
 * 8-bit libjpeg (OpenCV's, libjpeg-turbo's TurboJPEG API, Leptonica's): they cannot decode lossless
 * JPEG or samples of other than 8 bits, and say so only as a message on standard error or a bare
 * failure. Asking first lets such a decoder refuse with the reason and without touching the codec.
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
     * Why an 8-bit libjpeg cannot decode the JPEG between {@code encoded}'s position and limit
     * (moving neither), or empty when its frame header is one it reads. Walks the segments before
     * the first frame header only; data that {@link ImageHeader#read} refuses gives empty here.
     *
     * @return a reason naming the process and precision, such as
     *         {@code "lossless JPEG (SOF3, 16-bit) is not read by an 8-bit libjpeg"}
     */
    public static Optional<String> unreadableBy8BitLibjpeg(ByteBuffer encoded) {
        ByteBuffer data = encoded.slice();
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
            if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
                int precision = u8(data, at + 4);
                String process = "SOF" + (marker - 0xC0) + ", " + precision + "-bit";
                if ((marker & 3) == 3) {
                    return Optional.of("lossless JPEG (" + process + ") is not read by an 8-bit libjpeg");
                }
                return precision == 8 ? Optional.empty()
                        : Optional.of(precision + "-bit JPEG (" + process + ") is not read by an 8-bit libjpeg");
            }
            at += 2 + u16(data, at + 2, true);
        }
        return Optional.empty();
    }
}
