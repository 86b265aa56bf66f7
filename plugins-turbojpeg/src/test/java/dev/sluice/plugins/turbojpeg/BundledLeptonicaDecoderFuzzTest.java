package dev.sluice.plugins.turbojpeg;

/** The bundled path against cut, bit-flipped, grown and shrunk JPEG and PNG files. */
class BundledLeptonicaDecoderFuzzTest extends TurboJpegFuzzContract {

    BundledLeptonicaDecoderFuzzTest() {
        super("bundled");
    }
}
