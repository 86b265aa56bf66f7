package dev.sluice.plugins.turbojpeg;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;

/**
 * The TurboJPEG 2 decompression functions of the system's libturbojpeg, bound by JNA's direct
 * mapping (no reflection per call). Handles are not thread-safe; see {@link TurboJpegSession}.
 */
final class TurboJpegLibrary {
    /** TJPF_RGB, TJPF_GRAY and TJPF_CMYK of turbojpeg.h. */
    static final int PF_RGB = 0;
    static final int PF_GRAY = 6;
    static final int PF_CMYK = 11;
    /** TJCS_GRAY, TJCS_CMYK and TJCS_YCCK of turbojpeg.h. */
    static final int CS_GRAY = 2;
    static final int CS_CMYK = 3;
    static final int CS_YCCK = 4;
    /**
     * TJFLAG_STOPONWARNING (a warning, such as corrupt or missing data, fails the call instead of
     * returning grey rows) and TJFLAG_LIMITSCANS (a progressive JPEG of more than 500 scans, a
     * known way to make a small file take minutes, fails).
     */
    static final int STRICT = 8192 | 16384;

    private TurboJpegLibrary() {
    }

    /**
     * Binds the functions to {@code library}.
     *
     * @throws UnsatisfiedLinkError when one of them is missing (a TurboJPEG older than 2.0)
     */
    static void bind(NativeLibrary library) {
        Native.register(TurboJpegLibrary.class, library);
    }

    static native Pointer tjInitDecompress();

    static native int tjDecompressHeader3(Pointer handle, Pointer jpeg, NativeLong size, Pointer width, Pointer height,
            Pointer subsampling, Pointer colorspace);

    static native int tjDecompress2(Pointer handle, Pointer jpeg, NativeLong size, Pointer destination, int width,
            int pitch, int height, int pixelFormat, int flags);

    static native int tjDestroy(Pointer handle);

    static native String tjGetErrorStr2(Pointer handle);

    static native int tjGetErrorCode(Pointer handle);
}
