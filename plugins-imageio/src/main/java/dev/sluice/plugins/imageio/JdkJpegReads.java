package dev.sluice.plugins.imageio;

import com.twelvemonkeys.imageio.stream.ByteArrayImageInputStream;
import dev.sluice.api.DecodeBuffers;
import dev.sluice.api.DecodeOptions;
import java.awt.Rectangle;
import java.io.IOException;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;

/**
 * Plain JPEGs ({@link JpegSegments#jdkReadable()}) decoded by the JDK's own reader, without
 * TwelveMonkeys' reader on top. For these files TwelveMonkeys hands the decode to that same reader,
 * but first parses the file's segments into tables of its own (a {@code HuffmanTable} of 4 x 2 x 256
 * x 16 shorts per DHT segment): about 230 KB of garbage per 500 x 375 photograph and a tenth of the
 * read's CPU time (BENCHMARKS.md, "the imageio backend's per-file garbage").
 *
 * <p>Only a clean decode counts: when the reader throws, warns (libjpeg's warnings about damaged
 * data), or returns another size, the answer is null and the caller decodes through TwelveMonkeys
 * as it would have, so that a damaged file fails or decodes as it did. Each file gets a new reader,
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
     * {@link ImageIoImageDecoder#readJpeg} makes them; or null when the JDK's reader does not
     * decode the file cleanly.
     *
     * @param buffers lend the array the reader writes; null for a new one
     */
    static PixelBuffer read(byte[] bytes, int offset, int length, JpegSegments jpeg, Rectangle source,
            DecodeOptions options, DecodeBuffers buffers) {
        ImageReader reader;
        try {
            reader = Readers.createJdkJpeg();
        } catch (IOException e) {
            return null;
        }
        try (ByteArrayImageInputStream input = new ByteArrayImageInputStream(bytes, offset, length)) {
            reader.setInput(input, true, true);
            if ((long) reader.getWidth(0) * reader.getHeight(0) > options.maxPixels()) {
                return null;
            }
            ImageReadParam param = reader.getDefaultReadParam();
            param.setSourceRegion(source);
            boolean[] warned = {false};
            reader.addIIOReadWarningListener((ignored, warning) -> warned[0] = true);
            PixelBuffer stored = ImageIoImageDecoder.readJpeg(reader, param, jpeg, source, options.mode(), buffers);
            return warned[0] || stored.width != source.width || stored.height != source.height ? null : stored;
        } catch (IOException | RuntimeException e) {
            return null;
        } finally {
            reader.dispose();
        }
    }
}
