package dev.sluice.plugins.turbojpeg;

import dev.sluice.api.Options;
import dev.sluice.api.contract.DecodeBenchmarks;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Not a test: single-thread decode throughput of the turbojpeg backend, on the system and the
 * bundled library, on 500 x 375 JPEGs made from the photographs in a folder (see
 * {@link DecodeBenchmarks}). Run by hand:
 *
 * <pre>{@code
 * mvn -q -pl plugins-turbojpeg exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.sluice.plugins.turbojpeg.TurboJpegDecodeBenchmark -Dexec.args=/path/to/photos
 * }</pre>
 */
final class TurboJpegDecodeBenchmark {
    private TurboJpegDecodeBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            throw new IllegalArgumentException("usage: TurboJpegDecodeBenchmark PHOTO_DIR [COUNT]");
        }
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        for (String library : new String[] {"system", "bundled"}) {
            if (library.equals("system") && !JpegLibraries.system().ok()) {
                System.out.println("turbojpeg-system: skipped, " + JpegLibraries.system().failure());
                continue;
            }
            DecodeBenchmarks.run("turbojpeg-" + library, new TurboJpegDecoderProvider().create(
                    Options.of(Map.of("library", library))), Path.of(args[0]), count);
        }
    }
}
