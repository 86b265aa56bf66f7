package dev.sluice.plugins.imageio;

import dev.sluice.api.DecodeBuffers;
import dev.sluice.api.DecodeException;
import dev.sluice.api.DecodeOptions;
import java.awt.Rectangle;
import java.io.IOException;
import javax.imageio.ImageReader;

/**
 * Plain JPEGs ({@link JpegSegments#jdkReadable()}) decoded by the JDK's own reader, without
 * TwelveMonkeys' reader on top. For these files TwelveMonkeys hands the decode to that same reader,
 * but first parses the file's segments into tables of its own (a {@code HuffmanTable} of 4 x 2 x 256
 * x 16 shorts per DHT segment): about 230 KB of garbage per 500 x 375 photograph and a tenth of the
 * read's CPU time (BENCHMARKS.md, "the imageio backend's per-file garbage").
 *
 * <p>The read is the one TwelveMonkeys' reader gets ({@link ImageReaderReads#read}), with
 * every warning counted. Only a clean decode counts: when the reader throws, warns (libjpeg's
 * warnings about damaged data), or returns another size, the answer is null and the caller decodes
 * through TwelveMonkeys as it would have, so that a damaged file fails or decodes as it did. A file
 * over the pixel limit is refused here, once. Each file gets a new reader,
 * though one kept per thread would save 4 KB of garbage per image: it measured no faster, and the
 * JDK's libjpeg keeps tables from file to file, so that a file without its quantisation tables,
 * which a new reader refuses ("Quantization table 0x00 was not defined"), decodes in a used reader
 * with the tables of the file before.
 */
final class JdkJpegReads {
    private JdkJpegReads() {
    }

    /**
     * The stored samples of {@code source}, a rectangle of the stored image, as
     * {@link ImageReaderReads#readJpeg} makes them; or null when the JDK's reader does not
     * decode the file cleanly.
     *
     * @param buffers lend the array the reader writes; null for a new one
     * @throws PixelLimitException when the reader finds more pixels than the options allow, which
     *         TwelveMonkeys' reader would refuse alike
     */
    static PixelBuffer read(byte[] bytes, int offset, int length, JpegSegments jpeg, Rectangle source,
            DecodeOptions options, DecodeBuffers buffers) throws PixelLimitException {
        ImageReader reader;
        try {
            reader = Readers.createJdkJpeg();
        } catch (IOException e) {
            return null;
        }
        try {
            return ImageReaderReads.read(reader, "jpeg", bytes, offset, length, jpeg, source, options,
                    warning -> true, buffers);
        } catch (PixelLimitException e) {
            throw e;
        } catch (DecodeException e) {
            return null;
        }
    }
}
