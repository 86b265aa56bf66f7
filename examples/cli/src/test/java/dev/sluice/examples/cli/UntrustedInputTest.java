package dev.sluice.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files an attacker or an accident can put in a dataset, through the whole pipeline (label file,
 * dataset, loader with workers, each decoder): each stops the run with one line that names the
 * sample's index and path and says what is wrong, and none makes the loader allocate past the
 * pixel limit.
 */
class UntrustedInputTest {
    @TempDir
    Path dir;

    /** The sample dataset with its fourth image ({@code index 3}) replaced by what {@code plant} puts there. */
    private Path datasetWithThirdImage(String name) throws IOException {
        Path config = SampleCopy.into(dir.resolve("data"));
        Path labels = dir.resolve("data/train.txt");
        List<String> lines = Files.readAllLines(labels, StandardCharsets.UTF_8);
        int sample = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).startsWith("#") && !lines.get(i).isBlank()) {
                if (sample == 3) {
                    lines.set(i, name + lines.get(i).substring(lines.get(i).indexOf(' ')));
                }
                sample++;
            }
        }
        Files.write(labels, lines, StandardCharsets.UTF_8);
        return config;
    }

    private Cli.Result run(Path config, String backend) {
        return Cli.run("run", config.toString(), "--set", "decoder.backend=" + backend);
    }

    private void assertStopsNaming(Cli.Result result, Path file, String reason) {
        assertEquals(1, result.status(), result::toString);
        assertEquals(1, result.errLines().stream().filter(line -> line.startsWith("sluice: ")).count(), result::toString);
        String error = result.errLines().stream().filter(line -> line.startsWith("sluice: ")).findFirst().orElseThrow();
        assertTrue(error.startsWith("sluice: sample 3 (" + file + ", "), error);
        assertTrue(error.contains(reason), error + " should say " + reason);
    }

    @ParameterizedTest
    @ValueSource(strings = {"imageio", "opencv"})
    void aSymlinkLoopIsAClearErrorNamingSampleAndPath(String backend) throws IOException {
        Path config = datasetWithThirdImage("loop.jpg");
        Path loop = dir.resolve("data/images/loop.jpg");
        Files.createSymbolicLink(loop, loop.getFileName());
        assertStopsNaming(run(config, backend), loop, "Too many levels of symbolic links");
    }

    @ParameterizedTest
    @ValueSource(strings = {"imageio", "opencv"})
    void aDirectoryNamedLikeAnImageIsAClearErrorNamingSampleAndPath(String backend) throws IOException {
        Path config = datasetWithThirdImage("x.jpg");
        Path folder = Files.createDirectories(dir.resolve("data/images/x.jpg"));
        assertStopsNaming(run(config, backend), folder, "is a directory, not a regular file");
    }

    @ParameterizedTest
    @ValueSource(strings = {"imageio", "opencv"})
    void aHeaderDeclaringMorePixelsThanTheLimitIsRefusedBeforeAllocation(String backend) throws IOException {
        Path config = datasetWithThirdImage("huge.png");
        Path huge = Files.write(dir.resolve("data/images/huge.png"), pngDeclaring(100_000, 100_000));
        // A 1e10-pixel RGB image would need 30 GB; the test JVM has far less, so getting the error
        // at all shows that nothing that size was allocated.
        Cli.Result result = run(config, backend);
        assertStopsNaming(result, huge, "pixel");
        assertTrue(result.err().contains("10000000000"), result::toString);
    }

    /** A PNG whose header declares an RGB image of {@code width x height} but whose data holds one row of zeros. */
    private static byte[] pngDeclaring(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        chunk(out, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2)
                .put((byte) 0).put((byte) 0).put((byte) 0).array());
        Deflater deflater = new Deflater();
        deflater.setInput(new byte[1 + width * 3]);
        deflater.finish();
        byte[] compressed = new byte[width * 3 + 1024];
        int length = deflater.deflate(compressed);
        deflater.end();
        chunk(out, "IDAT", Arrays.copyOf(compressed, length));
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
