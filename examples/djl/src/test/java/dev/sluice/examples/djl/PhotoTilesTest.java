package dev.sluice.examples.djl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PhotoTilesTest {

    @Test
    void writesAFolderPerClassWithTheAskedNumberOfTiles(@TempDir Path dir) throws IOException {
        PhotoTiles tiles = PhotoTiles.write(dir, 3, 2, 1);
        assertEquals(PhotoTiles.CLASSES, folders(tiles.train()));
        assertEquals(PhotoTiles.CLASSES, folders(tiles.val()));
        for (String name : PhotoTiles.CLASSES) {
            assertEquals(List.of("0000.jpg", "0001.jpg", "0002.jpg"), files(tiles.train().resolve(name)));
            assertEquals(List.of("0000.jpg", "0001.jpg"), files(tiles.val().resolve(name)));
        }
    }

    @Test
    void theSameSeedWritesTheSameTilesAndAnotherSeedOthers(@TempDir Path dir) throws IOException {
        Path tile = Path.of("train", "wood", "0001.jpg");
        byte[] first = Files.readAllBytes(PhotoTiles.write(dir.resolve("a"), 2, 1, 1).root().resolve(tile));
        byte[] again = Files.readAllBytes(PhotoTiles.write(dir.resolve("b"), 2, 1, 1).root().resolve(tile));
        byte[] other = Files.readAllBytes(PhotoTiles.write(dir.resolve("c"), 2, 1, 2).root().resolve(tile));
        assertArrayEquals(first, again);
        assertFalse(Arrays.equals(first, other));
    }

    @Test
    void countsBelowOneAreRefusedWithBothValues(@TempDir Path dir) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PhotoTiles.write(dir, 0, 5, 1));
        assertEquals("tile counts must be >= 1, were train 0 and val 5", e.getMessage());
    }

    private static List<String> folders(Path root) throws IOException {
        try (Stream<Path> entries = Files.list(root)) {
            return entries.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static List<String> files(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
