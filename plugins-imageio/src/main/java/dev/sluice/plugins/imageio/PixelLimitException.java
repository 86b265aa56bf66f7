package dev.sluice.plugins.imageio;

import dev.sluice.api.DecodeException;

/**
 * A reader finds more pixels than {@link dev.sluice.api.DecodeOptions#maxPixels()}: a refusal of
 * the file whichever reader finds it, so that {@link JdkJpegReads} passes it on where it takes
 * every other failure of the JDK's reader as a reason to try TwelveMonkeys'.
 */
final class PixelLimitException extends DecodeException {
    private static final long serialVersionUID = 1L;

    PixelLimitException(String source, String reason) {
        super(source, reason);
    }
}
