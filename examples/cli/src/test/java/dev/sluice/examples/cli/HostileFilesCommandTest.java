package dev.sluice.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.contract.SpecialFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15's file-system cases through the command line, each as it was reported: links out of the
 * image root, a planted {@code .part} link, FIFOs, output paths that are folders or files, and
 * {@code --resume} paths that cannot work. A test of a FIFO is bounded: before the fix it hung.
 */
class HostileFilesCommandTest {
    private static final String PASSWD = "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1::/:/usr/sbin/nologin\n";

    @TempDir
    Path dir;

    @Test
    void dumpRefusesAFolderLinkOutOfTheRoot() throws IOException {
        // root: images; ln -s ../outside images/linkdir; "linkdir/secret.jpg 0": dump exited 0 with the pixels.
        Path config = SampleCopy.into(dir.resolve("data"));
        Path outside = Files.createDirectories(dir.resolve("data/outside"));
        Files.copy(dir.resolve("data/images/aqua.jpg"), outside.resolve("secret.jpg"));
        Files.createSymbolicLink(dir.resolve("data/images/linkdir"), Path.of("../outside"));
        Files.writeString(dir.resolve("data/train.txt"), "aqua.jpg 0 1\nlinkdir/secret.jpg 1 2\n");
        Cli.Result result = Cli.run("dump", config.toString(), "--out", dir.resolve("dump").toString());
        assertEquals(1, result.status(), result::toString);
        assertTrue(result.err().contains("sample 1 (" + dir.resolve("data/images/linkdir/secret.jpg") + ", "),
                result::toString);
        assertTrue(result.err().contains("train.txt:2)"), result::toString);
        assertTrue(result.err().contains("a symbolic link leads outside the image root"), result::toString);
    }

    @Test
    void aLinkToAnotherFileNeverShowsThatFilesContent() throws IOException {
        // A link to /etc/passwd named evil.jpg was refused quoting 'root:x:0'; a stand-in keeps the test hermetic.
        Path passwd = Files.writeString(dir.resolve("passwd"), PASSWD);
        Path evil = Files.createSymbolicLink(dir.resolve("evil.jpg"), passwd);
        for (String backend : List.of("imageio", "opencv")) {
            Cli.Result result = Cli.run("decode", evil.toString(), "--backend", backend);
            assertEquals(1, result.status(), result::toString);
            assertFalse(result.out().contains("root") || result.err().contains("root:"), result::toString);
            assertTrue(result.out().startsWith("error " + evil + ": unknown image format: not a header of any of "),
                    result::toString);
        }
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void decodeRefusesAFifoNamedLikeAnImageInsteadOfHanging() throws Exception {
        Path fifo = SpecialFiles.fifo(dir.resolve("fifo.jpg"));
        Cli.Result result = Cli.run("decode", fifo.toString());
        assertEquals(1, result.status(), result::toString);
        assertEquals(List.of("error " + fifo + ": is a FIFO, not a regular file"), result.outLines());
    }

    @Test
    void shardRefusesAPlantedPartLinkAndLeavesTheVictimAlone() throws IOException {
        // ln -s ../victim.txt W/shard-000002.tar.part; sluice shard CONFIG --out W --shard-size 4: the victim became a tar.
        Path config = SampleCopy.into(dir.resolve("data"));
        Path victim = Files.writeString(dir.resolve("victim.txt"), "precious");
        Path out = Files.createDirectories(dir.resolve("W"));
        Path part = Files.createSymbolicLink(out.resolve("shard-000002.tar.part"), Path.of("../victim.txt"));
        Cli.Result result = Cli.run("shard", config.toString(), "--out", out.toString(), "--shard-size", "4");
        assertEquals(1, result.status(), result::toString);
        assertTrue(result.err().contains(part + ": a file or link of that name exists already"), result::toString);
        assertEquals("precious", Files.readString(victim));
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(List.of(part), files.toList(), "a failed export leaves no shard behind");
        }
    }

    @Test
    void outputFoldersThatAreFilesAreNamed() throws IOException {
        // "sluice: s.yaml": --out named a file, and the message was the bare name.
        Path config = SampleCopy.into(dir.resolve("data"));
        String refusal = "sluice: --out " + config + " is a file, not a folder; give the folder to write to";
        Cli.Result dump = Cli.run("dump", config.toString(), "--out", config.toString());
        assertEquals(2, dump.status(), dump::toString);
        assertEquals(List.of(refusal), dump.errLines());
        Cli.Result shard = Cli.run("shard", config.toString(), "--out", config.toString(), "--shard-size", "4");
        assertEquals(2, shard.status(), shard::toString);
        assertEquals(List.of(refusal), shard.errLines());
        Cli.Result decode = Cli.run("decode", dir.resolve("data/images/aqua.jpg").toString(), "--out", config.toString());
        assertEquals(2, decode.status(), decode::toString);
        assertEquals(List.of(refusal), decode.errLines());
    }

    @Test
    void inspectRefusesAFolderAsTheSheetAndNamesAnUnwritablePlace() throws IOException {
        Path config = SampleCopy.into(dir.resolve("data"));
        Cli.Result folder = Cli.run("inspect", config.toString(), "--out", dir.toString());
        assertEquals(2, folder.status(), folder::toString);
        assertEquals(List.of("sluice: --out " + dir + " is a folder; give the file to write, such as "
                + dir.resolve("sheet.png")), folder.errLines());
        // "sluice: x" for a path under /proc: now the file and the reason.
        Cli.Result proc = Cli.run("inspect", config.toString(), "--out", "/proc/sheet.png");
        assertEquals(1, proc.status(), proc::toString);
        assertTrue(proc.err().startsWith("sluice: /proc/sheet.png: cannot write: "), proc::toString);
        assertTrue(Files.notExists(Path.of("/proc/sheet.png")));
    }

    @Test
    void inspectReplacesALinkAtTheSheetsNameInsteadOfWritingThroughIt() throws IOException {
        // The sheet is written to a temporary file and renamed (so a full disk leaves no 0-byte PNG); a link at
        // its name, here to /dev/full, is replaced and never written through.
        Path config = SampleCopy.into(dir.resolve("data"));
        Path linked = Files.createSymbolicLink(dir.resolve("sheet.png"), SpecialFiles.device(SpecialFiles.FULL));
        Cli.Result result = Cli.run("inspect", config.toString(), "--out", linked.toString());
        assertEquals(0, result.status(), result::toString);
        assertTrue(Files.isRegularFile(linked, LinkOption.NOFOLLOW_LINKS));
        assertTrue(Files.size(linked) > 1000);
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(dir.resolve("data"), linked), files.sorted().toList(), "no temporary file left");
        }
    }

    @Test
    void resumeIntoAFolderOrAMissingFolderIsRefusedBeforeTheFirstBatch() throws IOException {
        // "sluice: Is a directory", and a missing folder that failed only at the first save, 100 batches in.
        Path config = SampleCopy.into(dir.resolve("data"));
        Cli.Result folder = Cli.run("run", config.toString(), "--resume", dir.toString());
        assertEquals(2, folder.status(), folder::toString);
        assertEquals(List.of("sluice: --resume " + dir + ": is a directory, not a regular file; give the state file's name"),
                folder.errLines());
        Path missing = dir.resolve("missing/state.txt");
        Cli.Result absent = Cli.run("run", config.toString(), "--resume", missing.toString());
        assertEquals(2, absent.status(), absent::toString);
        assertEquals(List.of("sluice: --resume " + missing + ": the folder " + missing.getParent()
                + " does not exist; create it first"), absent.errLines());
        assertFalse(absent.err().contains("epoch 0"), "no batch ran");
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aResumeFileThatIsAFifoIsRefusedInsteadOfHanging() throws Exception {
        Path config = SampleCopy.into(dir.resolve("data"));
        Path fifo = SpecialFiles.fifo(dir.resolve("state.txt"));
        Cli.Result result = Cli.run("run", config.toString(), "--resume", fifo.toString());
        assertEquals(2, result.status(), result::toString);
        assertEquals(List.of("sluice: --resume " + fifo + ": is a FIFO, not a regular file; give the state file's name"),
                result.errLines());
    }


    @Test
    void aTenMegabytePathGivesAShortErrorMessage() {
        // A 10 MB path gave a 20 MB error message.
        String path = "d/".repeat(5_000_000) + "sluice.yaml";
        Cli.Result result = Cli.run("run", path);
        assertEquals(2, result.status(), () -> result.err().length() + " characters on stderr");
        assertEquals(1, result.errLines().size(), () -> result.err().length() + " characters on stderr");
        assertTrue(result.err().length() < 2000, () -> result.err().length() + " characters on stderr");
        assertTrue(result.err().startsWith("sluice: d/d/d/"), () -> result.err().substring(0, 100));
    }
}
