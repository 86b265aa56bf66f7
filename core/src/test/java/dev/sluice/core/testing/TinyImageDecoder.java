package dev.sluice.core.testing;

import dev.sluice.api.BorrowingImageDecoder;
import dev.sluice.api.ColorMode;
import dev.sluice.api.DecodeBuffers;
import dev.sluice.api.DecodeException;
import dev.sluice.api.DecodeOptions;
import dev.sluice.api.Image;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A decoder for a format made for these tests, since core has no real decoder: three bytes, width,
 * height and the value every sample is filled with. Grey when asked for grey, else RGB. Given
 * {@link DecodeBuffers}, it fills the array they lend, and counts it, noting which threads lent which
 * buffers.
 */
public final class TinyImageDecoder extends BorrowingImageDecoder {
    /** How many images were decoded into lent buffers. */
    public final AtomicInteger lent = new AtomicInteger();
    /** Each buffers object lent, with the name of every thread that lent it (one each, if used right). */
    public final Map<DecodeBuffers, Map<String, Boolean>> lenders = new ConcurrentHashMap<>();

    public static byte[] encode(int width, int height, int fill) {
        return new byte[] {(byte) width, (byte) height, (byte) fill};
    }

    @Override
    public Image decode(ByteBuffer encoded, DecodeOptions options, DecodeBuffers buffers) throws DecodeException {
        if (encoded.remaining() != 3) {
            throw new DecodeException("<bytes>", "not a tiny image: " + encoded.remaining() + " bytes, expected 3");
        }
        int width = encoded.get(encoded.position()) & 0xFF;
        int height = encoded.get(encoded.position() + 1) & 0xFF;
        if (width == 0 || height == 0) {
            throw new DecodeException("<bytes>", "a tiny image of " + width + "x" + height + " is empty");
        }
        int channels = options.mode() == ColorMode.GRAY ? 1 : 3;
        int bytes = width * height * channels;
        byte[] pixels = buffers == null ? new byte[bytes] : buffers.pixelArray(bytes);
        if (buffers != null) {
            lent.incrementAndGet();
            lenders.computeIfAbsent(buffers, b -> new ConcurrentHashMap<>()).put(Thread.currentThread().getName(), true);
        }
        Arrays.fill(pixels, 0, bytes, encoded.get(encoded.position() + 2));
        return Image.wrap(width, height, channels, ByteBuffer.wrap(pixels, 0, bytes));
    }
}
