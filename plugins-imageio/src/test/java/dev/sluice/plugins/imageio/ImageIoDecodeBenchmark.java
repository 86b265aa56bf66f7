package dev.sluice.plugins.imageio;

import dev.sluice.api.Options;
import dev.sluice.api.contract.DecodeBenchmarks;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Not a test: single-thread decode throughput of the imageio backend on 500 x 375 JPEGs made from
 * the photographs in a folder (see {@link DecodeBenchmarks}). Run by hand:
 *
 * <pre>{@code
 * mvn -q -pl plugins-imageio exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.sluice.plugins.imageio.ImageIoDecodeBenchmark -Dexec.args=/path/to/photos
 * }</pre>
 */
final class ImageIoDecodeBenchmark {
    private ImageIoDecodeBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            throw new IllegalArgumentException("usage: ImageIoDecodeBenchmark PHOTO_DIR [COUNT]");
        }
        DecodeBenchmarks.run("imageio", new ImageIoDecoderProvider().create(Options.empty()), Path.of(args[0]),
                args.length > 1 ? Integer.parseInt(args[1]) : 200);
    }
}
