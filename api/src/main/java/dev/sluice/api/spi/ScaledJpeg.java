package dev.sluice.api.spi;

import static dev.sluice.api.spi.Bytes.ascii;
import static dev.sluice.api.spi.Bytes.has;
import static dev.sluice.api.spi.Bytes.u16;
import static dev.sluice.api.spi.Bytes.u8;

import dev.sluice.api.ColorMode;
import dev.sluice.api.DecodeBuffers;
import dev.sluice.api.DecodeException;
import dev.sluice.api.DecodeOptions;
import dev.sluice.api.spi.JpegCoefficients.Component;
import dev.sluice.api.spi.JpegCoefficients.Frame;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * A sequential 8-bit JPEG (grey, or YCbCr with sampling factors whose ratios are 1 or 2) decoded at
 * 1/2, 1/4 or 1/8 in the DCT domain, and a progressive one at 1/8 where every component it shows
 * needs only its DC coefficient (grey, 4:4:4, 4:2:2, 4:4:0; not 4:2:0, whose chroma libjpeg-turbo
 * transforms at 2x2 from AC coefficients), as libjpeg-turbo scales (so cv2's {@code IMREAD_REDUCED_*},
 * PIL's {@code draft} and the turbojpeg backend): each block goes through a 4x4, 2x2 or 1x1 inverse
 * DCT ({@link ScaledIdct}), a subsampled chroma component through a transform twice that size
 * where both its ratios allow (4:2:0 chroma at 8x8, 4x4 and 2x2), otherwise upsampled by {@link
 * ComponentRows}; then libjpeg's YCbCr to RGB. The coefficients come from the strict walk of the
 * coded data ({@link JpegCoefficients}), so the data is read once and damage refused as the walk
 * refuses it. Memory: the reduced component planes and the output, nothing of full size.
 *
 * <p>For decoders of their own reduced decode (the imageio backend's), and for native backends whose
 * libjpeg, at 1/8, would entropy-decode a progressive frame's every AC scan into a whole-image
 * coefficient buffer to show its DC coefficients alone, and decode a sequential one's coded data a
 * second time after the strict walk ({@link #atOneEighth}). Instances
 * are made by this class only; the {@link JpegCoefficients.Blocks} methods are the walk's.
 */
public final class ScaledJpeg implements JpegCoefficients.Blocks {
    private final int scaledBlock;
    private final boolean lumaOnly;
    private final ScaledIdct idct = new ScaledIdct();
    private Frame frame;
    /** Per component: the size of its inverse DCT (0 when not needed), its plane and the plane's row length. */
    private int[] sizes;
    private byte[][] planes;
    private int[] strides;
    private boolean[] received;

    /** A sink for one decode: package-private, for the walk and the tests. */
    ScaledJpeg(int factor, boolean lumaOnly) {
        this.scaledBlock = 8 / factor;
        this.lumaOnly = lumaOnly;
    }

    /**
     * The image reduced by {@code factor} (2, 4 or 8), grey for a one-component frame or when
     * {@code lumaOnly}, RGB otherwise; null when the frame is not one this decodes (arithmetic-coded,
     * 12-bit, not 1 or 3 components, sampling ratios other than 1 and 2, progressive at 1/2 or 1/4
     * or with 4:2:0 chroma, a component no scan covers), the coded data having been checked by the
     * strict walk either way (a progressive frame's only when decoded here).
     *
     * @param encoded the whole JPEG, which {@code ImageHeader.read} has accepted (size, pixel limit)
     * @param lumaOnly whether to return the first component of a three-component frame alone
     * @param buffers lend the output's array; null for a new one
     * @throws DecodeException as the strict walk, for damaged data
     */
    public static Samples decode(ByteBuffer encoded, int factor, boolean lumaOnly, DecodeBuffers buffers)
            throws DecodeException {
        ScaledJpeg sink = new ScaledJpeg(factor, lumaOnly);
        if (!JpegCoefficients.decode(encoded, sink) || !sink.complete()) {
            return null;
        }
        return sink.pixels(buffers);
    }

    /**
     * The samples of a reduced decode, HWC, interleaved RGB or grey.
     *
     * @param width samples across
     * @param height rows
     * @param channels 3 (RGB) or 1 (grey)
     * @param array the samples at its start: {@code width * height * channels} bytes, in an array that
     *        may be longer when {@link DecodeBuffers} lent it
     */
    public record Samples(int width, int height, int channels, byte[] array) {
    }

    /**
     * What libjpeg-turbo shows of a JPEG decoded at 1/8, made from the coefficients its 1/8 inverse
     * DCTs read, in the strict walk that reads each of them once: for a sequential frame the same
     * samples as the strict walk followed by libjpeg's own decode, which entropy-decodes the whole
     * frame a second time (measured 12 to 26% slower on 3,640 to 3,840 pixel wide photographs); for a
     * progressive one the DC coefficients alone, where libjpeg entropy-decodes every AC scan into a
     * coefficient buffer of the whole image (55 MB for a 3,840 x 2,400 4:4:4 photograph, fresh memory
     * each time; 4 to 5 times slower). The AC scans are still walked and checked, as under strict
     * options. Null, having looked only at the markers before the first scan, when the JPEG is not
     * one this decodes as libjpeg would: not Huffman-coded 8-bit (SOF0, SOF1, SOF2), not 1 or 3
     * components, three components that libjpeg would not read as YCbCr (its rule in jdapimin.c: a
     * JFIF marker, else an Adobe marker's transform 1, else component ids other than R, G, B; a
     * transform other than 0 or 1 is left to libjpeg), a component whose sampling needs an upsampling
     * other than repeating samples twice (4:1:1), or a progressive one whose component needs its AC
     * coefficients at 1/8 (4:2:0 chroma); and null also where {@link #decode} answers null, having
     * then walked the coded data.
     *
     * @param encoded the whole JPEG, which {@code ImageHeader.read} has accepted (size, pixel limit)
     * @param lumaOnly whether to return the first component of a three-component frame alone, as
     *        libjpeg's grey output of YCbCr is
     * @param buffers lend the output's array; null for a new one
     * @throws DecodeException as the strict walk, for damaged data
     */
    public static Samples atOneEighth(ByteBuffer encoded, boolean lumaOnly, DecodeBuffers buffers)
            throws DecodeException {
        return readsAsLibjpegAtOneEighth(encoded.slice()) ? decode(encoded, 8, lumaOnly, buffers) : null;
    }

    /**
     * The strict walk as a decoder built on libjpeg makes it, once, before libjpeg decodes: under
     * strict options at 1/8 the samples {@link #atOneEighth} makes from it; otherwise, under strict
     * options, the walk alone ({@link JpegCoefficients#verify}), and null for libjpeg to decode; under
     * lenient options nothing, and null.
     *
     * @param encoded the whole JPEG, which {@code ImageHeader.read} has accepted (size, pixel limit)
     * @param factor the reduction the decoder chose
     * @param buffers lend the output's array; null for a new one
     * @throws DecodeException as the strict walk, for damaged data
     */
    public static Samples beforeLibjpeg(ByteBuffer encoded, int factor, DecodeOptions options, DecodeBuffers buffers)
            throws DecodeException {
        if (!options.strict()) {
            return null;
        }
        Samples samples = factor == 8 ? atOneEighth(encoded, options.mode() == ColorMode.GRAY, buffers) : null;
        if (samples == null) {
            JpegCoefficients.verify(encoded);
        }
        return samples;
    }

    /**
     * From the markers before the first scan: whether the frame is Huffman-coded, 8-bit, grey or
     * YCbCr as libjpeg reads it, with sampling factors {@link #begin} takes at 1/8, and, when
     * progressive, components that need only their DC coefficient there.
     */
    private static boolean readsAsLibjpegAtOneEighth(ByteBuffer data) {
        boolean jfif = false;
        int adobeTransform = -1;
        int frame = -1;
        int at = 2;
        while (true) {
            if (!has(data, at, 4) || u8(data, at) != 0xFF) {
                return false;
            }
            int marker = u8(data, at + 1);
            if (marker == 0xFF) {
                at++;
                continue;
            }
            if (marker == 0xDA) {
                break;
            }
            int length = u16(data, at + 2, true);
            if (marker == 0xD9 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7) || length < 2
                    || !has(data, at + 2, length)) {
                return false;
            }
            if (marker == 0xE0 && length >= 16 && ascii(data, at + 4, "JFIF\0")) {
                jfif = true;
            } else if (marker == 0xEE && length >= 14 && ascii(data, at + 4, "Adobe")) {
                adobeTransform = u8(data, at + 15);
            } else if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
                if (frame >= 0) {
                    return false;
                }
                frame = at;
            }
            at += 2 + length;
        }
        int process = frame < 0 ? -1 : u8(data, frame + 1) - 0xC0;
        if (process < 0 || process > 2 || u8(data, frame + 4) != 8) {
            return false;
        }
        int count = u8(data, frame + 9);
        if ((count != 1 && count != 3) || u16(data, frame + 2, true) < 8 + 3 * count) {
            return false;
        }
        if (count == 3 && !ycbcrToLibjpeg(jfif, adobeTransform, u8(data, frame + 10), u8(data, frame + 13),
                u8(data, frame + 16))) {
            return false;
        }
        int maxHorizontal = 1;
        int maxVertical = 1;
        for (int c = 0; c < count; c++) {
            int sampling = u8(data, frame + 11 + 3 * c);
            if (sampling >> 4 < 1 || sampling >> 4 > 4 || (sampling & 15) < 1 || (sampling & 15) > 4) {
                return false;
            }
            maxHorizontal = Math.max(maxHorizontal, sampling >> 4);
            maxVertical = Math.max(maxVertical, sampling & 15);
        }
        for (int c = 0; c < count; c++) {
            int sampling = u8(data, frame + 11 + 3 * c);
            int horizontal = sampling >> 4;
            int vertical = sampling & 15;
            int size = transformSize(maxHorizontal, maxVertical, horizontal, vertical, 1);
            // As begin at 1/8: whole ratios of 1 or 2 after the component's transform, repeated (no fancy upsampling).
            if (maxHorizontal % (horizontal * size) != 0 || maxVertical % (vertical * size) != 0
                    || maxHorizontal / (horizontal * size) > 2 || maxVertical / (vertical * size) > 2
                    || (process == 2 && size > 1)) {
                return false;
            }
        }
        return true;
    }

    /** libjpeg's reading of three components (jdapimin.c), where it is certain: YCbCr, not RGB, no warning. */
    private static boolean ycbcrToLibjpeg(boolean jfif, int adobeTransform, int firstId, int secondId, int thirdId) {
        if (jfif) {
            return true;
        }
        if (adobeTransform >= 0) {
            return adobeTransform == 1;
        }
        return !(firstId == 'R' && secondId == 'G' && thirdId == 'B');
    }

    @Override
    public boolean begin(Frame header) {
        List<Component> components = header.components();
        if (components.size() != 1 && components.size() != 3) {
            return false;
        }
        int count = lumaOnly ? 1 : components.size();
        sizes = new int[components.size()];
        planes = new byte[components.size()][];
        strides = new int[components.size()];
        received = new boolean[components.size()];
        for (int c = 0; c < count; c++) {
            Component component = components.get(c);
            int size = transformSize(header.maxHorizontal(), header.maxVertical(), component.horizontal(),
                    component.vertical(), scaledBlock);
            int across = header.maxHorizontal() * scaledBlock;
            int down = header.maxVertical() * scaledBlock;
            if (across % (component.horizontal() * size) != 0 || down % (component.vertical() * size) != 0) {
                return false;
            }
            int ratioAcross = across / (component.horizontal() * size);
            int ratioDown = down / (component.vertical() * size);
            boolean fancy = scaledBlock > 1;
            if (ratioAcross > 2 || ratioDown > 2 || (fancy && ratioAcross == 2 && ratioDown == 2)
                    || (header.progressive() && size > 1)) {
                return false;
            }
            long stride = (long) component.blockColumns() * size;
            long bytes = stride * component.blockRows() * size;
            if (bytes > Integer.MAX_VALUE - 16) {
                return false;
            }
            sizes[c] = size;
            strides[c] = (int) stride;
            planes[c] = new byte[(int) bytes];
        }
        frame = header;
        return true;
    }

    /**
     * libjpeg's choice (jdmaster.c): the reduced block size, doubled while the component's sampling
     * stays a whole multiple of it both ways, so that 4:2:0 chroma needs no upsampling.
     */
    private static int transformSize(int maxHorizontal, int maxVertical, int horizontal, int vertical, int scaledBlock) {
        int size = scaledBlock;
        while (size < 8 && (maxHorizontal * scaledBlock) % (horizontal * size * 2) == 0
                && (maxVertical * scaledBlock) % (vertical * size * 2) == 0) {
            size *= 2;
        }
        return size;
    }

    @Override
    public int coefficients(int component) {
        return switch (sizes[component]) {
            case 0 -> 0;
            case 1 -> 1;
            default -> 64;
        };
    }

    @Override
    public void block(int component, int row, int column, int[] coefficients) {
        int size = sizes[component];
        int stride = strides[component];
        idct.transform(size, coefficients, planes[component], row * size * stride + column * size, stride);
        received[component] = true;
    }

    private boolean complete() {
        for (int c = 0; c < sizes.length; c++) {
            if (sizes[c] != 0 && !received[c]) {
                return false;
            }
        }
        return true;
    }

    private Samples pixels(DecodeBuffers buffers) {
        int factor = 8 / scaledBlock;
        int width = ceilDiv(frame.width(), factor);
        int height = ceilDiv(frame.height(), factor);
        boolean colour = sizes.length == 3 && !lumaOnly;
        ComponentRows[] rows = new ComponentRows[colour ? 3 : 1];
        for (int c = 0; c < rows.length; c++) {
            rows[c] = rows(c);
        }
        int bytes = width * height * (colour ? 3 : 1);
        byte[] out = buffers == null ? new byte[bytes] : buffers.pixelArray(bytes);
        byte[][] samples = new byte[rows.length][];
        for (int c = 0; c < rows.length; c++) {
            samples[c] = new byte[rows[c].length()];
        }
        if (!colour) {
            for (int y = 0; y < height; y++) {
                rows[0].row(y, samples[0]);
                System.arraycopy(samples[0], 0, out, y * width, width);
            }
            return new Samples(width, height, 1, out);
        }
        for (int y = 0; y < height; y++) {
            for (int c = 0; c < 3; c++) {
                rows[c].row(y, samples[c]);
            }
            YccColours.toRgb(samples[0], samples[1], samples[2], width, out, y * width * 3);
        }
        return new Samples(width, height, 3, out);
    }

    /** The rows of component {@code c} at the output size, upsampled as libjpeg does at this scale. */
    private ComponentRows rows(int c) {
        Component component = frame.components().get(c);
        int size = sizes[c];
        int across = frame.maxHorizontal() * scaledBlock / (component.horizontal() * size);
        int down = frame.maxVertical() * scaledBlock / (component.vertical() * size);
        // The samples the component really has (libjpeg's downsampled_width and _height); the rest of its blocks is padding.
        int samplesAcross = (int) ceilDiv((long) frame.width() * component.horizontal() * size, frame.maxHorizontal() * 8L);
        int samplesDown = (int) ceilDiv((long) frame.height() * component.vertical() * size, frame.maxVertical() * 8L);
        return new ComponentRows(planes[c], strides[c], samplesAcross, samplesDown, across, down, scaledBlock > 1);
    }

    private static int ceilDiv(int value, int divisor) {
        return (value + divisor - 1) / divisor;
    }

    private static long ceilDiv(long value, long divisor) {
        return (value + divisor - 1) / divisor;
    }
}
