package dev.sluice.core.shard;

import dev.sluice.core.dataset.LabeledSample;
import dev.sluice.core.dataset.ResumableDataset;
import dev.sluice.core.dataset.SkippingStream;
import dev.sluice.core.shard.StreamPosition.Layout;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One worker's samples in one epoch: its share of the shards, read in turn, through the shuffle
 * buffer, decoded. It decodes one sample ahead, so that {@link #hasNext()} is true only when a
 * sample can be returned (under the skip policy a failing sample is passed over); the
 * {@link #position()} of a stream holding such a sample describes the state before it was drawn.
 * Used by one thread.
 *
 * <p>Its share is the shards {@link ShardAssignment} gives its layout, each read whole, unless a
 * position it is restored from carries one of its own ({@link ShardDataset#redistribute}): shard
 * remainders, each read from where it starts.
 */
final class ShardStream<T> implements ResumableDataset.PositionedIterator<LabeledSample<T>>, SkippingStream {
    private static final Logger LOG = LoggerFactory.getLogger(ShardStream.class);
    /** Skipped samples reported one by one; the rest are counted. */
    private static final int REPORTED_SKIPS = 10;

    private final ShardList shards;
    private final SampleDecoding.Reading<T> reading;
    private final long epoch;
    private final Layout layout;
    private int[] share;
    /** Per entry of the share, where its reading starts (0 and 0 for the whole shard); null when all are whole. */
    private StreamPosition.Samples starts;
    private final SampleBuffer<RawSample> buffer;
    private final boolean skipFailures;
    private final ShardDataset.Skips skips;
    private int cursor;
    private long cursorOffset;
    private long cursorOrdinal;
    private SampleReader reader;
    private long emitted;
    private LabeledSample<T> ready;
    private RawSample readyRaw;
    private int readyIndex;
    private long skippedHere;
    /** What was skipped since the loader last asked ({@link #takeSkipped()}). */
    private List<Skip> untaken = new ArrayList<>();
    private boolean closed;

    ShardStream(ShardList shards, SampleDecoding.Reading<T> reading, long epoch, Layout layout, int[] share,
            SampleBuffer<RawSample> buffer, boolean skipFailures, ShardDataset.Skips skips) {
        this.shards = shards;
        this.reading = reading;
        this.epoch = epoch;
        this.layout = layout;
        this.share = share;
        this.buffer = buffer;
        this.skipFailures = skipFailures;
        this.skips = skips;
    }

    /**
     * Continues from {@code position}.
     *
     * @throws IllegalArgumentException if the position belongs to another layout or shard list, or
     *         the shards changed since it was saved
     */
    void restore(StreamPosition position) {
        if (!position.layout().equals(layout)) {
            throw new IllegalArgumentException("the saved position belongs to " + position.layout() + "; this stream is "
                    + layout + ": resume with the same world size, rank and num_workers");
        }
        if (position.shardCount() != shards.size() || position.fingerprint() != shards.fingerprint()) {
            throw new IllegalArgumentException("the saved position belongs to a list of " + position.shardCount()
                    + " shards with other names; this dataset has " + shards.size());
        }
        if (position.share() != null) {
            share = position.share().shards();
            starts = position.share();
            for (int shard : share) {
                if (shard < 0 || shard >= shards.size()) {
                    throw new IllegalArgumentException("the saved position's share names shard " + shard + " of "
                            + shards.size());
                }
            }
        }
        if (position.cursor() < 0 || position.cursor() > share.length) {
            throw new IllegalArgumentException("the saved position is at shard " + position.cursor() + " of this "
                    + "worker's share, which has " + share.length);
        }
        try {
            for (RawSample sample : PositionRestore.buffered(position, shards)) {
                buffer.add(sample);
            }
            cursor = position.cursor();
            cursorOffset = position.offset();
            cursorOrdinal = position.ordinal();
            if (cursor < share.length && (cursorOffset > 0 || cursorOrdinal > 0)) {
                reader = PositionRestore.readerAt(shards, share[cursor], cursorOffset, cursorOrdinal);
            }
        } catch (IOException e) {
            throw new ShardException(shards.name(cursor < share.length ? share[cursor] : 0), null, -1,
                    "cannot be read to restore a saved position: " + e, e);
        }
        emitted = position.emitted();
    }

    @Override
    public boolean hasNext() {
        while (ready == null && !closed) {
            fill();
            if (buffer.isEmpty()) {
                finish();
                return false;
            }
            int index = buffer.choose(emitted);
            RawSample raw = buffer.removeAt(index);
            emitted++;
            try {
                ready = reading.read(raw, epoch);
                readyRaw = raw;
                readyIndex = index;
            } catch (ShardException e) {
                if (!skipFailures) {
                    throw e;
                }
                skipped(e, "sample");
            }
        }
        return ready != null;
    }

    @Override
    public LabeledSample<T> next() {
        if (!hasNext()) {
            throw new NoSuchElementException("the shard stream of " + layout + " has ended");
        }
        LabeledSample<T> sample = ready;
        ready = null;
        readyRaw = null;
        return sample;
    }

    /** Reads samples into the buffer until it is full or this worker's shards are done. */
    private void fill() {
        while (!buffer.isFull()) {
            RawSample raw = nextRaw();
            if (raw == null) {
                return;
            }
            buffer.add(raw);
        }
    }

    private RawSample nextRaw() {
        while (cursor < share.length) {
            int shard = share[cursor];
            try {
                if (reader == null) {
                    reader = cursorOffset > 0 || cursorOrdinal > 0
                            ? PositionRestore.readerAt(shards, shard, cursorOffset, cursorOrdinal)
                            : new SampleReader(shards.path(shard), shards.name(shard), shard);
                }
                RawSample raw = reader.next(true);
                if (raw != null) {
                    return raw;
                }
            } catch (IOException e) {
                failShard(new ShardException(shards.name(shard), null, -1, "cannot be read: " + e, e));
            } catch (ShardException e) {
                failShard(e);
            }
            closeReader();
            cursor++;
            cursorOffset = startOffset(cursor);
            cursorOrdinal = startOrdinal(cursor);
        }
        return null;
    }

    /** Where entry {@code index} of the share starts to be read; 0 past its end. */
    private long startOffset(int index) {
        return starts == null || index >= share.length ? 0 : starts.offsets()[index];
    }

    private long startOrdinal(int index) {
        return starts == null || index >= share.length ? 0 : starts.ordinals()[index];
    }

    private void failShard(ShardException e) {
        if (!skipFailures) {
            throw e;
        }
        skipped(e, "rest of the shard");
    }

    private void skipped(ShardException e, String what) {
        boolean sample = what.equals("sample");
        String source = e.shard() + e.member().map(member -> ": " + member).orElse("");
        untaken.add(new Skip(source, sample ? e.reason() : "the rest of the shard was skipped: " + e.reason()));
        skippedHere++;
        skips.count(what.equals("sample"));
        if (skippedHere <= REPORTED_SKIPS) {
            LOG.warn("{} (epoch {}): skipped the {}: {}", layout, epoch, what, e.getMessage());
        }
    }

    @Override
    public List<Skip> takeSkipped() {
        if (untaken.isEmpty()) {
            return List.of();
        }
        List<Skip> taken = untaken;
        untaken = new ArrayList<>();
        return taken;
    }

    @Override
    public String position() {
        int size = buffer.size() + (readyRaw != null ? 1 : 0);
        int[] bufferShards = new int[size];
        long[] offsets = new long[size];
        long[] ordinals = new long[size];
        for (int i = 0; i < size; i++) {
            RawSample raw = bufferedBeforeReady(i, size);
            bufferShards[i] = raw.shard();
            offsets[i] = raw.offset();
            ordinals[i] = raw.ordinal();
        }
        boolean atShardEnd = reader != null && reader.exhausted();
        int at = atShardEnd ? cursor + 1 : cursor;
        long offset = cursorOffset;
        long ordinal = cursorOrdinal;
        if (atShardEnd) {
            offset = startOffset(at);
            ordinal = startOrdinal(at);
        } else if (reader != null) {
            offset = reader.offset();
            ordinal = reader.ordinal();
        }
        return new StreamPosition(layout, shards.size(), shards.fingerprint(), at, offset, ordinal,
                readyRaw != null ? emitted - 1 : emitted, new StreamPosition.Samples(bufferShards, offsets, ordinals),
                starts).encode();
    }

    /** Buffer slot {@code i} as it was before the sample decoded ahead was drawn (see {@link SampleBuffer#putBack}). */
    private RawSample bufferedBeforeReady(int i, int size) {
        if (readyRaw == null) {
            return buffer.get(i);
        }
        if (i == readyIndex) {
            return readyRaw;
        }
        if (i == size - 1) {
            return buffer.get(readyIndex);
        }
        return buffer.get(i);
    }

    private void finish() {
        closeReader();
        if (skippedHere > REPORTED_SKIPS) {
            LOG.warn("{} (epoch {}): skipped {} samples or shard remainders in all", layout, epoch, skippedHere);
        }
    }

    private void closeReader() {
        if (reader != null) {
            SampleReader closing = reader;
            reader = null;
            try {
                closing.close();
            } catch (IOException e) {
                LOG.warn("{}: closing a shard failed", layout, e);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        ready = null;
        closeReader();
    }
}
