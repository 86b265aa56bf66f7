package dev.sluice.plugins.turbojpeg;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import dev.sluice.api.ColorMode;
import dev.sluice.api.DecodeException;
import dev.sluice.api.spi.ImageHeader;
import dev.sluice.api.spi.Reductions;
import java.nio.ByteBuffer;

/**
 * One TurboJPEG decompression handle and its scratch memory, used by one thread at a time. After
 * any failed call the handle is destroyed and made anew: a handle that failed once was seen to
 * answer the next header call with success and stale dimensions, and a decode sized from those
 * could write past its buffer. The dimensions are also checked against the Java header reader's
 * before every decode, so the output buffer is always sized from sizes two readers agree on.
 */
final class TurboJpegSession {
    private static final String BYTES = "<bytes>";
    private final Memory header = new Memory(16);
    private Pointer handle;
    private Memory input;
    private Memory output;

    TurboJpegSession() {
        handle = newHandle();
    }

    private static Pointer newHandle() {
        Pointer made = TurboJpegLibrary.tjInitDecompress();
        if (made == null) {
            throw new IllegalStateException("tjInitDecompress failed: out of memory");
        }
        return made;
    }

    /**
     * Decodes into the memory {@code target} gives, or else into this session's output memory; the
     * raster is valid until this session's next decode (or as long as the target's memory), and its
     * {@code close} runs {@code whenDone} (which hands the session back).
     *
     * @param target null to decode into this session's memory
     */
    Raster decode(ByteBuffer jpeg, ImageHeader expected, int factor, ColorMode mode, PixelTarget target,
            Runnable whenDone)
            throws DecodeException {
        ByteBuffer data = jpeg.slice();
        int size = data.remaining();
        Pointer source = source(data, size);
        NativeLong length = new NativeLong(size);
        header.clear();
        if (TurboJpegLibrary.tjDecompressHeader3(handle, source, length, header, header.share(4), header.share(8),
                header.share(12)) != 0) {
            throw failure("reading the JPEG header");
        }
        int width = header.getInt(0);
        int height = header.getInt(4);
        int colorspace = header.getInt(12);
        if (width != expected.width() || height != expected.height()) {
            reset();
            throw new DecodeException(BYTES, "libturbojpeg read a " + width + "x" + height + " frame where the JPEG "
                    + "header reader read " + expected.width() + "x" + expected.height() + "; refused rather than decoded");
        }
        boolean cmyk = colorspace == TurboJpegLibrary.CS_CMYK || colorspace == TurboJpegLibrary.CS_YCCK;
        RasterLayout layout = cmyk ? RasterLayout.CMYK
                : mode == ColorMode.GRAY || colorspace == TurboJpegLibrary.CS_GRAY ? RasterLayout.GRAY : RasterLayout.RGB;
        int pixelFormat = switch (layout) {
            case CMYK -> TurboJpegLibrary.PF_CMYK;
            case GRAY -> TurboJpegLibrary.PF_GRAY;
            default -> TurboJpegLibrary.PF_RGB;
        };
        int outWidth = Reductions.reducedLength(width, factor);
        int outHeight = Reductions.reducedLength(height, factor);
        int pitch = Math.multiplyExact(outWidth, layout.bytesPerPixel());
        long bytes = (long) pitch * outHeight;
        ByteBuffer lent = target == null ? null : target.memory(layout, outWidth, outHeight);
        if (lent != null) {
            if (!lent.isDirect() || lent.capacity() != bytes) {
                throw new IllegalStateException("a pixel target gave " + lent + " for " + bytes + " bytes of pixels");
            }
            decompress(source, length, Native.getDirectBufferPointer(lent), outWidth, pitch, outHeight, pixelFormat);
            return new Raster(lent, outWidth, outHeight, pitch, layout, whenDone);
        }
        Memory into = outputFor(bytes);
        decompress(source, length, into, outWidth, pitch, outHeight, pixelFormat);
        Runnable release = into == output ? whenDone : () -> {
            into.close();
            whenDone.run();
        };
        return new Raster(into.getByteBuffer(0, bytes), outWidth, outHeight, pitch, layout, release);
    }

    private void decompress(Pointer source, NativeLong length, Pointer into, int width, int pitch, int height,
            int pixelFormat) throws DecodeException {
        if (TurboJpegLibrary.tjDecompress2(handle, source, length, into, width, pitch, height, pixelFormat,
                TurboJpegLibrary.STRICT) != 0) {
            throw failure("decoding the JPEG");
        }
    }

    /** The input's address: a direct buffer where it lies, a heap buffer copied into scratch memory. */
    private Pointer source(ByteBuffer data, int size) {
        if (data.isDirect()) {
            return Native.getDirectBufferPointer(data);
        }
        if (size > Scratch.KEPT_BYTES) {
            Memory own = new Memory(size);
            own.getByteBuffer(0, size).put(data.duplicate());
            return own;
        }
        if (input == null || input.size() < size) {
            input = new Memory(Scratch.grown(size));
        }
        input.getByteBuffer(0, size).put(data.duplicate());
        return input;
    }

    private Memory outputFor(long bytes) {
        if (bytes > Scratch.KEPT_BYTES) {
            return new Memory(bytes);
        }
        if (output == null || output.size() < bytes) {
            output = new Memory(Scratch.grown(bytes));
        }
        return output;
    }

    /** libjpeg's reason, read before the handle that holds it is replaced. */
    private DecodeException failure(String step) {
        boolean warning = TurboJpegLibrary.tjGetErrorCode(handle) == 0;
        String reason = TurboJpegLibrary.tjGetErrorStr2(handle);
        reset();
        return new DecodeException(BYTES, "libturbojpeg failed " + step + ": " + reason
                + (warning ? " (a warning, refused as corrupt data)" : ""));
    }

    private void reset() {
        TurboJpegLibrary.tjDestroy(handle);
        handle = newHandle();
    }
}
