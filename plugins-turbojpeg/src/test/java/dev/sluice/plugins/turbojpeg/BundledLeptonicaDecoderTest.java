package dev.sluice.plugins.turbojpeg;

import dev.sluice.api.contract.Tolerance;

/**
 * The decoder contract for the turbojpeg backend on the libjpeg-turbo bundled in
 * org.bytedeco:leptonica ({@code library: bundled}), which every machine with Maven Central has.
 */
class BundledLeptonicaDecoderTest extends TurboJpegDecoderContract {

    BundledLeptonicaDecoderTest() {
        super("bundled");
    }

    /**
     * Leptonica converts CMYK to RGB itself, by PIL's rounding rather than cv2's: ladybird-cmyk.jpg
     * comes to a mean of 1.24 and a p99 of 2 from cv2 in its worst channel. Every other photograph
     * measures exact, full size and reduced: it is the same libjpeg-turbo IDCT and upsampling as cv2's.
     */
    @Override
    protected Tolerance referenceTolerance(String kind) {
        return kind.equals("jpeg") ? new Tolerance(1.5, 2) : Tolerance.EXACT;
    }
}
