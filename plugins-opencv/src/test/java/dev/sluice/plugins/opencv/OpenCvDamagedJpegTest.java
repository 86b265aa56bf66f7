package dev.sluice.plugins.opencv;

import dev.sluice.api.contract.DamagedJpegContract;

/** The opencv decoder against JPEGs cut short, padded with zeros, or with a patched frame size. */
class OpenCvDamagedJpegTest extends DamagedJpegContract {

    @Override
    protected String providerId() {
        return "opencv";
    }
}
