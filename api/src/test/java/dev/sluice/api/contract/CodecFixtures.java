package dev.sluice.api.contract;

import dev.sluice.api.Image;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.plugins.tiff.BaselineTIFFTagSet;
import javax.imageio.plugins.tiff.TIFFDirectory;
import javax.imageio.plugins.tiff.TIFFField;
import javax.imageio.plugins.tiff.TIFFTag;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.junit.jupiter.api.Named;

/**
 * The encoded inputs of the codec contracts, made once from {@link TestImages#photo} with the JDK's
 * own writers. Callers get copies of the byte arrays, so a codec that scribbles on its input cannot
 * spoil the next test.
 */
final class CodecFixtures {
    // Not multiples of 8, so that reduced sizes are rounded up and JPEG blocks are partial at the edges.
    static final int WIDTH = 101;
    static final int HEIGHT = 67;
    static final int JPEG_QUALITY = 95;

    private static final Image[] PHOTOS = new Image[5];
    private static final byte[][] PNGS = new byte[5][];
    private static final byte[][] JPEGS = new byte[5][];

    static {
        for (int channels = 1; channels <= 4; channels++) {
            PHOTOS[channels] = TestImages.photo(WIDTH, HEIGHT, channels);
            PNGS[channels] = TestImages.png(PHOTOS[channels]);
        }
        JPEGS[1] = TestImages.jpeg(PHOTOS[1], JPEG_QUALITY);
        JPEGS[3] = TestImages.jpeg(PHOTOS[3], JPEG_QUALITY);
    }

    private CodecFixtures() {
    }

    static Image photo(int channels) {
        return PHOTOS[channels];
    }

    // photo() as PNG: grey, grey + alpha, RGB or RGBA.
    static byte[] png(int channels) {
        return PNGS[channels].clone();
    }

    // photo() as a baseline JPEG at quality 95, grey (1) or colour (3).
    static byte[] jpeg(int channels) {
        if (JPEGS[channels] == null) {
            throw new IllegalArgumentException("JPEG fixtures have 1 or 3 channels, not " + channels);
        }
        return JPEGS[channels].clone();
    }

    /**
     * Bytes that are not a decodable image, each named for the test report: nothing, noise, a PNG or
     * JPEG signature followed by noise, text, and PNG and JPEG files cut short at several points.
     * Files that lose only their end marker are left out: every pixel is still there, and decoders
     * differ on whether that is an error.
     */
    static List<Named<byte[]>> undecodable() {
        List<Named<byte[]>> inputs = new ArrayList<>();
        byte[] noise = new byte[2000];
        new SplittableRandom(7).nextBytes(noise);
        inputs.add(Named.of("empty input", new byte[0]));
        inputs.add(Named.of("2000 random bytes", noise));
        inputs.add(Named.of("PNG signature then random bytes", concat(Arrays.copyOf(PNGS[3], 8), noise)));
        byte[] jpegStart = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
        inputs.add(Named.of("JPEG start marker then random bytes", concat(jpegStart, noise)));
        inputs.add(Named.of("a text file", "image_001.jpg 3 7\nimage_002.jpg 1 4\n".getBytes(StandardCharsets.UTF_8)));
        byte[] png = PNGS[3];
        for (int cut : new int[] {4, 20, 33, png.length / 2, png.length * 9 / 10}) {
            inputs.add(Named.of("PNG of " + png.length + " bytes cut to " + cut, Arrays.copyOf(png, cut)));
        }
        byte[] jpeg = JPEGS[3];
        for (int cut : new int[] {2, 20, jpeg.length / 2, jpeg.length * 9 / 10}) {
            inputs.add(Named.of("JPEG of " + jpeg.length + " bytes cut to " + cut, Arrays.copyOf(jpeg, cut)));
        }
        return inputs;
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] out = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, out, first.length, second.length);
        return out;
    }

    /**
     * A well-formed PNG whose header declares an RGB image of {@code width x height} but whose data
     * holds one row of it: a decoder that allocates before checking the size runs out of memory.
     */
    static byte[] pngDeclaring(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(Arrays.copyOf(PNGS[3], 8));
        ByteBuffer header = ByteBuffer.allocate(13).putInt(width).putInt(height);
        header.put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        writeChunk(out, "IHDR", header.array());
        Deflater deflater = new Deflater();
        deflater.setInput(new byte[1 + width * 3]);
        deflater.finish();
        byte[] compressed = new byte[64 + width * 3];
        int length = deflater.deflate(compressed);
        deflater.end();
        writeChunk(out, "IDAT", Arrays.copyOf(compressed, length));
        writeChunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void writeChunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    // The colour JPEG with its frame header changed to declare width x height (at most 65535 each).
    static byte[] jpegDeclaring(int width, int height) {
        byte[] jpeg = jpeg(3);
        int at = 2;
        while (at + 9 < jpeg.length) {
            int marker = jpeg[at + 1] & 0xFF;
            if (marker >= 0xC0 && marker <= 0xC2) {
                ByteBuffer.wrap(jpeg, at + 5, 4).putShort((short) height).putShort((short) width);
                return jpeg;
            }
            at += 2 + (((jpeg[at + 2] & 0xFF) << 8) | (jpeg[at + 3] & 0xFF));
        }
        throw new IllegalStateException("the JDK's JPEG has no baseline frame header");
    }

    /**
     * {@link #photo} (RGB) as an uncompressed TIFF with an Orientation tag ({@code orientation} 1 to
     * 8) in its directory, written by the JDK's own TIFF writer (chosen by class: TwelveMonkeys
     * registers another on a plugin's class path).
     */
    static byte[] tiffWithOrientation(int orientation) {
        BufferedImage image = TestImages.toBufferedImage(PHOTOS[3]);
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("tiff");
        ImageWriter writer = null;
        while (writers.hasNext()) {
            ImageWriter candidate = writers.next();
            if (candidate.getClass().getName().startsWith("com.sun.imageio.")) {
                writer = candidate;
            }
        }
        if (writer == null) {
            throw new IllegalStateException("the JDK's TIFF writer is not registered");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            TIFFDirectory directory = TIFFDirectory.createFromMetadata(
                    writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), param));
            directory.addTIFFField(new TIFFField(BaselineTIFFTagSet.getInstance().getTag(BaselineTIFFTagSet.TAG_ORIENTATION),
                    TIFFTag.TIFF_SHORT, 1, new char[] {(char) orientation}));
            writer.setOutput(stream);
            writer.write(null, new IIOImage(image, null, directory.getAsMetadata()), param);
        } catch (IOException e) {
            throw new UncheckedIOException("the JDK's TIFF writer failed", e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
