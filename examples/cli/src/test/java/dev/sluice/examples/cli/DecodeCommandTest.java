package dev.sluice.examples.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sluice decode}: one line per file, .npy output, exit 1 when any file failed. */
class DecodeCommandTest {
    private static final String AQUA = Cli.sampleData().resolve("images/aqua.jpg").toString();
    private static final String STORM = Cli.sampleData().resolve("images/storm.jpg").toString();

    @TempDir
    Path dir;

    @Test
    void eachFileGetsAnOkLineWithItsSize() {
        Cli.Result result = Cli.run("decode", AQUA, STORM);
        assertEquals(0, result.status(), result::toString);
        assertEquals(List.of("ok " + AQUA + " 160x120x3", "ok " + STORM + " 160x120x3"), result.outLines());
    }

    @Test
    void modeReduceAndRegionAreTheDecodeOptions() {
        assertEquals(List.of("ok " + AQUA + " 80x60x1"), Cli.run("decode", AQUA, "--mode", "gray", "--reduce", "2")
                .outLines());
        assertEquals(List.of("ok " + AQUA + " 30x40x3"), Cli.run("decode", AQUA, "--roi", "10,20,30,40").outLines());
        // A region in original coordinates, scaled with the image: 40 x 20 at 1/4 is 10 x 5.
        assertEquals(List.of("ok " + AQUA + " 10x5x3"), Cli.run("decode", AQUA, "--roi", "0,0,40,20", "--reduce", "4")
                .outLines());
    }

    @Test
    void everyBackendGivesTheSameSizes() {
        for (String backend : new String[] {"imageio", "opencv"}) {
            Cli.Result result = Cli.run("decode", AQUA, "--backend", backend, "--reduce", "8");
            assertEquals(List.of("ok " + AQUA + " 20x15x3"), result.outLines(), backend + ": " + result);
        }
    }

    @Test
    void outWritesAUint8HeightWidthChannelsArrayPerImage() throws IOException {
        Cli.Result result = Cli.run("decode", AQUA, "--out", dir.toString());
        assertEquals(0, result.status(), result::toString);
        NpyReader.Array array = NpyReader.read(dir.resolve("aqua.npy"));
        assertEquals("|u1", array.descr());
        assertArrayEquals(new int[] {120, 160, 3}, array.shape());
    }

    @Test
    void aFileThatFailsGetsAnErrorLineTheOthersStillDecodeAndTheStatusIsOne() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.jpg"), "not a picture");
        Path missing = dir.resolve("missing.png");
        Cli.Result result = Cli.run("decode", text.toString(), AQUA, missing.toString());
        assertEquals(1, result.status(), result::toString);
        List<String> lines = result.outLines();
        assertEquals(3, lines.size(), result::toString);
        assertTrue(lines.get(0).startsWith("error " + text + ": "), lines.get(0));
        assertEquals("ok " + AQUA + " 160x120x3", lines.get(1));
        assertEquals("error " + missing + ": no such file", lines.get(2));
        assertEquals("", result.err());
    }

    @Test
    void anUnknownBackendIsAUsageErrorWithASuggestion() {
        Cli.Result result = Cli.run("decode", AQUA, "--backend", "imagio");
        assertEquals(2, result.status(), result::toString);
        assertEquals(1, result.errLines().size(), result::toString);
        assertTrue(result.err().startsWith("sluice: decoder 'imagio' (--backend) not found. Found: imageio (priority 100)"),
                result::toString);
        assertTrue(result.err().strip().endsWith("Did you mean 'imageio'?"), result::toString);
    }

    @Test
    void wrongDecodeOptionsAreUsageErrors() {
        assertEquals(List.of("sluice: --reduce must be 1, 2, 4 or 8, was 3"),
                Cli.run("decode", AQUA, "--reduce", "3").errLines());
        assertEquals(List.of("sluice: --mode must be rgb, gray or unchanged, was 'grey'"),
                Cli.run("decode", AQUA, "--mode", "grey").errLines());
        assertEquals(List.of("sluice: --roi must be x,y,w,h in pixels of the original image, was '1,2,3'"),
                Cli.run("decode", AQUA, "--roi", "1,2,3").errLines());
        assertEquals(List.of("sluice: --roi 0,0,0,5: width must be > 0, was 0"),
                Cli.run("decode", AQUA, "--roi", "0,0,0,5").errLines());
        assertEquals(List.of("sluice: sluice decode needs FILE: the image files to decode"), Cli.run("decode").errLines());
    }
}
