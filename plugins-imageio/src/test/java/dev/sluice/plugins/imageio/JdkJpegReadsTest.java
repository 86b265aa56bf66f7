package dev.sluice.plugins.imageio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.twelvemonkeys.imageio.stream.ByteArrayImageInputStream;
import dev.sluice.api.ColorMode;
import dev.sluice.api.DecodeBuffers;
import dev.sluice.api.DecodeException;
import dev.sluice.api.DecodeOptions;
import dev.sluice.api.Image;
import java.awt.Rectangle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import org.junit.jupiter.api.Test;

/**
 * Plain JPEGs read by the JDK's own reader give TwelveMonkeys' pixels; the others, and damaged ones,
 * stay with TwelveMonkeys. Real photographs from sluice-api's fixtures (baseline 4:2:0, 4:2:2 and
 * 4:4:4, progressive, grey, Exif-turned, Adobe CMYK).
 */
class JdkJpegReadsTest {
    private static final List<String> PLAIN = List.of("ladybird-q90-420.jpg", "dune-q85-422.jpg", "dune-q95-444.jpg",
            "flower-progressive.jpg", "ladybird-grey.jpg", "dune-exif6.jpg");
    private static final String CMYK = "ladybird-cmyk.jpg";

    @Test
    void plainJpegsDecodeAsThroughTwelveMonkeysInEveryModeWholeAndCut() throws Exception {
        for (String name : PLAIN) {
            byte[] file = photo(name);
            JpegSegments jpeg = JpegSegments.of(file, 0, file.length);
            assertTrue(jpeg.jdkReadable(), name);
            ImageReader sizing = Readers.createJdkJpeg();
            sizing.setInput(new ByteArrayImageInputStream(file), true, true);
            Rectangle whole = new Rectangle(0, 0, sizing.getWidth(0), sizing.getHeight(0));
            sizing.dispose();
            Rectangle cut = new Rectangle(whole.width / 5, whole.height / 6, whole.width / 2, whole.height / 2);
            for (Rectangle source : List.of(whole, cut)) {
                for (ColorMode mode : ColorMode.values()) {
                    String what = name + " " + mode + " " + source;
                    PixelBuffer plain = JdkJpegReads.read(file, 0, file.length, jpeg, source,
                            DecodeOptions.DEFAULT.withMode(mode), null);
                    assertNotNull(plain, what);
                    PixelBuffer twelveMonkeys = throughTwelveMonkeys(file, jpeg, source, mode);
                    assertEquals(twelveMonkeys.channels, plain.channels, what);
                    assertEquals(twelveMonkeys.width, plain.width, what);
                    assertArrayEquals(twelveMonkeys.data, Arrays.copyOf(plain.data, twelveMonkeys.data.length), what);
                }
            }
        }
    }

    @Test
    void framesTheJdkLabelsOtherwiseThanLibjpegStayWithTwelveMonkeys() {
        byte[] cmyk = photo(CMYK);
        assertFalse(JpegSegments.of(cmyk, 0, cmyk.length).jdkReadable(), "Adobe CMYK");
        // Without its JFIF marker, an unsubsampled YCbCr frame is RGB to the JDK and YCbCr to libjpeg ...
        byte[] unlabelled444 = withoutJfif(photo("dune-q95-444.jpg"));
        assertFalse(JpegSegments.of(unlabelled444, 0, unlabelled444.length).jdkReadable(), "4:4:4 without JFIF");
        // ... while a subsampled one is YCbCr to both.
        byte[] unlabelled422 = withoutJfif(photo("dune-q85-422.jpg"));
        assertTrue(JpegSegments.of(unlabelled422, 0, unlabelled422.length).jdkReadable(), "4:2:2 without JFIF");
    }

    @Test
    void aCutOrCorruptJpegIsLeftToTwelveMonkeys() throws Exception {
        for (String name : List.of("ladybird-q90-420.jpg", "flower-progressive.jpg", "ladybird-grey.jpg")) {
            byte[] file = photo(name);
            JpegSegments jpeg = JpegSegments.of(file, 0, file.length);
            byte[] cut = Arrays.copyOf(file, file.length * 2 / 3);
            byte[] corrupt = file.clone();
            for (int at = file.length / 2; at < file.length / 2 + 64; at++) {
                corrupt[at] = (byte) 0xF3;
            }
            for (byte[] damaged : List.of(cut, corrupt)) {
                Rectangle whole = new Rectangle(0, 0, width(file), height(file));
                assertNull(JdkJpegReads.read(damaged, 0, damaged.length, jpeg, whole, DecodeOptions.DEFAULT.withStrict(false),
                        null), name + " damaged");
            }
        }
    }

    /**
     * The header check refuses an oversized file first, so this is the reader's own check: the JDK's
     * reader refuses the file itself, with the message TwelveMonkeys' reader gives, instead of leaving
     * it to TwelveMonkeys to refuse a second time.
     */
    @Test
    void aPlainJpegOverThePixelLimitIsRefusedByTheJdkReaderAsByTwelveMonkeys() throws Exception {
        for (String name : PLAIN) {
            byte[] file = photo(name);
            JpegSegments jpeg = JpegSegments.of(file, 0, file.length);
            Rectangle whole = new Rectangle(0, 0, width(file), height(file));
            long pixels = (long) whole.width * whole.height;
            DecodeOptions options = DecodeOptions.DEFAULT.withMaxPixels(pixels - 1);
            PixelLimitException refused = assertThrows(PixelLimitException.class,
                    () -> JdkJpegReads.read(file, 0, file.length, jpeg, whole, options, null), name);
            assertEquals("<bytes>: the jpeg reader finds a " + whole.width + "x" + whole.height + " = " + pixels
                    + " pixel image, more than the limit of " + (pixels - 1)
                    + " pixels (DecodeOptions.maxPixels); refused before decoding", refused.getMessage(), name);
            DecodeException twelveMonkeys = assertThrows(DecodeException.class, () -> ImageReaderReads.read(
                    Readers.create("jpeg"), "jpeg", file, 0, file.length, jpeg, whole, options, warning -> false, null), name);
            assertEquals(twelveMonkeys.getMessage(), refused.getMessage(), name);
            assertNotNull(JdkJpegReads.read(file, 0, file.length, jpeg, whole, options.withMaxPixels(pixels), null), name);
        }
    }

    /**
     * One decoder and one set of lent buffers through good, cut, CMYK and table-less files in turn:
     * each file's outcome (pixels or message) is that of a new decoder given that file alone on a new
     * thread (so that nothing a thread keeps is shared with the run). A file
     * without its quantisation tables is refused by a new JDK reader but decoded with the file
     * before's tables by a used one, so it fails this test if a reader is ever kept across files.
     */
    @Test
    void aFileAfterABrokenOneDecodesAsInAFreshDecoder() {
        List<byte[]> run = new ArrayList<>();
        for (String name : List.of("ladybird-q90-420.jpg", "flower-progressive.jpg", CMYK, "ladybird-grey.jpg")) {
            byte[] file = photo(name);
            run.add(file);
            run.add(Arrays.copyOf(file, file.length / 2));
            run.add(withoutSegments(file, 0xDB));
        }
        run.add(photo("dune-q85-422.jpg"));
        for (DecodeOptions options : List.of(DecodeOptions.DEFAULT, DecodeOptions.DEFAULT.withStrict(false),
                DecodeOptions.DEFAULT.withMode(ColorMode.GRAY).withStrict(false))) {
            ImageIoImageDecoder kept = new ImageIoImageDecoder();
            DecodeBuffers buffers = new DecodeBuffers();
            for (int i = 0; i < run.size(); i++) {
                byte[] file = run.get(i);
                String expected = onNewThread(() -> outcome(() -> new ImageIoImageDecoder().decode(ByteBuffer.wrap(file),
                        options)));
                String actual = outcome(() -> kept.decode(ByteBuffer.wrap(file), options, buffers));
                assertEquals(expected, actual, "file " + i + " of the run, " + options);
            }
        }
    }

    private static String onNewThread(Supplier<String> task) {
        AtomicReference<String> result = new AtomicReference<>();
        Thread thread = new Thread(() -> result.set(task.get()), "fresh-decoder");
        thread.start();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        assertNotNull(result.get(), "the fresh decoder's thread finished without an outcome");
        return result.get();
    }

    private interface Decode {
        Image decode() throws DecodeException;
    }

    private static String outcome(Decode decode) {
        try {
            Image image = decode.decode();
            return image.width() + "x" + image.height() + "x" + image.channels() + " " + Arrays.hashCode(image.toArray());
        } catch (DecodeException e) {
            return "refused: " + e.getMessage();
        }
    }

    private static PixelBuffer throughTwelveMonkeys(byte[] file, JpegSegments jpeg, Rectangle source, ColorMode mode)
            throws IOException, DecodeException {
        ImageReader reader = Readers.create("jpeg");
        try {
            reader.setInput(new ByteArrayImageInputStream(file), true, true);
            ImageReadParam param = reader.getDefaultReadParam();
            param.setSourceRegion(source);
            return ImageReaderReads.readJpeg(reader, param, jpeg, source, mode, new DecodeBuffers());
        } finally {
            reader.dispose();
        }
    }

    private static int width(byte[] file) {
        return (file[sofAt(file) + 7] & 0xFF) << 8 | file[sofAt(file) + 8] & 0xFF;
    }

    private static int height(byte[] file) {
        return (file[sofAt(file) + 5] & 0xFF) << 8 | file[sofAt(file) + 6] & 0xFF;
    }

    /** Where the frame header's marker (SOF0 or SOF2) starts. */
    private static int sofAt(byte[] file) {
        int at = 2;
        while ((file[at + 1] & 0xFF) != 0xC0 && (file[at + 1] & 0xFF) != 0xC2) {
            at += 2 + ((file[at + 2] & 0xFF) << 8 | file[at + 3] & 0xFF);
        }
        return at;
    }

    /** The file with every segment of {@code marker} before its first scan left out. */
    private static byte[] withoutSegments(byte[] file, int marker) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(file, 0, 2);
        int at = 2;
        while ((file[at + 1] & 0xFF) != 0xDA) {
            int length = (file[at + 2] & 0xFF) << 8 | file[at + 3] & 0xFF;
            if ((file[at + 1] & 0xFF) != marker) {
                out.write(file, at, 2 + length);
            }
            at += 2 + length;
        }
        out.write(file, at, file.length - at);
        return out.toByteArray();
    }

    /** The file with its APP0 JFIF segment, which the JDK's writer puts right after SOI, left out. */
    private static byte[] withoutJfif(byte[] file) {
        assertEquals(0xE0, file[3] & 0xFF, "APP0 after SOI");
        int length = (file[4] & 0xFF) << 8 | file[5] & 0xFF;
        byte[] out = new byte[file.length - 2 - length];
        System.arraycopy(file, 0, out, 0, 2);
        System.arraycopy(file, 4 + length, out, 2, file.length - 4 - length);
        return out;
    }

    private static byte[] photo(String name) {
        try (InputStream in = JdkJpegReadsTest.class.getClassLoader()
                .getResourceAsStream("dev/sluice/api/contract/photos/" + name)) {
            assertNotNull(in, name + " in sluice-api's test-jar");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
