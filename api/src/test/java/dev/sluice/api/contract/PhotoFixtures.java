package dev.sluice.api.contract;

import dev.sluice.api.ColorMode;
import dev.sluice.api.DType;
import dev.sluice.api.DecodeOptions;
import dev.sluice.api.Image;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Named;

/**
 * The real-photograph fixtures under {@code photos/} beside this class, made once by
 * {@code photos/make_fixtures.py}: crops of three Debian desktop photographs in JPEG (4:2:0, 4:2:2,
 * 4:4:4, progressive, grey, CMYK, EXIF-oriented), PNG (RGB, palette, RGBA, grey + alpha,
 * 16-bit RGB and grey), BMP, GIF, TIFF (8- and 16-bit) and WebP, each with what {@code cv2.imread} decodes it to, stored in
 * Sluice's layout as {@code .npy} arrays. {@code photos/references.tsv} lists them.
 */
final class PhotoFixtures {
    private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\((\\d+),\\s*(\\d+)(?:,\\s*(\\d+))?\\)");

    private PhotoFixtures() {
    }

    /**
     * One input decoded one way, and the reference pixels.
     *
     * @param input the file name under {@code photos/}
     * @param format its format, as {@link dev.sluice.api.spi.ImageHeader#FORMATS} names it
     * @param mode the colour mode it is decoded in
     * @param reduce the reduction it is decoded at
     * @param kind which tolerance applies: exact, jpeg, jpeg-reduced, png-gray, narrowed or webp-lossy
     * @param reference the {@code .npy} file of the expected pixels
     * @param source what made the reference
     */
    record Reference(String input, String format, ColorMode mode, int reduce, String kind, String reference,
            String source) {

        DecodeOptions options() {
            return DecodeOptions.DEFAULT.withMode(mode).withReduce(reduce);
        }

        byte[] encoded() {
            return resource(input);
        }

        Image expected() {
            return npy(reference, resource(reference));
        }

        @Override
        public String toString() {
            return input + " in " + mode.name().toLowerCase(Locale.ROOT) + (reduce > 1 ? " reduced by " + reduce : "")
                    + " vs " + source;
        }
    }

    /** Every reference of {@code photos/references.tsv}, named for the test report. */
    static List<Named<Reference>> references() {
        List<Named<Reference>> references = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(open("references.tsv"), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                Reference reference = new Reference(f[0], f[1], ColorMode.valueOf(f[2].toUpperCase(Locale.ROOT)),
                        Integer.parseInt(f[3]), f[4], f[5], f[6]);
                references.add(Named.of(reference.toString(), reference));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read photos/references.tsv", e);
        }
        return references;
    }

    private static InputStream open(String name) {
        InputStream in = PhotoFixtures.class.getResourceAsStream("photos/" + name);
        if (in == null) {
            throw new IllegalStateException("fixture photos/" + name + " is missing from the class path");
        }
        return in;
    }

    static byte[] resource(String name) {
        try (InputStream in = open(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read fixture photos/" + name, e);
        }
    }

    /**
     * A uint8 or little-endian uint16 C-order .npy array of shape (h, w) or (h, w, c), as numpy's
     * {@code np.save} writes it.
     */
    static Image npy(String name, byte[] bytes) {
        if (bytes.length < 10 || bytes[0] != (byte) 0x93 || bytes[1] != 'N' || bytes[6] != 1) {
            throw new IllegalArgumentException(name + ": not a version 1 .npy file");
        }
        int headerLength = (bytes[8] & 0xFF) | (bytes[9] & 0xFF) << 8;
        String header = new String(bytes, 10, headerLength, StandardCharsets.ISO_8859_1);
        Matcher shape = SHAPE.matcher(header);
        boolean sixteen = header.contains("'descr': '<u2'");
        if (!(sixteen || header.contains("'descr': '|u1'")) || !header.contains("'fortran_order': False") || !shape.find()) {
            throw new IllegalArgumentException(name + ": expected a C-order uint8 or uint16 array of 2 or 3 dimensions, header "
                    + header);
        }
        int height = Integer.parseInt(shape.group(1));
        int width = Integer.parseInt(shape.group(2));
        int channels = shape.group(3) == null ? 1 : Integer.parseInt(shape.group(3));
        int start = 10 + headerLength;
        byte[] samples = new byte[bytes.length - start];
        System.arraycopy(bytes, start, samples, 0, samples.length);
        return Image.wrap(sixteen ? DType.UINT16 : DType.UINT8, width, height, channels, ByteBuffer.wrap(samples));
    }
}
