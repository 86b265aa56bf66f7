package dev.sluice.core.shard;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;

/**
 * Sequential, buffered reading from a channel that knows its absolute offset. Small reads (tar
 * headers) come from a buffer; large ones (member data) go straight into the caller's array.
 * Skipping seeks when the channel can, and reads past the bytes when it cannot (a channel over a
 * compressed entry of a zip file system, say).
 */
final class TarInput implements Closeable {
    private static final int BUFFER_SIZE = 64 * 1024;

    private final SeekableByteChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER_SIZE);
    /** The absolute offset of the buffer's first byte. */
    private long bufferStart;
    private boolean canSeek = true;

    /** Reads {@code channel} from its start (offset 0), skipping the first {@code start} bytes. */
    TarInput(SeekableByteChannel channel, long start) throws IOException {
        this.channel = channel;
        buffer.limit(0);
        if (start > 0 && skip(start) < start) {
            throw new IOException("the file has fewer than " + start + " bytes");
        }
    }

    /** The absolute offset of the next byte to be read. */
    long offset() {
        return bufferStart + buffer.position();
    }

    /**
     * Reads up to {@code length} bytes into {@code target}, fewer only at the end of the channel.
     *
     * @return the number read
     */
    int read(byte[] target, int offset, int length) throws IOException {
        int done = 0;
        int buffered = Math.min(buffer.remaining(), length);
        buffer.get(target, offset, buffered);
        done += buffered;
        if (done == length) {
            return done;
        }
        if (length - done >= BUFFER_SIZE) {
            long at = offset();
            ByteBuffer direct = ByteBuffer.wrap(target, offset + done, length - done);
            while (direct.hasRemaining()) {
                if (channel.read(direct) < 0) {
                    break;
                }
            }
            int read = direct.position() - (offset + done);
            done += read;
            bufferStart = at + read;
            buffer.clear().limit(0);
            return done;
        }
        while (done < length && fill()) {
            int more = Math.min(buffer.remaining(), length - done);
            buffer.get(target, offset + done, more);
            done += more;
        }
        return done;
    }

    /**
     * Moves {@code count} bytes ahead without reading them where the channel can seek.
     *
     * @return the number skipped, fewer than {@code count} only at the end of the channel
     */
    long skip(long count) throws IOException {
        if (count <= buffer.remaining()) {
            buffer.position(buffer.position() + (int) count);
            return count;
        }
        long target = offset() + count;
        if (canSeek) {
            long reachable = Math.min(target, channel.size());
            try {
                channel.position(reachable);
                bufferStart = reachable;
                buffer.clear().limit(0);
                return reachable - (target - count);
            } catch (UnsupportedOperationException e) {
                canSeek = false;
            }
        }
        long skipped = buffer.remaining();
        buffer.position(buffer.limit());
        while (skipped < count && fill()) {
            int more = (int) Math.min(buffer.remaining(), count - skipped);
            buffer.position(buffer.position() + more);
            skipped += more;
        }
        return skipped;
    }

    /** Refills an exhausted buffer; false at the end of the channel. */
    private boolean fill() throws IOException {
        bufferStart += buffer.limit();
        buffer.clear();
        int read = 0;
        while (read == 0) {
            read = channel.read(buffer);
        }
        buffer.flip();
        return read > 0;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
