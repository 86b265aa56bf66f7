package dev.sluice.api;

import dev.sluice.api.contract.ImageEncoderContract;
import dev.sluice.api.contract.TestImages;
import dev.sluice.api.spi.ImageEncoderProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs {@link ImageEncoderContract} against the reference PNG encoder, plus the JDK's JPEG writer
 * for the JPEG tests, with one fault each, and checks that exactly the contract tests about that
 * behaviour fail. The fault-free combination passes every test, JPEG ones included.
 */
class ImageEncoderContractFaultsTest {

    @Test
    void theFaultFreePngAndJpegEncoderPassesEveryTest() {
        ContractRuns.assertOnlyTheseFail(PngAndJdkJpeg.class);
    }

    @Test
    void droppingAlphaFailsThePngRoundTrips() {
        ContractRuns.assertOnlyTheseFail(DropsAlpha.class,
                "pngRoundTripIsExact",
                "greyAlphaPngRoundTripsExactlyOrIsRefused");
    }

    @Test
    void writingEveryFormatAsPngFailsTheUnsupportedFormatTest() {
        ContractRuns.assertOnlyTheseFail(WritesEveryFormatAsPng.class,
                "unsupportedFormatIsRefusedNamingIt");
    }

    @Test
    void ignoringTheJpegQualityFailsTheSizeTest() {
        ContractRuns.assertOnlyTheseFail(IgnoresJpegQuality.class,
                "lowerJpegQualityGivesASmallerFile");
    }

    @Test
    void writingJpegAtQuality30FailsTheRoundTripAndTheSizeTest() {
        ContractRuns.assertOnlyTheseFail(WritesJpegAtQuality30.class,
                "jpegRoundTripIsCloseToTheSource",
                "lowerJpegQualityGivesASmallerFile");
    }

    @Test
    void writingWithoutCreatingFoldersFailsTheWriteTest() {
        ContractRuns.assertOnlyTheseFail(DoesNotCreateFolders.class,
                "writeCreatesParentFoldersAndWritesTheEncodedImage");
    }

    /**
     * The reference PNG encoder, JPEG through the JDK's writer, and {@link #broken} on top; it and its
     * subclasses run only through {@link ContractRuns}.
     */
    @ExtendWith(ContractRuns.OnlyThroughContractRuns.class)
    static class PngAndJdkJpeg extends ImageEncoderContract {
        @Override
        protected String providerId() {
            return "jdk-png";
        }

        @Override
        protected Set<String> formats() {
            return Set.of("png", "jpeg");
        }

        @Override
        protected final ImageEncoder createEncoder(ImageEncoderProvider provider) {
            ImageEncoder png = provider.create(providerOptions());
            return broken((image, options) -> options.format().equals("jpeg")
                    ? TestImages.jpeg(image, options.quality()) : png.encode(image, options));
        }

        ImageEncoder broken(ImageEncoder correct) {
            return correct;
        }
    }

    static final class DropsAlpha extends PngAndJdkJpeg {
        @Override
        ImageEncoder broken(ImageEncoder correct) {
            return (image, options) -> {
                int kept = image.channels() == 2 || image.channels() == 4 ? image.channels() - 1 : image.channels();
                if (kept == image.channels()) {
                    return correct.encode(image, options);
                }
                byte[] samples = image.toArray();
                byte[] out = new byte[image.width() * image.height() * kept];
                for (int p = 0; p < image.width() * image.height(); p++) {
                    System.arraycopy(samples, p * image.channels(), out, p * kept, kept);
                }
                return correct.encode(Image.wrap(image.width(), image.height(), kept, out), options);
            };
        }
    }

    static final class WritesEveryFormatAsPng extends PngAndJdkJpeg {
        @Override
        ImageEncoder broken(ImageEncoder correct) {
            return (image, options) -> correct.encode(image,
                    options.format().equals("jpeg") ? options : EncodeOptions.png());
        }
    }

    static final class IgnoresJpegQuality extends PngAndJdkJpeg {
        @Override
        ImageEncoder broken(ImageEncoder correct) {
            return (image, options) -> correct.encode(image, new EncodeOptions(options.format(), 95));
        }
    }

    static final class WritesJpegAtQuality30 extends PngAndJdkJpeg {
        @Override
        ImageEncoder broken(ImageEncoder correct) {
            return (image, options) -> correct.encode(image, new EncodeOptions(options.format(), 30));
        }
    }

    static final class DoesNotCreateFolders extends PngAndJdkJpeg {
        @Override
        ImageEncoder broken(ImageEncoder correct) {
            return new ImageEncoder() {
                @Override
                public byte[] encode(Image image, EncodeOptions options) throws EncodeException {
                    return correct.encode(image, options);
                }

                @Override
                public void write(Image image, Path file, EncodeOptions options) throws EncodeException {
                    byte[] bytes = encode(image, options);
                    try {
                        Files.write(file, bytes);
                    } catch (IOException e) {
                        throw new EncodeException(file + ": cannot write: " + e, e);
                    }
                }
            };
        }
    }
}
