package dev.sluice.examples.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** Runs the command in-process, as a shell would, and keeps what it printed. */
final class Cli {
    private Cli() {
    }

    /**
     * What one command line did.
     *
     * @param status the exit status
     * @param out everything printed to stdout
     * @param err everything printed to stderr
     */
    record Result(int status, String out, String err) {
        List<String> outLines() {
            return out.isEmpty() ? List.of() : List.of(out.split("\n"));
        }

        List<String> errLines() {
            return err.isEmpty() ? List.of() : List.of(err.split("\n"));
        }

        @Override
        public String toString() {
            return "exit " + status + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = Main.run(args, outStream, errStream, false);
        }
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The sample dataset's folder in the source tree, {@code examples/sample-data}. */
    static Path sampleData() {
        return Path.of(System.getProperty("sluice.sampleData", "../sample-data")).toAbsolutePath().normalize();
    }

    /** The demo configuration, {@code examples/sample-data/sluice.yaml}. */
    static String sampleConfig() {
        return sampleData().resolve("sluice.yaml").toString();
    }
}
