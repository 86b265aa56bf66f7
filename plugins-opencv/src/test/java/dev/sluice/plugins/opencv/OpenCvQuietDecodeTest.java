package dev.sluice.plugins.opencv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.ColorMode;
import dev.sluice.api.DecodeException;
import dev.sluice.api.DecodeOptions;
import dev.sluice.api.Image;
import dev.sluice.api.contract.TestImages;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.imgcodecs.Imgcodecs;

/**
 * Files on which libpng or libjpeg, inside OpenCV, would print on the process's standard error
 * stream: a PNG with an ancillary chunk whose CRC is bad (libpng's warning, then one about the
 * chunk's content), a PNG whose IHDR has a layout PNG does not define (libpng's error), and a
 * three-component JPEG whose Adobe segment says YCCK (libjpeg's warning). The decoder gives the
 * pixels of the same file without the damage, and a typed error for the IHDR, and nothing reaches
 * standard error: checked in a JVM of its own, whose standard error a test can read, against
 * OpenCV's own imdecode on the same bytes, which does print.
 */
class OpenCvQuietDecodeTest {
    private static final Image PHOTO = TestImages.photo(23, 17, 3);

    @TempDir
    Path folder;

    @Test
    void aDamagedAncillaryChunkGivesTheCleanFilesPixelsInEveryMode() throws Exception {
        byte[] clean = TestImages.png(PHOTO);
        byte[] damaged = withDamagedChunks(clean);
        OpenCvImageDecoder decoder = decoder();
        for (ColorMode mode : List.of(ColorMode.values())) {
            DecodeOptions options = DecodeOptions.DEFAULT.withMode(mode);
            Image expected = decoder.decode(ByteBuffer.wrap(clean), options);
            Image got = decoder.decode(ByteBuffer.wrap(damaged), options);
            assertEquals(expected.channels(), got.channels(), mode::toString);
            assertTrue(Arrays.equals(bytes(expected), bytes(got)), mode::toString);
        }
    }

    @Test
    void aJpegWhoseAdobeSegmentSaysYcckForThreeComponentsDecodesAsTheYcbcrItIs() throws Exception {
        byte[] jfif = TestImages.jpeg(PHOTO, 90);
        OpenCvImageDecoder decoder = decoder();
        for (ColorMode mode : List.of(ColorMode.RGB, ColorMode.GRAY)) {
            DecodeOptions options = DecodeOptions.DEFAULT.withMode(mode);
            Image expected = decoder.decode(ByteBuffer.wrap(jfif), options);
            Image got = decoder.decode(ByteBuffer.wrap(withAdobeYcck(jfif)), options);
            assertTrue(Arrays.equals(bytes(expected), bytes(got)), mode::toString);
        }
    }

    @Test
    void nothingReachesStandardErrorWhereOpenCvsOwnDecodePrints() throws Exception {
        Path damaged = Files.write(folder.resolve("damaged.png"), withDamagedChunks(TestImages.png(PHOTO)));
        Path badHeader = Files.write(folder.resolve("bad-header.png"), withColourType(TestImages.png(PHOTO), 9));
        Path adobe = Files.write(folder.resolve("adobe.jpg"), withAdobeYcck(TestImages.jpeg(PHOTO, 90)));

        String raw = run("raw", damaged, badHeader, adobe);
        assertTrue(raw.contains("libpng warning: iCCP: CRC error") && raw.contains("libpng error: Invalid IHDR data")
                && raw.contains("Unknown Adobe color transform code 2"),
                "OpenCV's own imdecode prints on these files, or the test shows nothing: " + raw);
        assertEquals("", run("decoder", damaged, badHeader, adobe));
    }

    @Test
    void anUndefinedColourTypeIsATypedErrorNamingIt() {
        byte[] png = withColourType(TestImages.png(PHOTO), 9);
        DecodeException refused = assertThrows(DecodeException.class,
                () -> decoder().decode(ByteBuffer.wrap(png), DecodeOptions.DEFAULT));
        assertEquals("corrupt PNG: the IHDR chunk declares colour type 9, which PNG does not define (0, 2, 3, 4 or 6)",
                refused.reason());
    }

    /** Runs {@link Decode} in a JVM of its own on the files and returns what it printed on standard error. */
    private String run(String how, Path... files) throws IOException, InterruptedException {
        Path err = folder.resolve(how + ".err");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Decode.class.getName(), how));
        for (Path file : files) {
            command.add(file.toString());
        }
        Process process = new ProcessBuilder(command).redirectError(err.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("the decoding JVM did not finish within 60 s: " + Files.readString(err));
        }
        assertEquals(0, process.exitValue(), () -> "the decoding JVM failed: " + readQuietly(err));
        return Files.readString(err);
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static OpenCvImageDecoder decoder() {
        assertTrue(new OpenCvDecoderProvider().availability().available(), "OpenCV loads");
        return new OpenCvImageDecoder();
    }

    private static byte[] bytes(Image image) {
        ByteBuffer pixels = image.pixels();
        byte[] out = new byte[pixels.remaining()];
        pixels.get(pixels.position(), out);
        return out;
    }

    /**
     * {@code png} with two ancillary chunks after its IHDR whose CRCs do not match: an iCCP whose
     * compression method is not 0, and a tEXt.
     */
    static byte[] withDamagedChunks(byte[] png) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png, 0, 33);
        damagedChunk(out, "iCCP", "profile\0\7xyz".getBytes(StandardCharsets.ISO_8859_1));
        damagedChunk(out, "tEXt", "Comment\0damaged".getBytes(StandardCharsets.ISO_8859_1));
        out.write(png, 33, png.length - 33);
        return out.toByteArray();
    }

    private static void damagedChunk(ByteArrayOutputStream out, String type, byte[] data) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(type.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(data);
        out.writeBytes(new byte[] {1, 2, 3, 4});
    }

    /** {@code jpeg} with its JFIF segment replaced by an Adobe one saying YCCK (transform 2). */
    static byte[] withAdobeYcck(byte[] jpeg) {
        assertEquals(0xE0, jpeg[3] & 0xFF, "the JDK's JPEG starts with its JFIF segment");
        int jfifEnd = 4 + (((jpeg[4] & 0xFF) << 8) | (jpeg[5] & 0xFF));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, 2});
        out.write(jpeg, jfifEnd, jpeg.length - jfifEnd);
        return out.toByteArray();
    }

    /** {@code png} with its IHDR's colour type replaced and the chunk's CRC made right again. */
    static byte[] withColourType(byte[] png, int colourType) {
        byte[] changed = Arrays.copyOf(png, png.length);
        changed[25] = (byte) colourType;
        CRC32 crc = new CRC32();
        crc.update(changed, 12, 17);
        ByteBuffer.wrap(changed, 29, 4).putInt((int) crc.getValue());
        return changed;
    }

    /** Not a test: decodes each file named after the first argument, {@code raw} (imdecode alone) or {@code decoder}. */
    static final class Decode {
        private Decode() {
        }

        public static void main(String[] args) throws IOException {
            assertTrue(new OpenCvDecoderProvider().availability().available(), "OpenCV loads");
            for (String file : Arrays.copyOfRange(args, 1, args.length)) {
                byte[] data = Files.readAllBytes(Path.of(file));
                if (args[0].equals("raw")) {
                    Mat encoded = new Mat(1, data.length, CvType.CV_8UC1);
                    encoded.put(0, 0, data);
                    Imgcodecs.imdecode(encoded, Imgcodecs.IMREAD_COLOR).release();
                    encoded.release();
                } else {
                    try {
                        new OpenCvImageDecoder().decode(ByteBuffer.wrap(data), DecodeOptions.DEFAULT);
                    } catch (DecodeException expected) {
                        assertFalse(expected.getMessage().isEmpty());
                    }
                }
            }
            System.err.flush();
        }
    }
}
