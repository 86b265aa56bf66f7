package dev.sluice.api;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Objects;

/**
 * An {@link ImageDecoder} that decodes into the memory a caller lends ({@link DecodeBuffers}), written
 * as one method: {@link #decode(ByteBuffer, DecodeOptions, DecodeBuffers)}, which takes the buffers
 * or null. The other forms come from it: a decode without buffers is that method given null, and a
 * file decoded with buffers is read into their reused file memory by {@link ImageDecoder#decodeFile}
 * and then decoded with them, its failures naming the file. A file decoded without buffers is read
 * as {@link ImageDecoder#decode(Path, DecodeOptions)} reads it and decoded with null.
 *
 * <pre>{@code
 * final class AcmeJpegDecoder extends BorrowingImageDecoder {
 *     public Image decode(ByteBuffer encoded, DecodeOptions options, DecodeBuffers buffers) throws DecodeException {
 *         ...
 *         byte[] pixels = buffers == null ? new byte[bytes] : buffers.pixelArray(bytes);
 *         ...
 *         return Image.wrap(width, height, channels, ByteBuffer.wrap(pixels, 0, bytes));
 *     }
 * }
 * }</pre>
 *
 * A decoder that must see the path of a file decoded with buffers (a cache keyed by path, say)
 * implements {@link ImageDecoder} itself instead.
 */
public abstract class BorrowingImageDecoder implements ImageDecoder {

    /** Keeps nothing: a subclass holds what it needs. */
    protected BorrowingImageDecoder() {
    }

    /** {@link #decode(ByteBuffer, DecodeOptions, DecodeBuffers)} with no buffers: the image has memory of its own. */
    @Override
    public final Image decode(ByteBuffer encoded, DecodeOptions options) throws DecodeException {
        return decode(encoded, options, null);
    }

    /**
     * Decodes as {@link ImageDecoder#decode(ByteBuffer, DecodeOptions, DecodeBuffers)} says, and also
     * without buffers: the subclass's one method, called by the other forms. Thread-safe, as every
     * decoder is.
     *
     * @param encoded the file's bytes, from position to limit; not modified, not kept
     * @param buffers lent for this call under {@link DecodeBuffers}' rule, never kept after it returns;
     *        or null, and then the image returned has memory of its own
     * @throws DecodeException as {@link ImageDecoder#decode(ByteBuffer, DecodeOptions)}
     */
    @Override
    public abstract Image decode(ByteBuffer encoded, DecodeOptions options, DecodeBuffers buffers)
            throws DecodeException;

    /**
     * {@link ImageDecoder#decodeFile}: the file read into {@code buffers} and decoded with them.
     *
     * @param buffers lent for this call; not null
     * @throws NullPointerException when {@code buffers} is null
     */
    @Override
    public final Image decode(Path file, DecodeOptions options, DecodeBuffers buffers) throws DecodeException {
        return ImageDecoder.decodeFile(this, file, options, Objects.requireNonNull(buffers, "buffers"));
    }
}
