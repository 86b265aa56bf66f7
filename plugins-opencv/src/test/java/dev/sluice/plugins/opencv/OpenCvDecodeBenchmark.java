package dev.sluice.plugins.opencv;

import dev.sluice.api.Options;
import dev.sluice.api.contract.DecodeBenchmarks;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Not a test: single-thread decode throughput of the opencv backend on 500 x 375 JPEGs made from
 * the photographs in a folder (see {@link DecodeBenchmarks}). Run by hand:
 *
 * <pre>{@code
 * mvn -q -pl plugins-opencv exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.sluice.plugins.opencv.OpenCvDecodeBenchmark -Dexec.args=/path/to/photos
 * }</pre>
 */
final class OpenCvDecodeBenchmark {
    private OpenCvDecodeBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            throw new IllegalArgumentException("usage: OpenCvDecodeBenchmark PHOTO_DIR [COUNT]");
        }
        DecodeBenchmarks.run("opencv", new OpenCvDecoderProvider().create(Options.empty()), Path.of(args[0]),
                args.length > 1 ? Integer.parseInt(args[1]) : 200);
    }
}
