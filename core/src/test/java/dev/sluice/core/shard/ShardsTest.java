package dev.sluice.core.shard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Shard names by brace pattern, glob and list, as WebDataset users write them. */
class ShardsTest {
    @TempDir
    Path dir;

    @Test
    void aZeroPaddedRangeKeepsItsWidth() {
        assertEquals(List.of("train-0000.tar", "train-0001.tar", "train-0002.tar"),
                BraceExpansion.expand("train-{0000..0002}.tar"));
        assertEquals(List.of("09", "10", "11"), BraceExpansion.expand("{09..11}"));
        assertEquals(List.of("8", "9", "10"), BraceExpansion.expand("{8..10}"));
        assertEquals(128, BraceExpansion.expand("train-{0000..0127}.tar").size());
        assertEquals("train-0127.tar", BraceExpansion.expand("train-{0000..0127}.tar").get(127));
    }

    @Test
    void rangesRunDownwardsAndTakeSteps() {
        assertEquals(List.of("3", "2", "1"), BraceExpansion.expand("{3..1}"));
        assertEquals(List.of("00", "05", "10"), BraceExpansion.expand("{00..10..5}"));
        assertEquals(List.of("-1", "0", "1"), BraceExpansion.expand("{-1..1}"));
    }

    @Test
    void listsAndSeveralBracesMultiplyOutLeftToRight() {
        assertEquals(List.of("a-0.tar", "a-1.tar", "b-0.tar", "b-1.tar"), BraceExpansion.expand("{a,b}-{0..1}.tar"));
        assertEquals(List.of("x1", "x2", "y"), BraceExpansion.expand("{x{1,2},y}"));
        assertEquals(List.of("a.tar", ".tar"), BraceExpansion.expand("{a,}.tar"));
    }

    @Test
    void aBraceThatIsNeitherRangeNorListStaysAsWritten() {
        assertEquals(List.of("{single}-0.tar", "{single}-1.tar"), BraceExpansion.expand("{single}-{0..1}.tar"));
        assertEquals(List.of("plain.tar"), BraceExpansion.expand("plain.tar"));
    }

    @Test
    void unmatchedBracesAndZeroStepsAreRefusedWithThePattern() {
        assertEquals("'train-{0000..0003.tar': '{' without a matching '}'", assertThrows(IllegalArgumentException.class,
                () -> BraceExpansion.expand("train-{0000..0003.tar")).getMessage());
        assertEquals("'train-0003}.tar': '}' without a '{' before it", assertThrows(IllegalArgumentException.class,
                () -> BraceExpansion.expand("train-0003}.tar")).getMessage());
        assertEquals("'{0..4..0}': range {0..4..0} has a step of 0", assertThrows(IllegalArgumentException.class,
                () -> BraceExpansion.expand("{0..4..0}")).getMessage());
        assertEquals("'{0..99999999}' stands for more than 10000000 names", assertThrows(IllegalArgumentException.class,
                () -> BraceExpansion.expand("{0..99999999}")).getMessage());
    }

    @Test
    void plainNamesResolveAgainstTheBaseWithoutBeingChecked() {
        assertEquals(List.of(dir.resolve("s/train-0.tar"), dir.resolve("s/train-1.tar"), dir.resolve("x.tar")),
                Shards.expand(dir, List.of("s/train-{0..1}.tar", "./x.tar")));
    }

    @Test
    void aGlobMatchesFilesSortedByPath() throws IOException {
        Files.createDirectories(dir.resolve("shards/extra"));
        for (String name : List.of("shards/b.tar", "shards/a.tar", "shards/c.txt", "shards/extra/d.tar")) {
            Files.writeString(dir.resolve(name), "");
        }
        assertEquals(List.of(dir.resolve("shards/a.tar"), dir.resolve("shards/b.tar")),
                Shards.expand(dir, "shards/*.tar"));
        assertEquals(List.of(dir.resolve("shards/a.tar"), dir.resolve("shards/b.tar"), dir.resolve("shards/extra/d.tar")),
                Shards.expand(dir, "shards/**.tar"));
        assertEquals(List.of(dir.resolve("shards/a.tar"), dir.resolve("shards/c.txt")),
                Shards.expand(dir, "shards/{a.tar,c.*}"));
        assertEquals(List.of(dir.resolve("shards/b.tar")), Shards.expand(dir, dir.resolve("shards") + "/[b].tar"));
    }

    @Test
    void aGlobThatMatchesNothingIsAnError() {
        assertEquals("'none/*.tar' matches no file", assertThrows(IllegalArgumentException.class,
                () -> Shards.expand(dir, "none/*.tar")).getMessage());
        assertEquals("'x-?.tar' matches no file (from '{x,y}-?.tar')", assertThrows(IllegalArgumentException.class,
                () -> Shards.expand(dir, "{x,y}-?.tar")).getMessage());
    }

    @Test
    void globsSearchTheBasesFileSystem() throws IOException {
        Path zip = dir.resolve("shards.zip");
        try (FileSystem zipfs = FileSystems.newFileSystem(URI.create("jar:" + zip.toUri()), Map.of("create", "true"))) {
            Files.createDirectories(zipfs.getPath("/train"));
            Files.writeString(zipfs.getPath("/train/0001.tar"), "");
            Files.writeString(zipfs.getPath("/train/0000.tar"), "");
            assertEquals(List.of(zipfs.getPath("/train/0000.tar"), zipfs.getPath("/train/0001.tar")),
                    Shards.expand(zipfs.getPath("/"), "train/*.tar"));
        }
    }
}
