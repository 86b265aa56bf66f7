package dev.sluice.plugins.turbojpeg;

import static org.bytedeco.leptonica.global.leptonica.L_JPEG_READ_LUMINANCE;
import static org.bytedeco.leptonica.global.leptonica.L_SEVERITY_NONE;
import static org.bytedeco.leptonica.global.leptonica.getImagelibVersions;
import static org.bytedeco.leptonica.global.leptonica.getLeptonicaVersion;
import static org.bytedeco.leptonica.global.leptonica.pixDestroy;
import static org.bytedeco.leptonica.global.leptonica.pixReadMemJpeg;
import static org.bytedeco.leptonica.global.leptonica.readHeaderMemJpeg;
import static org.bytedeco.leptonica.global.leptonica.setMsgSeverity;

import dev.sluice.api.ColorMode;
import dev.sluice.api.DecodeException;
import dev.sluice.api.spi.ImageHeader;
import dev.sluice.api.spi.Reductions;
import java.nio.ByteBuffer;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.leptonica.PIX;
import org.bytedeco.leptonica.global.leptonica;

/**
 * The libjpeg-turbo 3.0 (with SIMD) that org.bytedeco:leptonica links into its native library,
 * reached through Leptonica's {@code pixReadMemJpeg}: it needs nothing but Maven Central. Leptonica
 * decodes into a PIX of its own (32-bit words, or packed grey bytes), which {@link RasterCopy}
 * reads; it ignores EXIF, which the decoder applies. Without {@code L_JPEG_CONTINUE_WITH_BAD_DATA}
 * it returns no image when libjpeg warned of corrupt data while reading the rows, so a damaged file
 * is an error. Two limits, which the system path does not have: libjpeg's own messages go to the
 * process's standard error (libjpeg's default {@code output_message}, which Leptonica keeps; neither
 * {@code setMsgSeverity} nor Leptonica's stderr handler reaches it), and Leptonica counts warnings
 * before {@code jpeg_finish_decompress}, so one given only there (extra bytes before the end
 * marker) passes unseen. Under strict options {@code ImageHeader.read(encoded, options)} walks the
 * coded data of sequential scans in Java first and refuses such files. What can be checked in Java is checked before the call, so that files
 * refused for their header never reach libjpeg (truncation, the marker structure, lossless and
 * 12-bit processes), and an Adobe transform code libjpeg would warn of is corrected first
 * ({@link dev.sluice.api.spi.AdobeTransforms}): on the corpus of hard real-world files nothing reaches standard error.
 */
final class BundledLeptonica implements JpegCodec {
    private static final String BYTES = "<bytes>";
    private final String versions;
    private final ConcurrentLinkedQueue<BytePointer> idleInputs = new ConcurrentLinkedQueue<>();

    private BundledLeptonica(String versions) {
        this.versions = versions;
    }

    /**
     * Loads Leptonica's natives (JavaCPP copies them once into {@code ~/.javacpp/cache}) and
     * silences Leptonica's own messages, whose content the errors here carry instead.
     *
     * @throws UnsatisfiedLinkError or another linkage error when the platform's jar is missing or
     *         its libraries do not load
     */
    static BundledLeptonica load() {
        Loader.load(leptonica.class);
        setMsgSeverity(L_SEVERITY_NONE);
        return new BundledLeptonica("leptonica " + getLeptonicaVersion().getString() + ", "
                + getImagelibVersions().getString().trim());
    }

    @Override
    public Raster decode(ByteBuffer jpeg, ImageHeader header, int factor, ColorMode mode) throws DecodeException {
        ByteBuffer data = jpeg.slice();
        int size = data.remaining();
        BytePointer pooled = data.isDirect() || size > Scratch.KEPT_BYTES ? null : borrowInput(size);
        BytePointer source = pooled != null ? pooled : data.isDirect() ? new BytePointer(data) : new BytePointer(size);
        try {
            if (!data.isDirect()) {
                source.position(0).limit(size).asBuffer().put(data.duplicate());
            }
            int hint = mode == ColorMode.GRAY && !fourChannels(source, size) ? L_JPEG_READ_LUMINANCE : 0;
            PIX pix;
            int warnings;
            try (IntPointer warningCount = new IntPointer(1)) {
                pix = pixReadMemJpeg(source, size, 0, factor, warningCount, hint);
                warnings = warningCount.get();
            }
            if (pix == null || pix.isNull()) {
                throw new DecodeException(BYTES, "libjpeg-turbo (bundled in Leptonica) could not decode the JPEG: its "
                        + "entropy-coded data is corrupt or it uses a feature libjpeg refuses (libjpeg's own message, "
                        + "if any, went to standard error)");
            }
            if (warnings > 0) {
                // Warnings at the end of the data (extraneous bytes before the end marker) come after
                // Leptonica's own check: the pixels may be wrong, so they are refused here.
                pixDestroy(pix);
                throw new DecodeException(BYTES, "libjpeg-turbo (bundled in Leptonica) warned " + warnings
                        + " time(s) of corrupt JPEG data (libjpeg's message went to standard error); refused rather "
                        + "than returned with damaged pixels");
            }
            return raster(pix, header, factor);
        } finally {
            if (pooled != null) {
                idleInputs.add(pooled);
            } else if (!data.isDirect()) {
                source.close();
            }
        }
    }

    private BytePointer borrowInput(int size) {
        BytePointer input = idleInputs.poll();
        if (input != null && input.capacity() >= size) {
            return input;
        }
        if (input != null) {
            input.close();
        }
        return new BytePointer(Scratch.grown(size));
    }

    /** Whether the JPEG has four components (CMYK or YCCK), which libjpeg cannot turn into luminance. */
    private static boolean fourChannels(BytePointer source, int size) throws DecodeException {
        try (IntPointer values = new IntPointer(5)) {
            if (readHeaderMemJpeg(source, size, values, values.getPointer(1), values.getPointer(2), values.getPointer(3),
                    values.getPointer(4)) != 0) {
                throw new DecodeException(BYTES, "libjpeg-turbo (bundled in Leptonica) could not read the JPEG header");
            }
            return values.get(2) == 4;
        }
    }

    private static Raster raster(PIX pix, ImageHeader header, int factor) throws DecodeException {
        int width = pix.w();
        int height = pix.h();
        int depth = pix.d();
        int expectedWidth = Reductions.reducedLength(header.width(), factor);
        int expectedHeight = Reductions.reducedLength(header.height(), factor);
        if (width != expectedWidth || height != expectedHeight || (depth != 8 && depth != 32)) {
            pixDestroy(pix);
            throw new DecodeException(BYTES, "Leptonica decoded a " + width + "x" + height + " image of " + depth
                    + " bits per pixel where the JPEG header reader expects " + expectedWidth + "x" + expectedHeight);
        }
        long rowStride = 4L * pix.wpl();
        ByteBuffer bytes = new BytePointer(pix.data()).capacity(rowStride * height).asByteBuffer();
        return new Raster(bytes, width, height, Math.toIntExact(rowStride),
                depth == 32 ? RasterLayout.PIX_RGB : RasterLayout.PIX_GRAY, () -> pixDestroy(pix));
    }

    @Override
    public String describe() {
        return "bundled libjpeg-turbo in org.bytedeco:leptonica (" + versions + ")";
    }
}
