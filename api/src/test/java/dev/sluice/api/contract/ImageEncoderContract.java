package dev.sluice.api.contract;

import static dev.sluice.api.contract.ImageAssertions.assertMeanDifferenceAtMost;
import static dev.sluice.api.contract.ImageAssertions.assertSamePixels;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.EncodeException;
import dev.sluice.api.EncodeOptions;
import dev.sluice.api.Image;
import dev.sluice.api.ImageEncoder;
import dev.sluice.api.Options;
import dev.sluice.api.spi.ImageEncoderProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The behaviour every {@link ImageEncoder} must have, whatever its backend: what it writes is read
 * back by the JDK's own {@code javax.imageio} readers, a decoder independent of the backend.
 *
 * <p>The images are the procedurally drawn 101 x 67 photographs of {@link TestImages#photo}. PNG
 * must round-trip exactly; JPEG within the mean errors of the tolerance hooks, whose defaults were
 * measured on OpenCV 4.6, PIL 9.4 and the JDK's writer (all three write the same image data at quality
 * 95). A backend that needs a wider tolerance overrides the hook, visibly, in its test; the test
 * methods are final.
 *
 * <pre>{@code
 * class OpenCvImageEncoderTest extends ImageEncoderContract {
 *     protected String providerId() { return "opencv"; }
 *     protected Set<String> formats() { return Set.of("png", "jpeg"); }
 * }
 * }</pre>
 *
 * Tests of a format the encoder does not declare are skipped, and instead it must refuse that format
 * with an {@link EncodeException} naming it.
 */
public abstract class ImageEncoderContract extends ProviderContract<ImageEncoderProvider> {
    private static final String PNG = "png";
    private static final String JPEG = "jpeg";
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] JPEG_START = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};

    private ImageEncoder encoder;

    @Override
    protected final Class<ImageEncoderProvider> providerKind() {
        return ImageEncoderProvider.class;
    }

    @Override
    protected final Object createWith(ImageEncoderProvider provider, Options options) {
        return provider.create(options);
    }

    /**
     * The formats the encoder writes, lower case, from {@code "png"} and {@code "jpeg"} (the names
     * {@link EncodeOptions#format()} uses); the built-in backends declare both. Must not be empty.
     */
    protected abstract Set<String> formats();

    /**
     * Makes the encoder under test; called once per test method. The default is
     * {@code provider.create(providerOptions())}.
     */
    protected ImageEncoder createEncoder(ImageEncoderProvider provider) {
        return provider.create(providerOptions());
    }

    /**
     * The largest mean absolute difference, over all samples, between the colour photograph and its
     * JPEG at quality 95 read back. Default 6.0: OpenCV, PIL and the JDK come to 4.42 (4:2:0 chroma
     * at the photograph's hard colour edges).
     */
    protected double jpegMeanErrorBound() {
        return 6.0;
    }

    /** The same bound for the grey photograph. Default 2.0: OpenCV, PIL and the JDK come to 1.40. */
    protected double jpegGreyMeanErrorBound() {
        return 2.0;
    }

    /** The encoder under test, made by {@link #createEncoder} on first use in each test. */
    protected final ImageEncoder encoder() {
        if (encoder == null) {
            encoder = createEncoder(provider());
            assertNotNull(encoder, "createEncoder returned null");
        }
        return encoder;
    }

    private byte[] encode(Image image, EncodeOptions options) throws EncodeException {
        byte[] encoded = encoder().encode(image, options);
        assertNotNull(encoded, () -> "encode(" + image + ", " + options + ") returned null");
        return encoded;
    }

    private void requireFormat(String format) {
        Assumptions.assumeTrue(formats().contains(format), () -> "the encoder does not declare " + format);
    }

    /** Grey, RGB and RGBA images written as PNG read back with every sample equal. */
    @Test
    public final void pngRoundTripIsExact() throws Exception {
        requireFormat(PNG);
        for (int channels : new int[] {1, 3, 4}) {
            Image photo = CodecFixtures.photo(channels);
            byte[] png = encode(photo, EncodeOptions.png());
            assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(png, PNG_SIGNATURE.length), "PNG signature");
            assertSamePixels(photo, TestImages.read(png), channels + "-channel PNG read back");
        }
    }

    /**
     * A 16-bit image is refused with an {@link EncodeException} naming it, with its depth: encoders
     * write 8-bit images and never narrow 16-bit ones.
     */
    @Test
    public final void sixteenBitImagesAreRefusedRatherThanNarrowed() {
        requireFormat(PNG);
        Image deep = SixteenBitImages.gradient(9, 7, 3);
        EncodeException refused = assertThrows(EncodeException.class, () -> encode(deep, EncodeOptions.png()));
        assertTrue(refused.getMessage().contains(deep.toString()), refused.getMessage());
    }

    /** A grey + alpha image is written as PNG that reads back exactly, or refused; never altered. */
    @Test
    public final void greyAlphaPngRoundTripsExactlyOrIsRefused() throws Exception {
        requireFormat(PNG);
        Image photo = CodecFixtures.photo(2);
        byte[] png;
        try {
            png = encode(photo, EncodeOptions.png());
        } catch (EncodeException refused) {
            assertFalse(refused.getMessage().isBlank(), "the refusal must say why");
            return;
        }
        assertSamePixels(photo, TestImages.read(png), "grey + alpha PNG read back");
    }

    /**
     * JPEG at quality 95 reads back with the same size and channels (grey stays grey) and a mean
     * error within {@link #jpegMeanErrorBound()} (colour) and {@link #jpegGreyMeanErrorBound()} (grey).
     */
    @Test
    public final void jpegRoundTripIsCloseToTheSource() throws Exception {
        requireFormat(JPEG);
        Image colour = CodecFixtures.photo(3);
        byte[] jpeg = encode(colour, EncodeOptions.jpeg(95));
        assertArrayEquals(JPEG_START, Arrays.copyOf(jpeg, JPEG_START.length), "JPEG start marker");
        assertMeanDifferenceAtMost(colour, TestImages.read(jpeg), jpegMeanErrorBound(), "RGB JPEG q95 read back");
        Image grey = CodecFixtures.photo(1);
        assertMeanDifferenceAtMost(grey, TestImages.read(encode(grey, EncodeOptions.jpeg(95))),
                jpegGreyMeanErrorBound(), "grey JPEG q95 read back");
    }

    /** A lower JPEG quality gives a smaller file: quality 30 is smaller than quality 95. */
    @Test
    public final void lowerJpegQualityGivesASmallerFile() throws Exception {
        requireFormat(JPEG);
        Image photo = CodecFixtures.photo(3);
        int low = encode(photo, EncodeOptions.jpeg(30)).length;
        int high = encode(photo, EncodeOptions.jpeg(95)).length;
        assertTrue(low < high, () -> "quality 30 gave " + low + " bytes, quality 95 " + high);
    }

    /** A format the encoder does not write is refused with an EncodeException naming the format. */
    @Test
    public final void unsupportedFormatIsRefusedNamingIt() {
        List<String> refusedFormats = new ArrayList<>(List.of("sluice-contract-no-such-format"));
        for (String format : List.of(PNG, JPEG)) {
            if (!formats().contains(format)) {
                refusedFormats.add(format);
            }
        }
        for (String format : refusedFormats) {
            EncodeException refused = assertThrows(EncodeException.class,
                    () -> encode(CodecFixtures.photo(3), new EncodeOptions(format, 95)), "format " + format);
            assertTrue(refused.getMessage().contains(format),
                    () -> "the message must name the format '" + format + "': " + refused.getMessage());
        }
    }

    /** Writing to a file creates its missing parent folders and writes what encode gives. */
    @Test
    public final void writeCreatesParentFoldersAndWritesTheEncodedImage(@TempDir Path folder) throws Exception {
        String format = formats().contains(PNG) ? PNG : JPEG;
        EncodeOptions options = format.equals(PNG) ? EncodeOptions.png() : EncodeOptions.jpeg(95);
        Path file = folder.resolve("a").resolve("b").resolve("photo." + format);
        encoder().write(CodecFixtures.photo(3), file, options);
        assertArrayEquals(encode(CodecFixtures.photo(3), options), Files.readAllBytes(file), "bytes of " + file);
    }

    /** Writing where a folder cannot be made fails with an EncodeException naming the file. */
    @Test
    public final void writeThatCannotCreateTheFileFailsNamingIt(@TempDir Path folder) throws Exception {
        Path notAFolder = Files.writeString(folder.resolve("plain.txt"), "a file, not a folder");
        Path file = notAFolder.resolve("photo.png");
        String format = formats().contains(PNG) ? PNG : JPEG;
        EncodeException refused = assertThrows(EncodeException.class,
                () -> encoder().write(CodecFixtures.photo(3), file, new EncodeOptions(format, 95)));
        assertTrue(refused.getMessage().contains(file.toString()),
                () -> "the message must name " + file + ": " + refused.getMessage());
    }

    /** Four threads encoding the same images at once get the same bytes as one thread. */
    @Test
    public final void encodingFromFourThreadsAtOnceGivesIdenticalBytes() throws Exception {
        ImageEncoder shared = encoder();
        List<ConcurrentRuns.Task<byte[]>> tasks = new ArrayList<>();
        for (int channels : new int[] {1, 3}) {
            Image photo = CodecFixtures.photo(channels);
            for (String format : List.of(PNG, JPEG)) {
                if (formats().contains(format)) {
                    EncodeOptions options = new EncodeOptions(format, 90);
                    tasks.add(new ConcurrentRuns.Task<>(format + " of " + photo, () -> shared.encode(photo, options)));
                }
            }
        }
        assertFalse(tasks.isEmpty(), "formats() must name png or jpeg");
        ConcurrentRuns.assertSameResultsOnThreads(tasks);
    }
}
