package dev.sluice.api;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.ShortBuffer;
import java.util.Arrays;

/**
 * A decoded image: samples interleaved height x width x channels (HWC), rows top to bottom, of one
 * {@linkplain #dtype() depth}: {@link DType#UINT8} (almost every image) or {@link DType#UINT16}
 * (16-bit PNG and TIFF decoded with {@link ColorMode#UNCHANGED}, as OpenCV's
 * {@code IMREAD_UNCHANGED} keeps them).
 *
 * <p>The 8-bit accessors ({@link #pixels()}, {@link #toArray()}, {@link #copyTo(byte[], int)})
 * refuse a 16-bit image with an {@link IllegalStateException} rather than hand out bytes that code
 * written for 8-bit samples would misread: code that handles both depths asks {@link #dtype()} and
 * reads 16-bit samples through {@link #copyTo(short[], int)} or {@link #sampleBytes()}.
 * {@link #get(int, int, int)} works at either depth.
 *
 * <p>Channel layouts: 1 = grey, 2 = grey + alpha, 3 = RGB, 4 = RGBA, always in that order (never
 * OpenCV's BGR). The pixel buffer may be on the heap or direct. An image is immutable through this
 * class: {@link #pixels()} is a read-only view, and whoever {@linkplain #wrap(int, int, int, byte[])
 * wraps} an array or buffer hands it over and must not write to it afterwards. Instances are safe to
 * share between threads once published.
 *
 * <pre>{@code
 * Image image = Image.wrap(2, 1, 3, new byte[] {(byte) 255, 0, 0, 0, 0, (byte) 255}); // red, blue
 * int blue = image.get(1, 0, 2);            // 255
 * Image deep = Image.wrapUint16(1, 1, 1, new short[] {(short) 65535});
 * int white = deep.get(0, 0, 0);            // 65535
 * }</pre>
 */
public final class Image {
    private final int width;
    private final int height;
    private final int channels;
    private final DType dtype;
    /** The samples; little-endian for uint16. */
    private final ByteBuffer pixels;

    private Image(int width, int height, int channels, DType dtype, ByteBuffer pixels) {
        this.width = width;
        this.height = height;
        this.channels = channels;
        this.dtype = dtype;
        this.pixels = pixels;
    }

    /**
     * Wraps an HWC array without copying it.
     *
     * @param width columns, {@code > 0}
     * @param height rows, {@code > 0}
     * @param channels 1 to 4
     * @param hwc exactly {@code width * height * channels} samples; ownership passes to the image
     * @throws IllegalArgumentException naming the argument and its value if a size is out of range
     *         or the array length does not match
     */
    public static Image wrap(int width, int height, int channels, byte[] hwc) {
        return wrap(width, height, channels, ByteBuffer.wrap(hwc));
    }

    /**
     * Wraps the remaining bytes of an HWC buffer (heap or direct) without copying them.
     *
     * @throws IllegalArgumentException naming the argument and its value if a size is out of range
     *         or the buffer's remaining length does not match
     */
    public static Image wrap(int width, int height, int channels, ByteBuffer hwc) {
        return wrap(DType.UINT8, width, height, channels, hwc);
    }

    /**
     * Wraps a 16-bit HWC array without copying it; each short is read unsigned (0 to 65535).
     *
     * @param hwc exactly {@code width * height * channels} samples; ownership passes to the image
     * @throws IllegalArgumentException naming the argument and its value if a size is out of range
     *         or the array length does not match
     */
    public static Image wrapUint16(int width, int height, int channels, short[] hwc) {
        ByteBuffer bytes = ByteBuffer.allocate(Math.multiplyExact(hwc.length, 2)).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asShortBuffer().put(hwc);
        return wrap(DType.UINT16, width, height, channels, bytes);
    }

    /**
     * Wraps the remaining bytes of an HWC buffer (heap or direct) without copying them, as samples
     * of {@code dtype}: one byte each for uint8, two little-endian bytes each for uint16.
     *
     * @param dtype {@link DType#UINT8} or {@link DType#UINT16}
     * @throws IllegalArgumentException naming the argument and its value if the dtype is another, a
     *         size is out of range, or the buffer's remaining length does not match
     */
    public static Image wrap(DType dtype, int width, int height, int channels, ByteBuffer hwc) {
        if (dtype != DType.UINT8 && dtype != DType.UINT16) {
            throw new IllegalArgumentException("dtype must be uint8 or uint16, was " + dtype);
        }
        requirePositive("width", width);
        requirePositive("height", height);
        if (channels < 1 || channels > 4) {
            throw new IllegalArgumentException("channels must be 1 to 4, was " + channels);
        }
        long expected = (long) width * height * channels * dtype.byteSize();
        if (hwc.remaining() != expected) {
            throw new IllegalArgumentException("a " + width + "x" + height + "x" + channels
                    + (dtype == DType.UINT8 ? "" : " " + dtype) + " image needs " + expected + " bytes, got "
                    + hwc.remaining());
        }
        return new Image(width, height, channels, dtype, hwc.slice().order(ByteOrder.LITTLE_ENDIAN));
    }

    /** Like {@link #wrap(int, int, int, byte[])}, but copies the array first. */
    public static Image copyOf(int width, int height, int channels, byte[] hwc) {
        return wrap(width, height, channels, hwc.clone());
    }

    private static void requirePositive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be > 0, was " + value);
        }
    }

    /** Columns, {@code > 0}. */
    public int width() {
        return width;
    }

    /** Rows, {@code > 0}. */
    public int height() {
        return height;
    }

    /** Samples per pixel: 1 grey, 2 grey + alpha, 3 RGB, 4 RGBA. */
    public int channels() {
        return channels;
    }

    /** The depth of every sample: {@link DType#UINT8} or {@link DType#UINT16}. */
    public DType dtype() {
        return dtype;
    }

    /** The bytes of the samples: {@code width * height * channels} times 1 (uint8) or 2 (uint16). */
    public int byteSize() {
        return pixels.capacity();
    }

    /**
     * A read-only view of the 8-bit HWC samples, positioned at 0; a new view on each call.
     *
     * @throws IllegalStateException if the samples are 16-bit (see the class description)
     */
    public ByteBuffer pixels() {
        requireEightBit("pixels()");
        return pixels.asReadOnlyBuffer();
    }

    /**
     * A read-only, little-endian view of the samples' bytes at either depth, positioned at 0; a new
     * view on each call. For code that passes samples through without reading them as levels
     * (writing a {@code .npy} file, filling a tensor of {@link #dtype()}).
     */
    public ByteBuffer sampleBytes() {
        return pixels.asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * One sample, unsigned: 0 to 255 for uint8, 0 to 65535 for uint16.
     *
     * @throws IndexOutOfBoundsException if a coordinate is outside the image
     */
    public int get(int x, int y, int channel) {
        if (x < 0 || x >= width || y < 0 || y >= height || channel < 0 || channel >= channels) {
            throw new IndexOutOfBoundsException("(" + x + ", " + y + ", " + channel + ") is outside a "
                    + width + "x" + height + "x" + channels + " image");
        }
        int at = (y * width + x) * channels + channel;
        return dtype == DType.UINT8 ? pixels.get(at) & 0xFF : pixels.getShort(2 * at) & 0xFFFF;
    }

    /**
     * Copies all 8-bit samples into {@code destination} starting at {@code offset}.
     *
     * @throws IndexOutOfBoundsException if they do not fit
     * @throws IllegalStateException if the samples are 16-bit
     */
    public void copyTo(byte[] destination, int offset) {
        requireEightBit("copyTo(byte[], int)");
        pixels.get(0, destination, offset, pixels.capacity());
    }

    /**
     * Copies all 16-bit samples into {@code destination} starting at {@code offset}; read each unsigned
     * ({@code s & 0xFFFF}).
     *
     * @throws IndexOutOfBoundsException if they do not fit
     * @throws IllegalStateException if the samples are 8-bit
     */
    public void copyTo(short[] destination, int offset) {
        if (dtype != DType.UINT16) {
            throw new IllegalStateException("copyTo(short[], int) reads 16-bit samples; " + this + " has uint8 samples");
        }
        ShortBuffer shorts = pixels.duplicate().order(ByteOrder.LITTLE_ENDIAN).asShortBuffer();
        shorts.get(0, destination, offset, shorts.capacity());
    }

    /**
     * A new array holding a copy of the 8-bit HWC samples.
     *
     * @throws IllegalStateException if the samples are 16-bit
     */
    public byte[] toArray() {
        byte[] out = new byte[pixels.capacity()];
        copyTo(out, 0);
        return out;
    }

    private void requireEightBit(String accessor) {
        if (dtype != DType.UINT8) {
            throw new IllegalStateException(accessor + " reads 8-bit samples; " + this + " has " + dtype
                    + " samples: code written for 8 bits must not narrow them; read them with copyTo(short[], int) "
                    + "or sampleBytes()");
        }
    }

    /** Equal when sizes, channel count, depth and every sample are equal. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Image that
                && width == that.width
                && height == that.height
                && channels == that.channels
                && dtype == that.dtype
                && pixels.equals(that.pixels);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(new int[] {width, height, channels, dtype.ordinal(), pixels.hashCode()});
    }

    /** The size, and the depth when it is not 8-bit: {@code Image[500x375x3]}, {@code Image[64x48x1 uint16]}. */
    @Override
    public String toString() {
        return "Image[" + width + "x" + height + "x" + channels + (dtype == DType.UINT8 ? "" : " " + dtype) + "]";
    }
}
