package dev.sluice.examples.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;

/** The memory a benchmark reports: heap in use (sampled, the largest kept) and the process's peak resident set. */
final class Memory {
    private static final Path STATUS = Path.of("/proc/self/status");

    private final MemoryMXBean bean = ManagementFactory.getMemoryMXBean();
    private long peakHeapBytes;

    /** Notes the heap in use now; call it after each batch. */
    void sample() {
        peakHeapBytes = Math.max(peakHeapBytes, bean.getHeapMemoryUsage().getUsed());
    }

    /** The most heap seen in use by {@link #sample()}, in MiB. */
    double peakHeapMb() {
        return peakHeapBytes / (1024.0 * 1024.0);
    }

    /**
     * The process's peak resident set size in MiB ({@code VmHWM} of {@code /proc/self/status}), or
     * empty where there is no such file (outside Linux).
     *
     * @throws IOException when the file exists but cannot be read or has no well-formed VmHWM line
     */
    static OptionalDouble peakRssMb() throws IOException {
        if (!Files.isReadable(STATUS)) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(vmHwmKb(Files.readString(STATUS)) / 1024.0);
    }

    /**
     * The process's resident set size now in MiB ({@code VmRSS} of {@code /proc/self/status}), or
     * empty where there is no such file (outside Linux).
     *
     * @throws IOException when the file exists but cannot be read or has no well-formed VmRSS line
     */
    static OptionalDouble rssMb() throws IOException {
        if (!Files.isReadable(STATUS)) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(statusKb(Files.readString(STATUS), "VmRSS") / 1024.0);
    }

    /** The {@code VmHWM:   123456 kB} value of a {@code /proc/<pid>/status} text, in kB. */
    static long vmHwmKb(String status) throws IOException {
        return statusKb(status, "VmHWM");
    }

    /** The {@code NAME:   123456 kB} value of a {@code /proc/<pid>/status} text, in kB. */
    static long statusKb(String status, String name) throws IOException {
        String key = name + ":";
        for (String line : status.split("\n")) {
            if (line.startsWith(key)) {
                String value = line.substring(key.length()).trim();
                if (value.endsWith("kB")) {
                    try {
                        return Long.parseLong(value.substring(0, value.length() - 2).trim());
                    } catch (NumberFormatException e) {
                        throw new IOException(STATUS + ": " + name + " is not a number of kB: '" + line + "'", e);
                    }
                }
                throw new IOException(STATUS + ": " + name + " is not in kB: '" + line + "'");
            }
        }
        throw new IOException(STATUS + " has no " + name + " line");
    }
}
