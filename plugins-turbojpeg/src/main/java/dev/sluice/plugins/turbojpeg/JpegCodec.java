package dev.sluice.plugins.turbojpeg;

import dev.sluice.api.ColorMode;
import dev.sluice.api.DecodeException;
import dev.sluice.api.spi.ImageHeader;
import java.nio.ByteBuffer;

/** One native libjpeg-turbo behind the decoder: the system's TurboJPEG, or the one bundled in Leptonica. */
interface JpegCodec {

    /**
     * Decodes the whole JPEG between {@code jpeg}'s position and limit (moving neither) at
     * {@code 1 / factor} of its size in the DCT domain, into a raster the caller closes. The data
     * has passed {@link ImageHeader#read}: its marker structure is complete, and {@code header}
     * gives the size the library must find too. Any warning from libjpeg (corrupt data) is an error, never grey pixels. Thread-safe.
     *
     * @param factor 1, 2, 4 or 8
     * @param mode GRAY asks for one channel; otherwise the raster is grey for a grey JPEG and
     *        colour for the rest
     * @throws DecodeException with source {@code "<bytes>"} and libjpeg's reason
     */
    Raster decode(ByteBuffer jpeg, ImageHeader header, int factor, ColorMode mode) throws DecodeException;

    /**
     * {@link #decode(ByteBuffer, ImageHeader, int, ColorMode)}, straight into the memory {@code target}
     * gives for the layout and size the codec finds, where it gives any; the raster is then over that
     * memory. The default decodes into the codec's own memory and never asks.
     */
    default Raster decode(ByteBuffer jpeg, ImageHeader header, int factor, ColorMode mode, PixelTarget target)
            throws DecodeException {
        return decode(jpeg, header, factor, mode);
    }

    /** Which library this is and where it came from, for {@code sluice plugins}. */
    String describe();
}
