package dev.sluice.examples.cli;

import java.io.PrintStream;

/**
 * Progress of a loop over batches on stderr: on a terminal a bar that redraws its line (batches,
 * images/s, ETA), at most ten times a second; otherwise a plain line at each tenth of the way, so
 * that logs stay short.
 *
 * <p>Kept rather than {@code me.tongfei:progressbar} 0.10.1, measured on this machine with stderr
 * redirected to a file, as CI and {@code sluice bench --json > out} run it: the library redraws its
 * bar every update interval with carriage returns, ANSI colour codes and Unicode blocks into the
 * log (1.9 KB of escapes for a 3-second run of 20 steps at 100 ms, one line that grows without end
 * over an hour's epoch), where this class writes ten plain lines an epoch; it leaves its
 * {@code ProgressBar} refresh thread alive after {@code close()}, against the rule that nothing
 * outlives the command but {@code sluice-*} threads the loader stops; building its first bar takes
 * about 100 ms (a JLine terminal is opened to ask the width), on the path whose time to the first
 * batch {@code sluice bench} reports; and it brings jline-terminal and jline-native (450 KB, native
 * libraries for several platforms) for one line of text. It resolves from Maven Central and brings
 * no Kotlin; none of that outweighs the points above for a 100-line class.
 */
final class Progress {
    private static final long REDRAW_NANOS = 100_000_000L;
    private static final int BAR_WIDTH = 24;

    private final PrintStream err;
    private final boolean interactive;
    private final String label;
    private final long total;
    private final String unit;
    private final long start;
    private long lastDrawn = Long.MIN_VALUE;
    private long lastTenth;
    private boolean drawn;

    /**
     * @param label what is being done, e.g. {@code "epoch 0"}
     * @param total the number of batches expected, {@code >= 0}, or -1 when unknown (a stream of
     *        tar shards): then there is neither bar nor ETA
     */
    Progress(PrintStream err, boolean interactive, String label, long total) {
        this(err, interactive, label, total, "batches", System.nanoTime());
    }

    /**
     * As {@link #Progress(PrintStream, boolean, String, long)}, counting {@code unit} ("samples")
     * instead of batches, with rates measured from {@code startNanos} ({@link System#nanoTime()}).
     */
    Progress(PrintStream err, boolean interactive, String label, long total, String unit, long startNanos) {
        this.start = startNanos;
        this.err = err;
        this.interactive = interactive;
        this.label = label;
        this.total = total;
        this.unit = unit;
    }

    /** Records that {@code batches} batches holding {@code images} samples are done. */
    void update(long batches, long images) {
        long now = System.nanoTime();
        if (interactive) {
            if (now - lastDrawn >= REDRAW_NANOS || batches == total) {
                err.print("\r" + line(batches, images, now) + "\u001b[K");
                err.flush();
                lastDrawn = now;
                drawn = true;
            }
            return;
        }
        if (total < 0) {
            // Unknown length: a plain line every thousand, so that logs stay short.
            if (batches / 1000 > lastTenth) {
                lastTenth = batches / 1000;
                err.println(line(batches, images, now));
            }
            return;
        }
        long tenth = total == 0 ? 10 : batches * 10 / total;
        if (tenth > lastTenth) {
            lastTenth = tenth;
            err.println(line(batches, images, now));
        }
    }

    /** Ends the bar's line on a terminal; does nothing otherwise. */
    void finish() {
        if (interactive && drawn) {
            err.print("\r\u001b[K");
            err.flush();
        }
    }

    private String line(long batches, long images, long now) {
        double seconds = (now - start) / 1e9;
        double rate = seconds > 0 ? images / seconds : 0;
        StringBuilder text = new StringBuilder(label).append(' ');
        if (interactive && total >= 0) {
            int filled = total == 0 ? BAR_WIDTH : (int) (BAR_WIDTH * Math.min(batches, total) / total);
            text.append('[').append("#".repeat(filled)).append(".".repeat(BAR_WIDTH - filled)).append("] ");
        }
        text.append(batches).append(total >= 0 ? "/" + total : "").append(' ').append(unit).append(", ")
                .append(String.format("%.1f images/s", rate));
        if (batches > 0 && batches < total) {
            long eta = Math.round(seconds / batches * (total - batches));
            text.append(String.format(", ETA %d:%02d", eta / 60, eta % 60));
        }
        return text.toString();
    }
}
