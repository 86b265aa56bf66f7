package dev.sluice.core.label;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.LabelFormat;
import dev.sluice.api.LabelFormatException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelIndexTest {
    private static final Path SOURCE = Path.of("data", "train.txt");

    @TempDir
    Path root;

    private LabelIndex read(LabelFormat format) throws IOException {
        return LabelIndex.read(format, SOURCE, root);
    }

    private String failure(LabelFormat format, boolean allowOutsideRoot) {
        if (allowOutsideRoot) {
            return assertThrows(LabelFormatException.class,
                    () -> LabelIndex.readAllowingOutsideRoot(format, SOURCE, root)).getMessage();
        }
        return assertThrows(LabelFormatException.class, () -> LabelIndex.read(format, SOURCE, root)).getMessage();
    }

    @Test
    public void entriesComeBackWithTheirPathsAndLabels() throws IOException {
        LabelIndex index = read((source, sink) -> {
            sink.entry("n01440764/n01440764_10026.JPEG", new long[] {3}, 1);
            sink.entry("caf\u00e9/\ud83d\udc08.png", new long[] {7}, 2);
        });
        assertEquals(2, index.size());
        assertEquals("n01440764/n01440764_10026.JPEG", index.path(0));
        assertEquals("caf\u00e9/\ud83d\udc08.png", index.path(1));
        assertArrayEquals(new long[] {7}, index.labels(1));
        assertEquals("LabelIndex[2 entries, 1 label each]", index.toString());
    }

    @Test
    public void entriesWithDifferentLabelCountsKeepTheirOwnLabels() throws IOException {
        LabelIndex index = read((source, sink) -> {
            sink.entry("a", new long[] {1, 2}, 1);
            sink.entry("b", new long[] {3, 4}, 2);
            sink.entry("c", new long[] {5}, 3);
            sink.entry("d", new long[] {}, 4);
            sink.entry("e", new long[] {6, 7, 8}, 5);
        });
        assertArrayEquals(new long[] {1, 2}, index.labels(0));
        assertArrayEquals(new long[] {3, 4}, index.labels(1));
        assertArrayEquals(new long[] {5}, index.labels(2));
        assertArrayEquals(new long[] {}, index.labels(3));
        assertEquals(0, index.labelCount(3));
        assertArrayEquals(new long[] {6, 7, 8}, index.labels(4));
        assertEquals(8, index.label(4, 2));
        assertEquals("LabelIndex[5 entries, varying labels]", index.toString());
    }

    @Test
    public void labelsBeyondIntRangeAreKeptExactly() throws IOException {
        LabelIndex index = read((source, sink) -> {
            sink.entry("a", new long[] {1}, 1);
            sink.entry("b", new long[] {Long.MIN_VALUE}, 2);
            sink.entry("c", new long[] {1L << 40}, 3);
        });
        assertEquals(1, index.label(0, 0));
        assertEquals(Long.MIN_VALUE, index.label(1, 0));
        assertEquals(1L << 40, index.label(2, 0));
    }

    @Test
    public void theSinkCopiesTheLabelsItIsGiven() throws IOException {
        LabelIndex index = read((source, sink) -> {
            long[] reused = {1};
            sink.entry("a", reused, 1);
            reused[0] = 2;
            sink.entry("b", reused, 2);
        });
        assertEquals(1, index.label(0, 0));
        assertEquals(2, index.label(1, 0));
    }

    @Test
    public void pathsThatCrossAStorageChunkComeBackWhole() throws IOException {
        int entries = 2 * ByteStore.CHUNK_SIZE / 30 + 5;
        LabelIndex index = read((source, sink) -> {
            long[] label = new long[1];
            for (int i = 0; i < entries; i++) {
                label[0] = i;
                sink.entry(String.format("n%08d/n%08d_%06d.JPEG", i % 1000, i % 1000, i), label, i + 1);
            }
        });
        assertEquals(entries, index.size());
        for (int i = 0; i < entries; i++) {
            String expected = String.format("n%08d/n%08d_%06d.JPEG", i % 1000, i % 1000, i);
            if (!expected.equals(index.path(i)) || index.label(i, 0) != i) {
                assertEquals(expected + " " + i, index.path(i) + " " + index.label(i, 0), "entry " + i);
            }
        }
    }

    @Test
    public void classNamesAreKeptWhenTheFormatGivesThem() throws IOException {
        LabelIndex index = read((source, sink) -> {
            sink.classNames(List.of("cat", "dog"));
            sink.entry("cat/1.jpg", new long[] {0}, 0);
        });
        assertEquals(List.of("cat", "dog"), index.classNames());
        assertEquals(List.of(), read((source, sink) -> sink.entry("a", new long[] {0}, 1)).classNames());
    }

    @Test
    public void outOfRangeAccessNamesTheIndexAndTheSize() throws IOException {
        LabelIndex index = read((source, sink) -> sink.entry("a", new long[] {1}, 1));
        assertEquals("entry 1 is outside a label index of 1 entries",
                assertThrows(IndexOutOfBoundsException.class, () -> index.path(1)).getMessage());
        assertEquals("entry -1 is outside a label index of 1 entries",
                assertThrows(IndexOutOfBoundsException.class, () -> index.labels(-1)).getMessage());
        assertEquals("label 1 of entry 0 does not exist; it has 1 label",
                assertThrows(IndexOutOfBoundsException.class, () -> index.label(0, 1)).getMessage());
    }

    @Test
    public void aSourceWithoutEntriesIsAnErrorNamingIt() {
        assertEquals(SOURCE + ": no entries; a label source must list at least one image",
                failure((source, sink) -> { }, false));
    }

    @Test
    public void problemsAreReportedAsFileLineReasonAndText() {
        assertEquals(SOURCE + ":12: label 'x' is not an integer: 'a.jpg x'\n"
                        + SOURCE + ": empty folder: 'cats/empty'",
                failure((source, sink) -> {
                    sink.problem(12, "a.jpg x", "label 'x' is not an integer");
                    sink.problem(0, "cats/empty", "empty folder");
                }, false));
    }

    @Test
    public void longProblemTextIsShortenedAndControlCharactersEscaped() {
        String message = failure((source, sink) -> sink.problem(1, "a\tb\u0001" + "y".repeat(500), "bad"), false);
        assertEquals(SOURCE + ":1: bad: 'a\\tb\\u0001" + "y".repeat(113) + "...'", message);
    }

    @Test
    public void aPathClimbingOutOfTheRootIsAProblem() {
        assertEquals(SOURCE + ":3: path '../x.jpg' leaves the image root " + root + "; set allow_outside_root to allow it",
                failure((source, sink) -> sink.entry("../x.jpg", new long[] {1}, 3), false));
        assertEquals(SOURCE + ":1: path 'a/../../x.jpg' leaves the image root " + root
                        + "; set allow_outside_root to allow it",
                failure((source, sink) -> sink.entry("a/../../x.jpg", new long[] {1}, 1), false));
    }

    @Test
    public void dotsThatStayInsideTheRootAreAllowed() throws IOException {
        LabelIndex index = read((source, sink) -> {
            sink.entry("a/../b.jpg", new long[] {1}, 1);
            sink.entry("..hidden/x.jpg", new long[] {1}, 2);
            sink.entry("x..y.jpg", new long[] {1}, 3);
        });
        assertEquals("a/../b.jpg", index.path(0));
        assertEquals(3, index.size());
    }

    @Test
    public void anAbsolutePathOutsideTheRootIsAProblem() {
        Path outside = root.getParent().resolve("elsewhere.jpg").toAbsolutePath();
        assertEquals(SOURCE + ":1: path '" + outside + "' leaves the image root " + root
                        + "; set allow_outside_root to allow it",
                failure((source, sink) -> sink.entry(outside.toString(), new long[] {1}, 1), false));
    }

    @Test
    public void anAbsolutePathInsideTheRootIsAllowed() throws IOException {
        String inside = root.toAbsolutePath().resolve("cats/1.jpg").toString();
        assertEquals(inside, read((source, sink) -> sink.entry(inside, new long[] {1}, 1)).path(0));
    }

    @Test
    public void allowOutsideRootAcceptsPathsThatLeaveIt() throws IOException {
        LabelIndex index = LabelIndex.readAllowingOutsideRoot((source, sink) -> {
            sink.entry("../x.jpg", new long[] {1}, 1);
            sink.entry("/elsewhere/y.jpg", new long[] {2}, 2);
        }, SOURCE, root);
        assertEquals("../x.jpg", index.path(0));
        assertEquals("/elsewhere/y.jpg", index.path(1));
    }

    @Test
    public void aPathWithANulCharacterIsAProblemEvenOutsideTheRootCheck() {
        String message = failure((source, sink) -> sink.entry("a\u0000.jpg", new long[] {1}, 4), true);
        assertTrue(message.startsWith(SOURCE + ":4: path 'a\\u0000.jpg' is not a valid path: "), message);
    }

    @Test
    public void anEmptyPathIsAProblem() {
        assertEquals(SOURCE + ":2: empty path", failure((source, sink) -> sink.entry("", new long[] {1}, 2), false));
    }

    @Test
    public void problemsAboutPathsAndLinesAreListedTogetherInSourceOrder() {
        String message = failure((source, sink) -> {
            sink.entry("ok.jpg", new long[] {1}, 1);
            sink.problem(2, "b.jpg", "no label");
            sink.entry("../c.jpg", new long[] {1}, 3);
        }, false);
        String[] lines = message.split("\n");
        assertEquals(2, lines.length, message);
        assertTrue(lines[0].startsWith(SOURCE + ":2: no label"), message);
        assertTrue(lines[1].startsWith(SOURCE + ":3: path '../c.jpg' leaves"), message);
    }

    @Test
    public void oneMoreProblemIsSaidInTheSingular() {
        String message = failure((source, sink) -> {
            for (int line = 1; line <= 21; line++) {
                sink.problem(line, "x", "bad");
            }
        }, false);
        assertTrue(message.endsWith("\n... and 1 more problem"), message);
    }
}
