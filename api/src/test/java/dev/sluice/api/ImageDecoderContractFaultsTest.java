package dev.sluice.api;

import dev.sluice.api.contract.ImageDecoderContract;
import dev.sluice.api.spi.ImageDecoderProvider;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs {@link ImageDecoderContract} against the reference PNG decoder with one fault each, and checks
 * that exactly the contract tests about that behaviour fail.
 */
class ImageDecoderContractFaultsTest {

    @Test
    void swappingRedAndBlueFailsTheExactPngTests() {
        ContractRuns.assertOnlyTheseFail(SwapsRedAndBlue.class,
                "pngDecodesExactlyInRgbMode",
                "pngDecodesExactlyInUnchangedMode",
                "realPhotographsDecodeAsCv2ImreadDecodesThem",
                "sixteenBitSamplesStaySixteenBitInUnchangedMode",
                "sixteenBitSamplesNarrowToTheirHighByteInRgbAndGrayModes",
                "sixteenBitReduceAndRegionKeepSixteenBits");
    }

    @Test
    void averagingTheChannelsForGreyFailsTheLumaTest() {
        ContractRuns.assertOnlyTheseFail(AveragesChannelsForGrey.class,
                "pngInGreyModeIsLumaWithinOneLevel",
                "realPhotographsDecodeAsCv2ImreadDecodesThem",
                "sixteenBitSamplesNarrowToTheirHighByteInRgbAndGrayModes");
    }

    @Test
    void ignoringReduceFailsTheReduceTests() {
        ContractRuns.assertOnlyTheseFail(IgnoresReduce.class,
                "reducedDecodeHasRoundedUpSizeAndBlockAverages",
                "regionAtReducedScaleIsScaledWithTheImage",
                "autoReduceDecodesAsTheFixedReduceItsLimitAnswersForTheShownSize",
                "fixedReduceAndRegionWinOverAutoReduce",
                "sixteenBitReduceAndRegionKeepSixteenBits");
    }

    @Test
    void keepingOnePixelPerBlockInsteadOfAveragingFailsTheReduceTests() {
        ContractRuns.assertOnlyTheseFail(KeepsOnePixelPerBlock.class,
                "reducedDecodeHasRoundedUpSizeAndBlockAverages",
                "regionAtReducedScaleIsScaledWithTheImage",
                "autoReduceDecodesAsTheFixedReduceItsLimitAnswersForTheShownSize",
                "fixedReduceAndRegionWinOverAutoReduce",
                "sixteenBitReduceAndRegionKeepSixteenBits");
    }

    @Test
    void ignoringTheAutomaticReductionFailsTheAutoReduceTests() {
        ContractRuns.assertOnlyTheseFail(IgnoresAutoReduce.class,
                "autoReduceDecodesAsTheFixedReduceItsLimitAnswersForTheShownSize",
                "autoReduceAnsweringAnythingButOneTwoFourOrEightIsRefused");
    }

    @Test
    void ignoringTheRegionFailsTheRegionTests() {
        ContractRuns.assertOnlyTheseFail(IgnoresRegion.class,
                "regionEqualsTheSameRectangleOfTheFullDecode",
                "regionAtReducedScaleIsScaledWithTheImage",
                "regionOutsideTheImageIsRefused",
                "fixedReduceAndRegionWinOverAutoReduce",
                "sixteenBitReduceAndRegionKeepSixteenBits");
    }

    @Test
    void checkingThePixelLimitOnlyAfterDecodingFailsTheHeaderTest() {
        ContractRuns.assertOnlyTheseFail(ChecksThePixelLimitAfterDecoding.class,
                "hugeDeclaredSizeIsRefusedFromTheHeader");
    }

    @Test
    void throwingUncheckedExceptionsFailsEveryRefusalTest() {
        ContractRuns.assertOnlyTheseFail(ThrowsUncheckedExceptions.class,
                "undecodableBytesAreRefusedNamingBytesAsTheSource",
                "undecodableFilesAreRefusedNamingTheFile",
                "regionOutsideTheImageIsRefused",
                "pixelLimitBelowTheImageSizeIsRefusedNamingTheLimit",
                "hugeDeclaredSizeIsRefusedFromTheHeader",
                "undeclaredFormatsAreRefused",
                "aFileCutShortAfterTheWholeOneDecodesAsFromFreshMemory");
    }

    @Test
    void narrowingSixteenBitSamplesInUnchangedModeFailsTheSixteenBitTests() {
        ContractRuns.assertOnlyTheseFail(NarrowsSixteenBits.class,
                "sixteenBitSamplesStaySixteenBitInUnchangedMode",
                "sixteenBitReduceAndRegionKeepSixteenBits",
                "realPhotographsDecodeAsCv2ImreadDecodesThem");
    }

    @Test
    void movingTheBufferPositionFailsTheBufferTest() {
        ContractRuns.assertOnlyTheseFail(MovesTheBufferPosition.class,
                "inputBufferIsLeftUntouchedAndMayBeAReadOnlyDirectSlice");
    }

    @Test
    void forgettingTheFileNameFailsTheFileTest() {
        ContractRuns.assertOnlyTheseFail(ForgetsTheFileName.class,
                "undecodableFilesAreRefusedNamingTheFile");
    }

    @Test
    void leavingZeroSamplesUnwrittenInLentMemoryFailsTheLentBufferTest() {
        ContractRuns.assertOnlyTheseFail(SkipsZeroSamplesInLentMemory.class,
                "decodeBuffersGiveThePixelsOfAPlainDecodeImageAfterImage");
    }

    @Test
    void readingPastTheBytesOfALentFileFailsTheCutFileTest() {
        ContractRuns.assertOnlyTheseFail(ReadsPastTheEndOfALentFile.class,
                "aFileCutShortAfterTheWholeOneDecodesAsFromFreshMemory");
    }

    /** The reference decoder with one fault; the fault classes below run only through {@link ContractRuns}. */
    @ExtendWith(ContractRuns.OnlyThroughContractRuns.class)
    abstract static class BrokenPngDecoder extends ImageDecoderContract {
        @Override
        protected String providerId() {
            return "jdk-png";
        }

        @Override
        protected Set<String> formats() {
            return Set.of("png");
        }

        @Override
        protected final ImageDecoder createDecoder(ImageDecoderProvider provider) {
            return broken(provider.create(providerOptions()));
        }

        abstract ImageDecoder broken(ImageDecoder correct);
    }

    static final class SwapsRedAndBlue extends BrokenPngDecoder {
        @Override
        ImageDecoder broken(ImageDecoder correct) {
            return (encoded, options) -> {
                Image image = correct.decode(encoded, options);
                byte[] samples = image.toArray();
                for (int i = 0; image.channels() >= 3 && i < samples.length; i += image.channels()) {
                    byte red = samples[i];
                    samples[i] = samples[i + 2];
                    samples[i + 2] = red;
                }
                return Image.wrap(image.width(), image.height(), image.channels(), samples);
            };
        }
    }

    static final class NarrowsSixteenBits extends BrokenPngDecoder {
        @Override
        ImageDecoder broken(ImageDecoder correct) {
            return (encoded, options) -> {
                Image image = correct.decode(encoded, options);
                if (image.dtype() != DType.UINT16) {
                    return image;
                }
                byte[] high = new byte[image.width() * image.height() * image.channels()];
                for (int i = 0; i < high.length; i++) {
                    int pixel = i / image.channels();
                    high[i] = (byte) (image.get(pixel % image.width(), pixel / image.width(), i % image.channels()) >> 8);
                }
                return Image.wrap(image.width(), image.height(), image.channels(), high);
            };
        }
    }

    static final class AveragesChannelsForGrey extends BrokenPngDecoder {
        @Override
        ImageDecoder broken(ImageDecoder correct) {
            return (encoded, options) -> {
                if (options.mode() != ColorMode.GRAY) {
                    return correct.decode(encoded, options);
                }
                Image rgb = correct.decode(encoded, options.withMode(ColorMode.RGB));
                byte[] samples = rgb.toArray();
                byte[] grey = new byte[rgb.width() * rgb.height()];
                for (int p = 0; p < grey.length; p++) {
                    int sum = (samples[3 * p] & 0xFF) + (samples[3 * p + 1] & 0xFF) + (samples[3 * p + 2] & 0xFF);
                    grey[p] = (byte) (sum / 3);
                }
                return Image.wrap(rgb.width(), rgb.height(), 1, grey);
            };
        }
    }

    static final class IgnoresReduce extends BrokenPngDecoder {
        @Override
        ImageDecoder broken(ImageDecoder correct) {
            return (encoded, options) -> correct.decode(encoded, options.withReduce(1));
        }
    }

    static final class KeepsOnePixelPerBlock extends BrokenPngDecoder {
        @Override
        ImageDecoder broken(ImageDecoder correct) {
            return (encoded, options) -> {
                Image full = correct.decode(encoded, options.withReduce(1));
                int r = options.reduce();
                int w = (full.width() + r - 1) / r;
                int h = (full.height() + r - 1) / r;
                int n = full.channels();
                ByteBuffer out = ByteBuffer.allocate(w * h * n * full.dtype().byteSize()).order(ByteOrder.LITTLE_ENDIAN);
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        for (int c = 0; c < n; c++) {
                            int level = full.get(x * r, y * r, c);
                            if (full.dtype() == DType.UINT16) {
                                out.putShort((short) level);
                            } else {
                                out.put((byte) level);
                            }
                        }
                    }
                }
                return Image.wrap(full.dtype(), w, h, n, out.flip());
            };
        }
    }

    static final class IgnoresAutoReduce extends BrokenPngDecoder {
        @Override
        ImageDecoder broken(ImageDecoder correct) {
            return (encoded, options) -> correct.decode(encoded, options.withAutoReduce(ReduceLimit.NONE));
        }
    }

    static final class IgnoresRegion extends BrokenPngDecoder {
        @Override
        ImageDecoder broken(ImageDecoder correct) {
            return (encoded, options) -> correct.decode(encoded, options.withRegion(null));
        }
    }

    static final class ChecksThePixelLimitAfterDecoding extends BrokenPngDecoder {
        @Override
        ImageDecoder broken(ImageDecoder correct) {
            return (encoded, options) -> {
                Image image = correct.decode(encoded, options.withMaxPixels(Long.MAX_VALUE));
                if ((long) image.width() * image.height() > options.maxPixels()) {
                    throw new DecodeException("<bytes>", image + " is more than the limit of " + options.maxPixels());
                }
                return image;
            };
        }
    }

    static final class ThrowsUncheckedExceptions extends BrokenPngDecoder {
        @Override
        ImageDecoder broken(ImageDecoder correct) {
            return (encoded, options) -> {
                try {
                    return correct.decode(encoded, options);
                } catch (DecodeException e) {
                    throw new IllegalStateException(e.getMessage(), e);
                }
            };
        }
    }

    static final class MovesTheBufferPosition extends BrokenPngDecoder {
        @Override
        ImageDecoder broken(ImageDecoder correct) {
            return (encoded, options) -> {
                byte[] bytes = new byte[encoded.remaining()];
                encoded.get(bytes);
                return correct.decode(ByteBuffer.wrap(bytes), options);
            };
        }
    }

    static final class ForgetsTheFileName extends BrokenPngDecoder {
        @Override
        ImageDecoder broken(ImageDecoder correct) {
            return new ImageDecoder() {
                @Override
                public Image decode(ByteBuffer encoded, DecodeOptions options) throws DecodeException {
                    return correct.decode(encoded, options);
                }

                @Override
                public Image decode(Path file, DecodeOptions options) throws DecodeException {
                    byte[] bytes;
                    try {
                        bytes = Files.readAllBytes(file);
                    } catch (IOException e) {
                        throw new DecodeException(file.toString(), "cannot be read", e);
                    }
                    return decode(ByteBuffer.wrap(bytes), options);
                }
            };
        }
    }

    /** Writes into lent memory as if it were new, all zeros: a zero sample is left as it was found. */
    static final class SkipsZeroSamplesInLentMemory extends BrokenPngDecoder {
        @Override
        ImageDecoder broken(ImageDecoder correct) {
            return new BorrowingImageDecoder() {
                @Override
                public Image decode(ByteBuffer encoded, DecodeOptions options, DecodeBuffers buffers)
                        throws DecodeException {
                    Image image = correct.decode(encoded, options);
                    if (buffers == null || image.dtype() != DType.UINT8) {
                        return image;
                    }
                    byte[] samples = image.toArray();
                    byte[] lent = buffers.pixelArray(samples.length);
                    for (int i = 0; i < samples.length; i++) {
                        if (samples[i] != 0) {
                            lent[i] = samples[i];
                        }
                    }
                    return Image.wrap(image.width(), image.height(), image.channels(),
                            ByteBuffer.wrap(lent, 0, samples.length));
                }
            };
        }
    }

    /** Decodes the whole array behind a lent file buffer, past the bytes the file has. */
    static final class ReadsPastTheEndOfALentFile extends BrokenPngDecoder {
        @Override
        ImageDecoder broken(ImageDecoder correct) {
            return new ImageDecoder() {
                @Override
                public Image decode(ByteBuffer encoded, DecodeOptions options) throws DecodeException {
                    return correct.decode(encoded, options);
                }

                @Override
                public Image decode(Path file, DecodeOptions options, DecodeBuffers buffers) throws DecodeException {
                    ByteBuffer bytes;
                    try {
                        bytes = buffers.read(file);
                    } catch (IOException e) {
                        throw new DecodeException(file.toString(), "cannot be read", e);
                    }
                    return correct.decode(ByteBuffer.wrap(bytes.array()), options);
                }
            };
        }
    }
}
