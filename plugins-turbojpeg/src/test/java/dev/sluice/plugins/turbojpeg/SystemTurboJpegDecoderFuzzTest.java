package dev.sluice.plugins.turbojpeg;

import net.jqwik.api.lifecycle.AddLifecycleHook;

/** The system path against cut, bit-flipped, grown and shrunk JPEG and PNG files; skipped without libturbojpeg. */
@AddLifecycleHook(SystemLibraryAssumption.class)
class SystemTurboJpegDecoderFuzzTest extends TurboJpegFuzzContract {

    SystemTurboJpegDecoderFuzzTest() {
        super("system");
    }
}
