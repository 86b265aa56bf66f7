package dev.sluice.core.loader;

import dev.sluice.api.DecodeBuffers;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * A loader's decode buffers kept between its workers' lives. Without persistent workers each epoch
 * starts new worker threads; a worker takes buffers here when it starts and gives them back when it
 * ends, so the next epoch's workers decode into memory already grown to the dataset's files and
 * images instead of growing it again (on a set of 8.9 MB photographs, 1 + 2 + 4 + 9 MiB of large
 * arrays per worker and epoch, which G1 answered by growing the heap). A worker holds its buffers
 * alone from take to give-back, so two iterations running at once never share any; at most
 * {@code kept} are kept, as many as the loader has workers.
 */
final class SpareDecodeBuffers {
    private final BlockingQueue<DecodeBuffers> spare;

    /** @param kept at least 1 */
    SpareDecodeBuffers(int kept) {
        spare = new ArrayBlockingQueue<>(kept);
    }

    /** Buffers a worker that ended gave back, or new ones. */
    DecodeBuffers take() {
        DecodeBuffers buffers = spare.poll();
        return buffers != null ? buffers : new DecodeBuffers();
    }

    /** Keeps {@code buffers}, which the caller no longer uses, unless {@code kept} are kept already. */
    void giveBack(DecodeBuffers buffers) {
        spare.offer(buffers);
    }
}
