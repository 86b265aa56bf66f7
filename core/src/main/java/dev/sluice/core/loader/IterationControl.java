package dev.sluice.core.loader;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Whether one iteration is still running, and what stops it. Kept apart from the iterator the
 * caller holds, so that the loader and a {@link java.lang.ref.Cleaner} can stop an abandoned
 * iteration without keeping its iterator reachable; worker jobs poll {@link #isClosed()}.
 */
final class IterationControl implements Runnable {
    private final AtomicBoolean closed = new AtomicBoolean();
    private final List<Runnable> closeActions = new CopyOnWriteArrayList<>();

    boolean isClosed() {
        return closed.get();
    }

    /** Adds an action to run when the iteration closes; actions run in the order they were added. */
    void onClose(Runnable action) {
        closeActions.add(action);
    }

    /** Closes the iteration: runs every close action once. Idempotent, callable from any thread. */
    void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        RuntimeException first = null;
        for (Runnable action : closeActions) {
            try {
                action.run();
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        // What the actions refer to (queues, streams, pools) need not outlive the iteration.
        closeActions.clear();
        if (first != null) {
            throw first;
        }
    }

    /** The {@link java.lang.ref.Cleaner} action: closes the iteration. */
    @Override
    public void run() {
        close();
    }
}
