package dev.sluice.core.shard;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A shard's bytes as the tar parser reads them: counted, so that every entry and every failure has
 * its offset; with the end of the file noted, to tell an archive cut short from a broken one; and
 * with a budget that {@link TarReader} sets while the parser reads one member's headers, so that a
 * header claiming a gigabyte of extended-header text fails at the budget instead of filling memory.
 */
final class CountingInput extends FilterInputStream {
    private long count;
    private long limit = Long.MAX_VALUE;
    private boolean atEnd;

    /** Thrown when a read would pass the budget. */
    static final class OverBudgetException extends IOException {
        private static final long serialVersionUID = 1L;

        OverBudgetException(long limit) {
            super("more than " + limit + " bytes");
        }
    }

    CountingInput(InputStream in) {
        super(in);
    }

    /** The bytes read so far. */
    long count() {
        return count;
    }

    /** Whether a read has met the end of the file. */
    boolean atEnd() {
        return atEnd;
    }

    /** Lets reads go on to offset {@code limit}, and fail past it; {@link Long#MAX_VALUE} for no limit. */
    void limitTo(long limit) {
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        if (count >= limit) {
            throw new OverBudgetException(limit);
        }
        int b = in.read();
        if (b < 0) {
            atEnd = true;
        } else {
            count++;
        }
        return b;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        if (length > 0 && count >= limit) {
            throw new OverBudgetException(limit);
        }
        int read = in.read(target, offset, (int) Math.min(length, limit - count));
        if (read < 0) {
            atEnd = true;
        } else {
            count += read;
        }
        return read;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = in.skip(Math.min(n, limit - count));
        count += skipped;
        return skipped;
    }
}
