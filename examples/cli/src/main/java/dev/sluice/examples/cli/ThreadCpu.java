package dev.sluice.examples.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The process's CPU time (user + system) by kind of thread, from {@code /proc/self/task/<tid>/stat}
 * (Linux, in clock ticks of 10 ms): what {@code sluice bench --cpu} reports per image, so that one
 * sees what the loader's workers, the thread that takes the batches, the collector and the JIT
 * compilers each cost. A thread that ended between two snapshots (a worker of a finished epoch) is
 * counted from the process's own total, as {@link Kind#ENDED}.
 */
final class ThreadCpu {
    private static final Path TASKS = Path.of("/proc/self/task");
    private static final Path PROCESS = Path.of("/proc/self/stat");
    /** USER_HZ, the unit of the times in stat files; 100 on every Linux this runs on. */
    private static final double SECONDS_PER_TICK = 0.01;

    /** Kinds of thread, by the name the JVM or Sluice gives them. */
    enum Kind {
        WORKERS("workers"), CONSUMER("consumer"), GC("gc"), JIT("jit"), OTHER("other"), ENDED("ended");

        final String key;

        Kind(String key) {
            this.key = key;
        }

        static Kind of(String name) {
            if (name.startsWith("sluice-worker")) {
                return WORKERS;
            }
            // The launcher's main thread keeps the process's name ("java"): the JVM names only the threads it starts.
            if (name.equals("main") || name.equals("java")) {
                return CONSUMER;
            }
            if (name.startsWith("GC Thread") || name.startsWith("G1 ")) {
                return GC;
            }
            if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
                return JIT;
            }
            return OTHER;
        }
    }

    private final Map<String, Long> threadTicks;
    private final Map<String, String> threadNames;
    private final long processTicks;

    private ThreadCpu(Map<String, Long> threadTicks, Map<String, String> threadNames, long processTicks) {
        this.threadTicks = threadTicks;
        this.threadNames = threadNames;
        this.processTicks = processTicks;
    }

    /** The CPU ticks of every thread now, or empty where there is no {@code /proc/self/task}. */
    static Optional<ThreadCpu> now() {
        if (!Files.isDirectory(TASKS)) {
            return Optional.empty();
        }
        Map<String, Long> ticks = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
            for (Path task : tasks) {
                try {
                    String id = task.getFileName().toString();
                    long spent = ticks(Files.readString(task.resolve("stat")));
                    names.put(id, Files.readString(task.resolve("comm")).strip());
                    ticks.put(id, spent);
                } catch (IOException ended) {
                    // A thread that ended while the folder was read: its files are gone, or reading them fails
                    // with ESRCH ("No such process", a plain IOException); the process total keeps its time.
                    if (Files.exists(task)) {
                        throw ended;
                    }
                }
            }
            return Optional.of(new ThreadCpu(ticks, names, ticks(Files.readString(PROCESS))));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the threads' CPU time in " + TASKS + ": " + e.getMessage(), e);
        }
    }

    /** utime + stime (fields 14 and 15) of a stat line, read after the name's closing parenthesis. */
    static long ticks(String stat) throws IOException {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).strip().split(" ");
        if (fields.length < 13) {
            throw new IOException("a stat line with " + fields.length + " fields after the name: '" + stat + "'");
        }
        try {
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (NumberFormatException e) {
            throw new IOException("a stat line whose utime or stime is not a number: '" + stat + "'", e);
        }
    }

    /**
     * The CPU seconds each kind of thread spent from {@code before} to this snapshot; threads that
     * ended meanwhile are {@link Kind#ENDED}, what the process spent beyond its live threads.
     */
    Map<Kind, Double> since(ThreadCpu before) {
        Map<Kind, Double> seconds = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            seconds.put(kind, 0.0);
        }
        long live = 0;
        for (Map.Entry<String, Long> thread : threadTicks.entrySet()) {
            long spent = thread.getValue() - before.threadTicks.getOrDefault(thread.getKey(), 0L);
            live += spent;
            seconds.merge(Kind.of(threadNames.get(thread.getKey())), spent * SECONDS_PER_TICK, Double::sum);
        }
        seconds.put(Kind.ENDED, Math.max(0, processTicks - before.processTicks - live) * SECONDS_PER_TICK);
        return seconds;
    }

    /** The whole process's CPU seconds (every thread, ended or not) from its start to this snapshot. */
    double processSeconds() {
        return processTicks * SECONDS_PER_TICK;
    }

    /** {@code seconds} as milliseconds per image, one JSON object with each kind and the total. */
    static String jsonPerImage(Map<Kind, Double> seconds, long images) {
        StringBuilder json = new StringBuilder("{");
        double total = 0;
        for (Map.Entry<Kind, Double> kind : seconds.entrySet()) {
            total += kind.getValue();
            json.append('"').append(kind.getKey().key).append("\": ")
                    .append(String.format(Locale.ROOT, "%.4f", 1000 * kind.getValue() / images)).append(", ");
        }
        return json.append(String.format(Locale.ROOT, "\"total\": %.4f}", 1000 * total / images)).toString();
    }
}
