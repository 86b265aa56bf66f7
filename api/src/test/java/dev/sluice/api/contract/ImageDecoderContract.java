package dev.sluice.api.contract;

import static dev.sluice.api.contract.CodecFixtures.HEIGHT;
import static dev.sluice.api.contract.CodecFixtures.WIDTH;
import static dev.sluice.api.contract.ImageAssertions.assertMeanDifferenceAtMost;
import static dev.sluice.api.contract.ImageAssertions.assertSamePixels;
import static dev.sluice.api.contract.ImageAssertions.assertSameShape;
import static dev.sluice.api.contract.ImageAssertions.assertWithin;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.ColorMode;
import dev.sluice.api.DecodeBuffers;
import dev.sluice.api.DecodeException;
import dev.sluice.api.DecodeOptions;
import dev.sluice.api.Image;
import dev.sluice.api.ImageDecoder;
import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;
import dev.sluice.api.ReduceLimit;
import dev.sluice.api.Region;
import dev.sluice.api.UnsupportedImageException;
import dev.sluice.api.spi.ImageDecoderProvider;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The behaviour every {@link ImageDecoder} must have, whatever its backend, so that changing
 * {@code decoder: opencv} to {@code decoder: imageio} changes speed and nothing else.
 *
 * <p>The inputs are made in the test: a procedurally drawn 101 x 67 "photograph"
 * ({@link TestImages#photo}) written by the JDK's own {@code javax.imageio} writers as PNG (grey,
 * grey + alpha, RGB, RGBA) and as baseline JPEG at quality 95 (grey, RGB). The expected pixels are
 * the source image itself, or operations on the decoder's own full-size decode computed here:
 * PNG must decode exactly; JPEG within the mean errors of the tolerance hooks, whose defaults were
 * measured on libjpeg-turbo (OpenCV 4.6, PIL 9.4) and the JDK's decoder. Real photographs (crops
 * of three Debian desktop backgrounds in JPEG, PNG, BMP, GIF, TIFF and WebP, under {@code photos/})
 * are compared with what {@code cv2.imread} decodes them to, per channel, within
 * {@link #referenceTolerance}. A backend whose results are correct but further off declares its own
 * tolerance by overriding the hook, visibly, in its test; nothing else can be loosened, and the
 * test methods are final.
 *
 * <p>A plugin's test extends this class and names the provider and the formats it decodes:
 *
 * <pre>{@code
 * class OpenCvImageDecoderTest extends ImageDecoderContract {
 *     protected String providerId() { return "opencv"; }
 *     protected Set<String> formats() { return Set.of("png", "jpeg"); }
 * }
 * }</pre>
 *
 * Tests of a format the decoder does not declare are skipped, and instead such input must be
 * refused with a {@link DecodeException}.
 */
public abstract class ImageDecoderContract extends ProviderContract<ImageDecoderProvider> {
    private static final String PNG = "png";
    private static final String JPEG = "jpeg";
    private static final String TIFF = "tiff";
    private static final DecodeOptions RGB = DecodeOptions.DEFAULT;
    private static final DecodeOptions GRAY = DecodeOptions.DEFAULT.withMode(ColorMode.GRAY);
    private static final DecodeOptions UNCHANGED = DecodeOptions.DEFAULT.withMode(ColorMode.UNCHANGED);

    private ImageDecoder decoder;

    @Override
    protected final Class<ImageDecoderProvider> providerKind() {
        return ImageDecoderProvider.class;
    }

    @Override
    protected final Object createWith(ImageDecoderProvider provider, Options options) {
        return provider.create(options);
    }

    /**
     * The formats the decoder handles, lower case, as {@link dev.sluice.api.spi.ImageHeader#FORMATS}
     * names them: {@code "png"}, {@code "jpeg"}, {@code "bmp"}, {@code "gif"}, {@code "tiff"},
     * {@code "webp"}. The contract's drawn images are PNG and JPEG; its real photographs come in all
     * six. Tests of undeclared formats are skipped. Must name png or jpeg.
     */
    protected abstract Set<String> formats();

    /**
     * Makes the decoder under test; called once per test method. The default is
     * {@code provider.create(providerOptions())}; override it to test the decoder with other options.
     */
    protected ImageDecoder createDecoder(ImageDecoderProvider provider) {
        return provider.create(providerOptions());
    }

    /**
     * The largest mean absolute difference, over all samples, between the colour JPEG at quality 95
     * decoded in RGB and its source pixels. Default 6.0: libjpeg-turbo and the JDK decode it at 4.42
     * (the error is the encoder's: 4:2:0 chroma at the fixture's hard colour edges); a box chroma
     * upsampler comes to about 5.0, and the BT.709 instead of the BT.601 colour matrix to 7.4.
     */
    protected double jpegMeanErrorBound() {
        return 6.0;
    }

    /**
     * The same bound for the grey JPEG, and for the colour JPEG decoded in grey against the luma of
     * its source. Default 2.0: libjpeg-turbo and the JDK decode both at 1.40.
     */
    protected double jpegGreyMeanErrorBound() {
        return 2.0;
    }

    /**
     * The largest mean absolute difference between a JPEG decoded at 1/2, 1/4 or 1/8 and the block
     * average of its full-size decode. Default 4.0: libjpeg-turbo's DCT scaling comes to 2.53, 1.43
     * and 0.95; decoding full size and averaging comes to 0; keeping every second pixel instead of
     * averaging comes to 6.4 at 1/2.
     */
    protected double jpegReduceMeanErrorBound() {
        return 4.0;
    }

    /**
     * The largest mean absolute difference between a JPEG region and the same rectangle of the full
     * decode. Default 1.0: cutting from the full decode is exact; decoding only the blocks of the
     * region may differ slightly near its edges.
     */
    protected double jpegRegionMeanErrorBound() {
        return 1.0;
    }

    /**
     * How many levels a reduced PNG sample may differ from the block average of the full decode
     * computed here (mean of the block, rounded half up). Default 1, for another rounding.
     */
    protected int losslessReduceTolerance() {
        return 1;
    }

    /**
     * How close the real photographs must decode to {@code cv2.imread}'s pixels (Debian's
     * python3-opencv 4.6 with libjpeg-turbo 2.1, libpng 1.6 and libwebp 1.2), by the kind of each
     * reference in {@code photos/references.tsv}. Figures are per channel, for the worst channel of
     * the worst file; the defaults hold for both built-in backends, measured as follows:
     *
     * <ul>
     *   <li>{@code exact} (PNG of every layout, BMP, GIF, TIFF, lossless WebP): every sample equal.
     *   <li>{@code jpeg} (full-size baseline 4:2:0, 4:2:2, 4:4:4, progressive, grey, CMYK and
     *       EXIF-oriented JPEG, in RGB and GRAY): mean 0.5, p99 2. Both backends measure 0: opencv
     *       runs the same libjpeg-turbo code, and the JDK's libjpeg 6b under imageio has the same
     *       integer IDCT, fancy upsampling and colour equations. The bound leaves room for a
     *       correct decoder with another IDCT.
     *   <li>{@code jpeg-reduced} (1/2, 1/4, 1/8): mean 3.5, p99 32. opencv measures 0 (libjpeg's
     *       scaled IDCT, as cv2's IMREAD_REDUCED_*); imageio, which has no scaled IDCT and
     *       averages blocks of the full-size decode, measures up to mean 2.84 and p99 19 on these
     *       photographs, and on 200 JPEGs of 500 x 375 cut from the same backgrounds a mean over
     *       images of 0.75, 0.67 and 0.54 at 1/2, 1/4 and 1/8, at worst mean 3.02 and p99 27.
     *   <li>{@code png-gray} (an RGB PNG read in GRAY): mean 1.0, p99 1, a level either way for
     *       the fixed-point rounding. opencv and imageio, which copies libpng's truncating
     *       conversion, measure 0.
     *   <li>{@code narrowed} (a 16-bit file read in RGB or GRAY): mean 1.0, p99 1, a level either
     *       way: cv2 4.6's libpng and libtiff round to 8 bits (mean 0.24 from the high byte on the
     *       16-bit photograph), the opencv build and imageio keep the high byte.
     *   <li>{@code webp-lossy}: mean 0.5, p99 3, room for another build of libwebp (cv2 and PIL
     *       agree exactly). The opencv build reads no WebP; imageio declares a wider bound in its
     *       test.
     * </ul>
     *
     * A backend that matches cv2 more closely pins itself by overriding this, visibly, in its test;
     * so does one that is correct but further off, saying why.
     */
    protected Tolerance referenceTolerance(String kind) {
        return switch (kind) {
            case "exact" -> Tolerance.EXACT;
            case "jpeg" -> new Tolerance(0.5, 2);
            case "jpeg-reduced" -> new Tolerance(3.5, 32);
            case "png-gray", "narrowed" -> new Tolerance(1.0, 1);
            case "webp-lossy" -> new Tolerance(0.5, 3);
            default -> throw new IllegalArgumentException("unknown reference kind " + kind);
        };
    }

    /**
     * Whether the decoder keeps both channels of a grey + alpha TIFF in UNCHANGED mode. One whose
     * library cannot (OpenCV's TIFF reader returns one 8-bit channel) says false here, and must then
     * refuse such a TIFF with an {@link UnsupportedImageException}, which the contract checks.
     */
    protected boolean decodesGreyAlphaTiffUnchanged() {
        return true;
    }

    /** The decoder under test, made by {@link #createDecoder} on first use in each test. */
    /**
     * Whether the decoder decodes the photograph fixtures of {@code kind} (exact, jpeg, jpeg-reduced, narrowed,
     * png-gray or webp-lossy) in a format it declares; a backend that would decode a kind outside its
     * tolerance refuses it as unsupported instead, says false here, and tests the refusal itself.
     */
    protected boolean decodesKind(String kind) {
        return true;
    }

    protected final ImageDecoder decoder() {
        if (decoder == null) {
            decoder = createDecoder(provider());
            assertNotNull(decoder, "createDecoder returned null");
        }
        return decoder;
    }

    private Image decode(byte[] encoded, DecodeOptions options) throws DecodeException {
        Image image = decoder().decode(ByteBuffer.wrap(encoded), options);
        assertNotNull(image, () -> "decode(" + options + ") returned null");
        return image;
    }

    private byte[] encoded(String format, int channels) {
        return format.equals(PNG) ? CodecFixtures.png(channels) : CodecFixtures.jpeg(channels);
    }

    private void requireFormat(String format) {
        Assumptions.assumeTrue(formats().contains(format), () -> "the decoder does not declare " + format);
    }

    private List<String> declaredFormats() {
        assertFalse(formats().isEmpty(), "formats() must name at least one format");
        return List.of(PNG, JPEG).stream().filter(formats()::contains).toList();
    }

    /** PNGs of every channel layout decode in RGB mode to their exact samples, grey expanded, alpha dropped. */
    /**
     * {@link ImageDecoderProvider#checkForLaterCreate} accepts the minimal options, and never says it
     * checked options holding an unknown key: it refuses the key with an {@link OptionsException} naming
     * its key path, as {@code create} does, or returns false (core then calls {@code create} at start-up).
     */
    @Test
    public final void checkForLaterCreateRefusesWhatCreateRefuses() {
        ImageDecoderProvider provider = provider();
        provider.checkForLaterCreate(providerOptions());
        Options withUnknown = withUnknownOption();
        try {
            assertFalse(provider.checkForLaterCreate(withUnknown), () -> "checkForLaterCreate(" + withUnknown
                    + ") said the options were checked; it must refuse the unknown option as create does");
        } catch (OptionsException refused) {
            assertEquals(providerOptions().keyPath(UNKNOWN_OPTION), refused.keyPath(), "the key path of the refused option");
        }
    }

    @Test
    public final void pngDecodesExactlyInRgbMode() throws Exception {
        requireFormat(PNG);
        for (int channels = 1; channels <= 4; channels++) {
            Image source = CodecFixtures.photo(channels);
            Image expected = channels <= 2 ? Pixels.greyToRgb(source) : Pixels.firstChannels(source, 3);
            assertSamePixels(expected, decode(CodecFixtures.png(channels), RGB), channels + "-channel PNG in RGB");
        }
    }

    /** PNGs decode in UNCHANGED mode to their stored channels (1, 2, 3 or 4) and exact samples. */
    @Test
    public final void pngDecodesExactlyInUnchangedMode() throws Exception {
        requireFormat(PNG);
        for (int channels = 1; channels <= 4; channels++) {
            assertSamePixels(CodecFixtures.photo(channels), decode(CodecFixtures.png(channels), UNCHANGED),
                    channels + "-channel PNG in UNCHANGED");
        }
    }

    /**
     * PNGs decode in GRAY mode to one channel: grey ones exactly, colour ones within one level of
     * {@code round(0.299 R + 0.587 G + 0.114 B)} (libpng's fixed-point conversion is off by one at times).
     */
    @Test
    public final void pngInGreyModeIsLumaWithinOneLevel() throws Exception {
        requireFormat(PNG);
        Image luma = Pixels.luma(CodecFixtures.photo(3));
        assertSamePixels(CodecFixtures.photo(1), decode(CodecFixtures.png(1), GRAY), "grey PNG in GRAY");
        assertSamePixels(luma, decode(CodecFixtures.png(2), GRAY), "grey + alpha PNG in GRAY");
        assertWithin(luma, decode(CodecFixtures.png(3), GRAY), 1, "RGB PNG in GRAY");
        assertWithin(luma, decode(CodecFixtures.png(4), GRAY), 1, "RGBA PNG in GRAY");
    }

    /**
     * 16-bit PNGs and TIFFs of every channel layout decode in UNCHANGED mode to uint16 samples equal
     * to the stored ones, as {@code cv2.IMREAD_UNCHANGED} keeps them (in RGB order, grey + alpha as
     * two channels): nothing is narrowed.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {PNG, TIFF})
    public final void sixteenBitSamplesStaySixteenBitInUnchangedMode(String format) throws Exception {
        requireFormat(format);
        for (int channels = 1; channels <= 4; channels++) {
            Image source = SixteenBitImages.gradient(67, 49, channels);
            byte[] encoded = sixteenBit(format, source);
            if (!decodesUnchanged(format, channels)) {
                assertThrows(UnsupportedImageException.class, () -> decode(encoded, UNCHANGED),
                        "a decoder that cannot keep a grey + alpha TIFF's alpha refuses it");
                continue;
            }
            assertSamePixels(source, decode(encoded, UNCHANGED), channels + "-channel 16-bit " + format + " in UNCHANGED");
        }
    }

    private boolean decodesUnchanged(String format, int channels) {
        return !(format.equals(TIFF) && channels == 2) || decodesGreyAlphaTiffUnchanged();
    }

    /**
     * In RGB and GRAY modes 16-bit samples are narrowed to 8 bits as {@code cv2.IMREAD_COLOR} and
     * {@code IMREAD_GRAYSCALE} narrow them: to the high byte, within one level (colour to grey within
     * two, the luma being taken at either depth).
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {PNG, TIFF})
    public final void sixteenBitSamplesNarrowToTheirHighByteInRgbAndGrayModes(String format) throws Exception {
        requireFormat(format);
        for (int channels = 1; channels <= 4; channels++) {
            Image source = SixteenBitImages.gradient(67, 49, channels);
            Image high = Pixels.highBytes(source);
            byte[] encoded = sixteenBit(format, source);
            Image rgb = channels <= 2 ? Pixels.greyToRgb(high) : Pixels.firstChannels(high, 3);
            assertWithin(rgb, decode(encoded, RGB), 1, channels + "-channel 16-bit " + format + " in RGB");
            Image grey = channels <= 2 ? Pixels.firstChannels(high, 1) : Pixels.luma(high);
            assertWithin(grey, decode(encoded, GRAY), channels <= 2 ? 1 : 2,
                    channels + "-channel 16-bit " + format + " in GRAY");
        }
    }

    /** A reduced or cut 16-bit decode in UNCHANGED mode stays 16-bit: block averages, and the rectangle of the full decode. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {PNG, TIFF})
    public final void sixteenBitReduceAndRegionKeepSixteenBits(String format) throws Exception {
        requireFormat(format);
        for (int channels = 1; channels <= 4; channels++) {
            Image source = SixteenBitImages.gradient(67, 49, channels);
            byte[] encoded = sixteenBit(format, source);
            if (!decodesUnchanged(format, channels)) {
                continue;
            }
            for (int factor : new int[] {2, 4, 8}) {
                assertSamePixels(Pixels.blockAverage(source, factor), decode(encoded, UNCHANGED.withReduce(factor)),
                        channels + "-channel 16-bit " + format + " reduced by " + factor);
            }
            Region region = new Region(9, 5, 31, 17);
            assertSamePixels(Pixels.crop(source, region), decode(encoded, UNCHANGED.withRegion(region)),
                    channels + "-channel 16-bit " + format + " region " + region);
        }
    }

    private static byte[] sixteenBit(String format, Image source) {
        return format.equals(PNG) ? SixteenBitImages.png(source) : SixteenBitImages.tiff(source);
    }

    /** The colour JPEG decodes to 3 channels close to its source, the same in RGB and UNCHANGED modes. */
    @Test
    public final void colourJpegIsCloseToTheSource() throws Exception {
        requireFormat(JPEG);
        Image rgb = decode(CodecFixtures.jpeg(3), RGB);
        assertMeanDifferenceAtMost(CodecFixtures.photo(3), rgb, jpegMeanErrorBound(), "RGB JPEG at q95 in RGB");
        assertSamePixels(rgb, decode(CodecFixtures.jpeg(3), UNCHANGED), "RGB JPEG in UNCHANGED vs in RGB");
        assertMeanDifferenceAtMost(Pixels.luma(CodecFixtures.photo(3)), decode(CodecFixtures.jpeg(3), GRAY),
                jpegGreyMeanErrorBound(), "RGB JPEG in GRAY vs the luma of its source");
    }

    /** The grey JPEG decodes to 1 channel close to its source; in RGB mode, that channel three times. */
    @Test
    public final void greyJpegIsCloseToTheSource() throws Exception {
        requireFormat(JPEG);
        Image grey = decode(CodecFixtures.jpeg(1), UNCHANGED);
        assertMeanDifferenceAtMost(CodecFixtures.photo(1), grey, jpegGreyMeanErrorBound(), "grey JPEG in UNCHANGED");
        assertSamePixels(grey, decode(CodecFixtures.jpeg(1), GRAY), "grey JPEG in GRAY vs in UNCHANGED");
        assertSamePixels(Pixels.greyToRgb(grey), decode(CodecFixtures.jpeg(1), RGB), "grey JPEG in RGB");
    }

    /**
     * Reducing by 2, 4 or 8 gives {@code ceil(width / r) x ceil(height / r)}, as OpenCV's
     * {@code IMREAD_REDUCED_*} does for JPEG, and samples close to the block average of the full
     * decode: PNG within {@link #losslessReduceTolerance()} (in RGB and GRAY), JPEG within
     * {@link #jpegReduceMeanErrorBound()} on average.
     */
    @ParameterizedTest(name = "reduce {0}")
    @ValueSource(ints = {2, 4, 8})
    public final void reducedDecodeHasRoundedUpSizeAndBlockAverages(int factor) throws Exception {
        for (String format : declaredFormats()) {
            byte[] encoded = encoded(format, 3);
            Image reduced = decode(encoded, RGB.withReduce(factor));
            assertEquals(Pixels.ceilDiv(WIDTH, factor) + "x" + Pixels.ceilDiv(HEIGHT, factor),
                    reduced.width() + "x" + reduced.height(), format + " reduced by " + factor);
            Image expected = Pixels.blockAverage(decode(encoded, RGB), factor);
            String what = format + " reduced by " + factor + " vs the block average of the full decode";
            if (format.equals(PNG)) {
                assertWithin(expected, reduced, losslessReduceTolerance(), what);
                assertWithin(Pixels.blockAverage(decode(encoded, GRAY), factor),
                        decode(encoded, GRAY.withReduce(factor)), losslessReduceTolerance(), what + " in GRAY");
            } else {
                assertMeanDifferenceAtMost(expected, reduced, jpegReduceMeanErrorBound(), what);
            }
        }
    }

    /** A region is the same rectangle of the full decode: exactly for PNG, at the corners too. */
    @Test
    public final void regionEqualsTheSameRectangleOfTheFullDecode() throws Exception {
        List<Region> regions = List.of(new Region(13, 7, 40, 30), new Region(0, 0, WIDTH, HEIGHT),
                new Region(WIDTH - 1, HEIGHT - 1, 1, 1), new Region(0, 20, WIDTH, 1));
        for (String format : declaredFormats()) {
            int channels = format.equals(PNG) ? 4 : 3;
            byte[] encoded = encoded(format, channels);
            Image full = decode(encoded, UNCHANGED);
            for (Region region : regions) {
                Image cut = decode(encoded, UNCHANGED.withRegion(region));
                String what = format + " region " + region;
                if (format.equals(PNG)) {
                    assertSamePixels(Pixels.crop(full, region), cut, what);
                } else {
                    assertMeanDifferenceAtMost(Pixels.crop(full, region), cut, jpegRegionMeanErrorBound(), what);
                }
            }
        }
    }

    /**
     * A region combined with a reduction is given in original-image coordinates and scaled with the
     * image: with corners on multiples of the factor, it is the block average of that rectangle.
     */
    @Test
    public final void regionAtReducedScaleIsScaledWithTheImage() throws Exception {
        Region region = new Region(16, 8, 48, 32);
        for (String format : declaredFormats()) {
            byte[] encoded = encoded(format, 3);
            Image cut = decode(encoded, RGB.withReduce(4).withRegion(region));
            Image expected = Pixels.blockAverage(Pixels.crop(decode(encoded, RGB), region), 4);
            String what = format + " region " + region + " reduced by 4";
            if (format.equals(PNG)) {
                assertWithin(expected, cut, losslessReduceTolerance(), what);
            } else {
                assertMeanDifferenceAtMost(expected, cut, jpegReduceMeanErrorBound(), what);
            }
        }
    }

    /**
     * With {@link DecodeOptions#withAutoReduce}, the decoder asks the limit about the image's size as
     * shown (after an EXIF orientation it applies, before one it ignores) and decodes exactly as with
     * the fixed {@code reduce} it answers.
     */
    @ParameterizedTest(name = "answer {0}")
    @ValueSource(ints = {1, 2, 4, 8})
    public final void autoReduceDecodesAsTheFixedReduceItsLimitAnswersForTheShownSize(int answer) throws Exception {
        for (String format : declaredFormats()) {
            List<String> asked = new ArrayList<>();
            ReduceLimit limit = (width, height) -> {
                asked.add(width + "x" + height);
                return answer;
            };
            byte[] encoded = encoded(format, 3);
            assertSamePixels(decode(encoded, RGB.withReduce(answer)), decode(encoded, RGB.withAutoReduce(limit)),
                    format + " with a limit answering " + answer);
            assertEquals(List.of(WIDTH + "x" + HEIGHT), asked, format + ": the sizes the limit was asked about");
        }
        if (formats().contains(JPEG)) {
            List<String> asked = new ArrayList<>();
            ReduceLimit limit = (width, height) -> {
                asked.add(width + "x" + height);
                return answer;
            };
            byte[] turned = TestImages.withExifOrientation(CodecFixtures.jpeg(3), 6);
            assertSamePixels(decode(turned, RGB.withReduce(answer)), decode(turned, RGB.withAutoReduce(limit)),
                    "JPEG with EXIF orientation 6 and a limit answering " + answer);
            DecodeOptions stored = RGB.withExifOrientation(false);
            assertSamePixels(decode(turned, stored.withReduce(answer)), decode(turned, stored.withAutoReduce(limit)),
                    "JPEG with EXIF orientation 6 ignored and a limit answering " + answer);
            assertEquals(List.of(HEIGHT + "x" + WIDTH, WIDTH + "x" + HEIGHT), asked,
                    "the sizes the limit was asked about: as shown, then as stored");
        }
    }

    /** A fixed reduction above 1, or a region, wins over the automatic reduction. */
    @Test
    public final void fixedReduceAndRegionWinOverAutoReduce() throws Exception {
        ReduceLimit eight = (width, height) -> 8;
        Region region = new Region(16, 8, 48, 32);
        for (String format : declaredFormats()) {
            byte[] encoded = encoded(format, 3);
            assertSamePixels(decode(encoded, RGB.withReduce(2)), decode(encoded, RGB.withReduce(2).withAutoReduce(eight)),
                    format + " reduced by 2 with a limit answering 8");
            assertSamePixels(decode(encoded, RGB.withRegion(region)),
                    decode(encoded, RGB.withRegion(region).withAutoReduce(eight)),
                    format + " region " + region + " with a limit answering 8");
        }
    }

    /** A limit that answers anything but 1, 2, 4 or 8 is refused with an IllegalStateException naming it. */
    @Test
    public final void autoReduceAnsweringAnythingButOneTwoFourOrEightIsRefused() {
        ReduceLimit three = new ReduceLimit() {
            @Override
            public int largestReduce(int width, int height) {
                return 3;
            }

            @Override
            public String toString() {
                return "always-three";
            }
        };
        for (String format : declaredFormats()) {
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> decode(encoded(format, 3), RGB.withAutoReduce(three)), format + " with a limit answering 3");
            assertTrue(refused.getMessage().contains("always-three") && refused.getMessage().contains("3"),
                    () -> "the message must name the limit and its answer: " + refused.getMessage());
        }
    }

    /** A region that does not lie wholly inside the image is refused, naming the region. */
    @Test
    public final void regionOutsideTheImageIsRefused() {
        List<Region> outside = List.of(new Region(WIDTH, 0, 1, 1), new Region(0, HEIGHT, 1, 1),
                new Region(WIDTH - 10, 5, 11, 5), new Region(0, 0, WIDTH, HEIGHT + 1));
        for (String format : declaredFormats()) {
            for (Region region : outside) {
                DecodeException refused = assertThrows(DecodeException.class,
                        () -> decode(encoded(format, 3), RGB.withRegion(region)), format + " region " + region);
                assertEquals("<bytes>", refused.source());
                assertTrue(refused.getMessage().contains(region.toString()),
                        () -> "the message must name the region " + region + ": " + refused.getMessage());
            }
        }
    }

    /**
     * An image with more pixels than {@link DecodeOptions#maxPixels()} is refused, naming the limit;
     * one with exactly that many decodes.
     */
    @Test
    public final void pixelLimitBelowTheImageSizeIsRefusedNamingTheLimit() throws Exception {
        long pixels = (long) WIDTH * HEIGHT;
        for (String format : declaredFormats()) {
            DecodeException refused = assertThrows(DecodeException.class,
                    () -> decode(encoded(format, 3), RGB.withMaxPixels(pixels - 1)), format + " over the pixel limit");
            assertNamesLimit(refused, pixels - 1);
            assertSameShape(CodecFixtures.photo(3), decode(encoded(format, 3), RGB.withMaxPixels(pixels)),
                    format + " at exactly the pixel limit");
        }
    }

    /**
     * A file whose header declares billions of pixels (100000 x 100000 PNG, 60000 x 60000 JPEG) is
     * refused under the default limit from its header, before any pixel buffer is allocated.
     */
    @Test
    public final void hugeDeclaredSizeIsRefusedFromTheHeader() {
        for (String format : declaredFormats()) {
            byte[] bomb = format.equals(PNG) ? CodecFixtures.pngDeclaring(100_000, 100_000)
                    : CodecFixtures.jpegDeclaring(60_000, 60_000);
            DecodeException refused = assertThrows(DecodeException.class, () -> decode(bomb, RGB),
                    format + " declaring billions of pixels");
            assertNamesLimit(refused, DecodeOptions.DEFAULT_MAX_PIXELS);
        }
    }

    private static void assertNamesLimit(DecodeException refused, long limit) {
        String digits = refused.getMessage().replaceAll("(?<=\\d)[,_' \u00a0\u202f](?=\\d{3})", "");
        assertTrue(digits.contains(Long.toString(limit)),
                () -> "the message must name the pixel limit " + limit + ": " + refused.getMessage());
    }

    /** Bytes that are no decodable image are refused with a DecodeException whose source is {@code <bytes>}. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.sluice.api.contract.CodecFixtures#undecodable")
    public final void undecodableBytesAreRefusedNamingBytesAsTheSource(byte[] encoded) {
        DecodeException refused = assertThrows(DecodeException.class, () -> decode(encoded, RGB));
        assertEquals("<bytes>", refused.source());
        assertTrue(refused.getMessage().startsWith("<bytes>: "), refused::getMessage);
    }

    /** The same bytes read from a file are refused with a DecodeException naming the file. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.sluice.api.contract.CodecFixtures#undecodable")
    public final void undecodableFilesAreRefusedNamingTheFile(byte[] encoded, @TempDir Path folder) throws Exception {
        Path file = Files.write(folder.resolve("photo.jpg"), encoded);
        DecodeException refused = assertThrows(DecodeException.class, () -> decoder().decode(file, RGB));
        assertEquals(file.toString(), refused.source());
        assertTrue(refused.getMessage().startsWith(file + ": "), refused::getMessage);
    }

    /** A missing file and a directory are refused with a DecodeException naming them. */
    @Test
    public final void missingFileAndDirectoryAreRefusedNamingThem(@TempDir Path folder) {
        Path missing = folder.resolve("missing.png");
        assertEquals(missing.toString(),
                assertThrows(DecodeException.class, () -> decoder().decode(missing, RGB)).source());
        assertEquals(folder.toString(),
                assertThrows(DecodeException.class, () -> decoder().decode(folder, RGB)).source());
    }

    /** Input in a format the decoder does not declare is refused with a DecodeException, not misread. */
    @Test
    public final void undeclaredFormatsAreRefused() {
        List<String> undeclared = List.of(PNG, JPEG).stream().filter(f -> !formats().contains(f)).toList();
        Assumptions.assumeFalse(undeclared.isEmpty(), "the decoder declares every format the contract has");
        for (String format : undeclared) {
            DecodeException refused = assertThrows(DecodeException.class, () -> decode(encoded(format, 3), RGB),
                    "a " + format + " file given to a decoder that does not declare " + format);
            assertEquals("<bytes>", refused.source());
        }
    }

    /**
     * Decoding reads from the buffer's position to its limit and moves neither, changes no byte,
     * and works on a read-only direct buffer (which has no backing array).
     */
    @Test
    public final void inputBufferIsLeftUntouchedAndMayBeAReadOnlyDirectSlice() throws Exception {
        for (String format : declaredFormats()) {
            byte[] encoded = encoded(format, 3);
            ByteBuffer heap = ByteBuffer.wrap(encoded);
            Image expected = decoder().decode(heap, UNCHANGED);
            assertEquals(0, heap.position(), format + ": position after decode");
            assertEquals(encoded.length, heap.limit(), format + ": limit after decode");
            assertArrayEquals(encoded(format, 3), encoded, format + ": input bytes after decode");

            ByteBuffer direct = ByteBuffer.allocateDirect(encoded.length + 20);
            direct.put(new byte[] {1, 2, 3, 4, 5, 6, 7}).put(encoded).put(new byte[13]);
            direct.position(7).limit(7 + encoded.length);
            ByteBuffer view = direct.asReadOnlyBuffer();
            assertSamePixels(expected, decoder().decode(view, UNCHANGED), format + " from a read-only direct slice");
            assertEquals(7, view.position(), format + ": position of the slice after decode");
            assertEquals(7 + encoded.length, view.limit(), format + ": limit of the slice after decode");
        }
    }

    /**
     * A JPEG's EXIF orientation (1 to 8) is applied by default, turning and mirroring the decoded
     * pixels exactly as a viewer shows them, and ignored when the options say so.
     */
    @ParameterizedTest(name = "orientation {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    public final void exifOrientationIsAppliedUnlessDisabled(int orientation) throws Exception {
        requireFormat(JPEG);
        Image stored = decode(CodecFixtures.jpeg(3), RGB);
        byte[] tagged = TestImages.withExifOrientation(CodecFixtures.jpeg(3), orientation);
        assertSamePixels(Pixels.orient(stored, orientation), decode(tagged, RGB), "EXIF orientation " + orientation);
        assertSamePixels(stored, decode(tagged, RGB.withExifOrientation(false)),
                "EXIF orientation " + orientation + " ignored");
    }

    /**
     * A region of an EXIF-oriented JPEG is given in the coordinates of the image as shown, and at
     * every reduction it is the same rectangle of the oriented, reduced whole decode: at reduced
     * scale the region covers every pixel its rectangle touches, columns {@code floor(x / r)} to
     * {@code ceil((x + w) / r)} and likewise rows.
     */
    @ParameterizedTest(name = "orientation {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    public final void regionOfAnOrientedJpegIsCutFromTheImageAsShownAtEveryReduction(int orientation) throws Exception {
        requireFormat(JPEG);
        byte[] tagged = TestImages.withExifOrientation(CodecFixtures.jpeg(3), orientation);
        int shownWidth = orientation >= 5 ? HEIGHT : WIDTH;
        int shownHeight = orientation >= 5 ? WIDTH : HEIGHT;
        List<Region> regions = List.of(new Region(3, 5, 30, 20), new Region(shownWidth - 17, shownHeight - 9, 17, 9),
                new Region(9, 0, 13, shownHeight), new Region(0, 0, shownWidth, shownHeight));
        for (int factor : new int[] {1, 2, 4, 8}) {
            Image whole = decode(tagged, RGB.withReduce(factor));
            for (Region region : regions) {
                int x0 = region.x() / factor;
                int y0 = region.y() / factor;
                int x1 = Math.min(whole.width(), Pixels.ceilDiv(region.x() + region.width(), factor));
                int y1 = Math.min(whole.height(), Pixels.ceilDiv(region.y() + region.height(), factor));
                Image expected = Pixels.crop(whole, new Region(x0, y0, x1 - x0, y1 - y0));
                assertMeanDifferenceAtMost(expected, decode(tagged, RGB.withReduce(factor).withRegion(region)),
                        jpegRegionMeanErrorBound(), "orientation " + orientation + ", region " + region + ", reduce " + factor);
            }
        }
    }

    /**
     * Real photographs (crops of Debian desktop backgrounds, see {@code photos/README.md}), in every
     * format the decoder declares, decode as {@code cv2.imread} decodes them: the same width, height
     * and channels exactly, and samples within {@link #referenceTolerance} of the reference's kind.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.sluice.api.contract.PhotoFixtures#references")
    public final void realPhotographsDecodeAsCv2ImreadDecodesThem(PhotoFixtures.Reference reference) throws Exception {
        Assumptions.assumeTrue(formats().contains(reference.format()), () -> "the decoder does not declare " + reference.format());
        Assumptions.assumeTrue(decodesKind(reference.kind()), () -> "the decoder refuses " + reference.kind() + " as unsupported");
        ImageAssertions.assertWithin(reference.expected(), decode(reference.encoded(), reference.options()),
                referenceTolerance(reference.kind()), reference.toString());
    }

    /**
     * A TIFF's Orientation tag (1 to 8) is applied once by default and ignored when the options say
     * so; TIFF is lossless, so both decodes are exact. (libtiff's RGBA interface, which OpenCV
     * uses, turns the image by itself: a backend on it must not turn it again, or must stop it.)
     */
    @ParameterizedTest(name = "orientation {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    public final void tiffOrientationIsAppliedOnceUnlessDisabled(int orientation) throws Exception {
        Assumptions.assumeTrue(formats().contains("tiff"), "the decoder does not declare tiff");
        byte[] tagged = CodecFixtures.tiffWithOrientation(orientation);
        assertSamePixels(CodecFixtures.photo(3), decode(tagged, RGB.withExifOrientation(false)),
                "TIFF orientation " + orientation + " ignored");
        assertSamePixels(Pixels.orient(CodecFixtures.photo(3), orientation), decode(tagged, RGB),
                "TIFF orientation " + orientation);
    }

    /**
     * Decoding into lent {@link DecodeBuffers}, from a file and from memory, gives the pixels of a
     * plain decode, image after image with the same buffers: sizes that shrink and grow (small after
     * large, large after small), every colour mode, reduced, cut to a region, and a JPEG turned by its
     * EXIF orientation. Nothing of an earlier image shows through, and each image is checked before
     * the buffers are lent again, which is all the time it is promised.
     */
    @Test
    public final void decodeBuffersGiveThePixelsOfAPlainDecodeImageAfterImage(@TempDir Path dir) throws Exception {
        for (String format : declaredFormats()) {
            DecodeBuffers buffers = new DecodeBuffers();
            List<byte[]> run = LentBuffers.run(format);
            for (DecodeOptions options : List.of(RGB, GRAY, UNCHANGED, RGB.withReduce(2),
                    RGB.withRegion(new Region(3, 2, 5, 4)))) {
                for (int i = 0; i < run.size(); i++) {
                    byte[] encoded = run.get(i);
                    Path file = Files.write(dir.resolve("image" + i + "." + format), encoded);
                    String what = format + " " + i + " of the run, " + options;
                    Image plain = decoder().decode(file, options);
                    assertSamePixels(plain, decoder().decode(file, options, buffers), what + ", from the file");
                    assertSamePixels(plain, decoder().decode(ByteBuffer.wrap(encoded), options, buffers),
                            what + ", from memory");
                }
            }
        }
    }

    /**
     * A file cut short, read into buffers that just held the whole file, decodes or fails exactly as
     * it does from fresh memory, strict or lenient: the decoder reads the bytes the file has, never
     * what a longer file left behind in the lent memory.
     */
    @Test
    public final void aFileCutShortAfterTheWholeOneDecodesAsFromFreshMemory(@TempDir Path dir) throws Exception {
        for (String format : declaredFormats()) {
            byte[] whole = LentBuffers.run(format).get(0);
            Path wholeFile = Files.write(dir.resolve("whole." + format), whole);
            for (int cut : new int[] {whole.length / 3, whole.length * 2 / 3, whole.length - 40}) {
                Path cutFile = Files.write(dir.resolve("cut" + cut + "." + format), Arrays.copyOf(whole, cut));
                for (DecodeOptions options : List.of(RGB, RGB.withStrict(false))) {
                    DecodeBuffers buffers = new DecodeBuffers();
                    decoder().decode(wholeFile, options, buffers);
                    LentBuffers.assertSameOutcome(LentBuffers.outcome(() -> decoder().decode(cutFile, options)),
                            LentBuffers.outcome(() -> decoder().decode(cutFile, options, buffers)),
                            format + " cut to " + cut + " of " + whole.length + " bytes, " + options);
                }
            }
        }
    }

    /** Four threads decoding the same inputs at once, with several options, get identical images. */
    @Test
    public final void decodingFromFourThreadsAtOnceGivesIdenticalResults() throws Exception {
        ImageDecoder shared = decoder();
        List<ConcurrentRuns.Task<Image>> tasks = new ArrayList<>();
        for (String format : declaredFormats()) {
            byte[] encoded = encoded(format, 3);
            Region region = new Region(5, 9, 50, 40);
            for (DecodeOptions options : List.of(RGB, GRAY, RGB.withReduce(2), RGB.withRegion(region))) {
                tasks.add(new ConcurrentRuns.Task<>(format + " " + options,
                        () -> shared.decode(ByteBuffer.wrap(encoded), options)));
            }
        }
        ConcurrentRuns.assertSameResultsOnThreads(tasks);
    }
}
