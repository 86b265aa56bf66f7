package dev.sluice.plugins.transforms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.DType;
import dev.sluice.api.Image;
import dev.sluice.api.Options;
import dev.sluice.api.Tensor;
import dev.sluice.api.contract.TestImages;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * The numerical fixtures made by {@code fixtures/make_fixtures.py}: input photographs, expected
 * outputs from torchvision, OpenCV and PIL, and the manifest {@code cases.txt} that ties them to a
 * transform and its options.
 */
public final class Fixtures {
    private static final String ROOT = "/fixtures/";

    /**
     * One line of the manifest.
     *
     * @param transform a provider id, a comma-separated chain of them (the options go to the last),
     *        or the name of the deterministic core of a random transform (rotate, adjust, blur,
     *        resized-crop, eval-pipeline)
     * @param tolerance the largest allowed absolute difference: 8-bit levels for images, float units for tensors
     */
    public record Case(String name, String input, String transform, Map<String, Object> options, String reference,
            double tolerance) {

        public Options optionsAt(String path) {
            return Options.of(path, options);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private Fixtures() {
    }

    public static List<Case> cases(String... transforms) {
        List<Case> selected = new ArrayList<>();
        List<String> wanted = Arrays.asList(transforms);
        for (Case c : all()) {
            if (wanted.contains(c.transform())) {
                selected.add(c);
            }
        }
        assertTrue(!selected.isEmpty(), "no fixture case for " + wanted);
        return selected;
    }

    private static List<Case> all() {
        List<Case> cases = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(open("cases.txt"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                cases.add(new Case(f[0], f[1], f[2], parseOptions(f[3]), f[4], Double.parseDouble(f[5])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return cases;
    }

    /** {@code "size=[50, 67]; antialias=true"} as a map of numbers, booleans, words and lists of numbers. */
    public static Map<String, Object> parseOptions(String text) {
        Map<String, Object> options = new LinkedHashMap<>();
        if (text.isBlank()) {
            return options;
        }
        for (String part : text.split("; ")) {
            int eq = part.indexOf('=');
            options.put(part.substring(0, eq), parseValue(part.substring(eq + 1).trim()));
        }
        return options;
    }

    private static Object parseValue(String value) {
        if (value.startsWith("[")) {
            List<Object> list = new ArrayList<>();
            for (String item : value.substring(1, value.length() - 1).split(",")) {
                list.add(parseValue(item.trim()));
            }
            return list;
        }
        if (value.equals("true") || value.equals("false")) {
            return Boolean.parseBoolean(value);
        }
        if (value.matches("-?\\d+")) {
            return Integer.parseInt(value);
        }
        if (value.matches("-?[\\d.]+(e-?\\d+)?")) {
            return Double.parseDouble(value);
        }
        return value;
    }

    /**
     * An input photograph, decoded by the JDK (PNG: grey stays 1 channel, RGB 3); those whose name
     * ends in 16 are 16-bit PNGs and become uint16 images.
     */
    public static Image input(String name) {
        try (InputStream in = open("inputs/" + name + ".png")) {
            if (!name.endsWith("16")) {
                return TestImages.read(in.readAllBytes());
            }
            java.awt.image.Raster raster = ImageIO.read(in).getRaster();
            int[] levels = raster.getPixels(0, 0, raster.getWidth(), raster.getHeight(), (int[]) null);
            short[] samples = new short[levels.length];
            for (int i = 0; i < levels.length; i++) {
                samples[i] = (short) levels[i];
            }
            return Image.wrapUint16(raster.getWidth(), raster.getHeight(), raster.getNumBands(), samples);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Npy expected(String name) {
        try (InputStream in = open("expected/" + name + ".npy")) {
            return Npy.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream open(String path) {
        InputStream in = Fixtures.class.getResourceAsStream(ROOT + path);
        if (in == null) {
            throw new UncheckedIOException(new IOException("missing test resource " + ROOT + path));
        }
        return in;
    }

    /**
     * Asserts that {@code actual} is the expected uint8 or uint16 HWC array, at that depth, within the
     * case's tolerance, and reports the agreement.
     */
    public static void assertAgrees(Case c, Image actual) {
        Npy expected = expected(c.name());
        assertTrue(expected.isUint8() || expected.isUint16(), c.name() + " holds " + expected.descriptor()
                + ", not uint8 or uint16");
        int[] shape = expected.shape();
        int channels = shape.length == 3 ? shape[2] : 1;
        assertEquals(shape[1] + "x" + shape[0] + "x" + channels, actual.width() + "x" + actual.height() + "x"
                + actual.channels(), c.name() + ": output width x height x channels");
        assertEquals(expected.isUint16() ? DType.UINT16 : DType.UINT8, actual.dtype(), c.name() + ": output depth");
        int[] want = expected.levels();
        int[] got = new int[want.length];
        for (int i = 0; i < got.length; i++) {
            int pixel = i / channels;
            got[i] = actual.get(pixel % shape[1], pixel / shape[1], i % channels);
        }
        int max = 0;
        int differing = 0;
        int first = -1;
        for (int i = 0; i < want.length; i++) {
            int d = Math.abs(want[i] - got[i]);
            if (d > 0) {
                differing++;
                first = first < 0 ? i : first;
            }
            max = Math.max(max, d);
        }
        report(c, max, differing, want.length);
        int at = first;
        int worst = max;
        assertTrue(max <= c.tolerance(), () -> c.name() + " against " + c.reference() + ": largest difference " + worst
                + " levels exceeds " + c.tolerance() + "; first difference at sample " + at + " (x "
                + (at / channels) % shape[1] + ", y " + at / channels / shape[1] + ", channel " + at % channels + ")");
    }

    /** Asserts that {@code actual} is the expected float32 array (same shape) within the case's tolerance. */
    public static void assertAgrees(Case c, Tensor actual) {
        Npy expected = expected(c.name());
        assertTrue(expected.isFloat32(), c.name() + " holds " + expected.descriptor() + ", not float32");
        assertArrayEquals(expected.shape(), actual.shape(), c.name() + ": shape");
        float[] want = expected.floats();
        float[] got = actual.toFloatArray();
        double max = 0;
        int differing = 0;
        for (int i = 0; i < want.length; i++) {
            double d = Math.abs((double) want[i] - got[i]);
            differing += d > 0 ? 1 : 0;
            max = Math.max(max, d);
        }
        report(c, max, differing, want.length);
        double worst = max;
        assertTrue(max <= c.tolerance(), () -> c.name() + " against " + c.reference() + ": largest difference "
                + worst + " exceeds " + c.tolerance());
    }

    private static void report(Case c, double max, int differing, int total) {
        System.out.println(String.format(Locale.ROOT, "agreement %-40s vs %-40s max|diff| %-10s differing %d of %d",
                c.name(), c.reference(), max == Math.rint(max) ? String.valueOf((long) max) : String.format(Locale.ROOT,
                        "%.3g", max), differing, total));
    }
}
