package dev.sluice.plugins.turbojpeg;

import com.sun.jna.NativeLibrary;
import dev.sluice.api.ColorMode;
import dev.sluice.api.DecodeException;
import dev.sluice.api.spi.ImageHeader;
import java.io.File;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The system's libturbojpeg (Debian's {@code libturbojpeg0}, Homebrew's {@code jpeg-turbo},
 * libjpeg-turbo's own installers), called through JNA. It decodes straight into memory this
 * codec owns, silently (TurboJPEG keeps libjpeg's messages for {@code tjGetErrorStr2} instead of
 * printing them), and measured about twice as fast as the bundled path on one core. Sessions
 * (a handle and its scratch memory) are pooled: as many exist as threads have decoded at once.
 */
final class SystemTurboJpeg implements JpegCodec {
    /** The names to try, in order: JNA's own search for the library, then Debian's versioned file name. */
    private static final List<String> NAMES = List.of("turbojpeg", "libturbojpeg.so.0");

    private final String file;
    private final ConcurrentLinkedQueue<TurboJpegSession> idle = new ConcurrentLinkedQueue<>();

    private SystemTurboJpeg(String file) {
        this.file = file;
    }

    /**
     * Finds and binds the system library.
     *
     * @throws UnsatisfiedLinkError naming every name tried and why each failed, when none loads or
     *         the one found lacks the TurboJPEG 2 functions
     */
    static SystemTurboJpeg load() {
        StringBuilder tried = new StringBuilder();
        for (String name : NAMES) {
            NativeLibrary library;
            try {
                library = NativeLibrary.getInstance(name);
            } catch (UnsatisfiedLinkError e) {
                tried.append(tried.length() == 0 ? "" : "; ").append(name).append(": ").append(firstLine(e.getMessage()));
                continue;
            }
            TurboJpegLibrary.bind(library);
            File found = library.getFile();
            SystemTurboJpeg codec = new SystemTurboJpeg(found == null ? library.getName() : found.getPath());
            codec.idle.add(new TurboJpegSession());
            return codec;
        }
        throw new UnsatisfiedLinkError("no system libturbojpeg (" + tried + ")");
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "not found";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    @Override
    public Raster decode(ByteBuffer jpeg, ImageHeader header, int factor, ColorMode mode) throws DecodeException {
        return decode(jpeg, header, factor, mode, null);
    }

    /** @param target null to decode into the session's memory */
    @Override
    public Raster decode(ByteBuffer jpeg, ImageHeader header, int factor, ColorMode mode, PixelTarget target)
            throws DecodeException {
        TurboJpegSession session = idle.poll();
        if (session == null) {
            session = new TurboJpegSession();
        }
        TurboJpegSession used = session;
        try {
            return session.decode(jpeg, header, factor, mode, target, () -> idle.add(used));
        } catch (DecodeException | RuntimeException e) {
            idle.add(session);
            throw e;
        }
    }

    @Override
    public String describe() {
        return "system libturbojpeg (" + file + ") through JNA";
    }
}
