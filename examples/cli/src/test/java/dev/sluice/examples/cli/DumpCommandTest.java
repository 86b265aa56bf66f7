package dev.sluice.examples.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sluice dump}: .npy files numpy can load, whose labels belong to their indices. */
class DumpCommandTest {
    // train.txt's labels, row i for dataset index i.
    private static final long[][] LABELS = {{2, 3}, {1, 0}, {3, 2}, {0, 1}, {0, 1}, {1, 0}, {4, 0}, {2, 0}, {3, 3},
        {0, 2}};

    @TempDir
    Path dir;

    @Test
    void theFirstBatchIsWrittenAsImagesLabelsAndIndices() throws IOException {
        Cli.Result result = Cli.run("dump", Cli.sampleConfig(), "--out", dir.toString(), "--batches", "1");
        assertEquals(0, result.status(), result::toString);
        assertEquals(List.of("batch-00000: images float32 [7, 3, 96, 96], labels int64 [7, 2], indices "
                + "[0, 1, 2, 3, 4, 5, 6]", "wrote 1 batches of epoch 0 to " + dir), result.outLines());
        NpyReader.Array images = NpyReader.read(dir.resolve("batch-00000-images.npy"));
        assertEquals("<f4", images.descr());
        assertArrayEquals(new int[] {7, 3, 96, 96}, images.shape());
        NpyReader.Array labels = NpyReader.read(dir.resolve("batch-00000-labels.npy"));
        assertEquals("<i8", labels.descr());
        assertArrayEquals(new int[] {7, 2}, labels.shape());
        assertArrayEquals(new long[] {2, 3, 1, 0, 3, 2, 0, 1, 0, 1, 1, 0, 4, 0}, labels.longs());
        NpyReader.Array indices = NpyReader.read(dir.resolve("batch-00000-indices.npy"));
        assertArrayEquals(new int[] {7}, indices.shape());
        assertArrayEquals(new long[] {0, 1, 2, 3, 4, 5, 6}, indices.longs());
    }

    @Test
    void oneLabelPerImageIsWrittenAsAVectorAsPyTorchCollatesIt() throws IOException {
        Path config = SampleCopy.into(dir.resolve("data"));
        Path train = config.resolveSibling("train.txt");
        StringBuilder subjects = new StringBuilder();
        for (String line : Files.readAllLines(train, StandardCharsets.UTF_8)) {
            subjects.append(line.isBlank() || line.startsWith("#") ? line : line.substring(0, line.lastIndexOf(' '))).append('\n');
        }
        Files.writeString(train, subjects, StandardCharsets.UTF_8);
        Path out = dir.resolve("out");

        Cli.Result result = Cli.run("dump", config.toString(), "--out", out.toString(), "--batches", "1");

        assertEquals(0, result.status(), result::toString);
        assertEquals("batch-00000: images float32 [7, 3, 96, 96], labels int64 [7], indices [0, 1, 2, 3, 4, 5, 6]",
                result.outLines().get(0));
        NpyReader.Array labels = NpyReader.read(out.resolve("batch-00000-labels.npy"));
        assertEquals("<i8", labels.descr());
        assertArrayEquals(new int[] {7}, labels.shape(), "numpy.load gives shape (7,), not (7, 1)");
        assertArrayEquals(new long[] {2, 1, 3, 0, 0, 1, 4}, labels.longs());
    }

    @Test
    void shuffledEpochsDumpEveryIndexOnceWithItsOwnLabels() throws IOException {
        long[] epoch0 = dumpedIndices(0);
        long[] epoch1 = dumpedIndices(1);
        assertNotEquals(Arrays.toString(epoch0), Arrays.toString(epoch1), "each epoch is shuffled anew");
        long[] sorted = epoch1.clone();
        Arrays.sort(sorted);
        assertArrayEquals(new long[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, sorted);
    }

    private long[] dumpedIndices(int epoch) throws IOException {
        Path out = dir.resolve("epoch-" + epoch);
        Cli.Result result = Cli.run("dump", Cli.sampleConfig(), "--out", out.toString(), "--epoch",
                Integer.toString(epoch), "--set", "loader.shuffle=true");
        assertEquals(0, result.status(), result::toString);
        long[] all = new long[10];
        int at = 0;
        for (String batch : new String[] {"batch-00000", "batch-00001"}) {
            long[] indices = NpyReader.read(out.resolve(batch + "-indices.npy")).longs();
            long[] labels = NpyReader.read(out.resolve(batch + "-labels.npy")).longs();
            for (int i = 0; i < indices.length; i++) {
                assertArrayEquals(LABELS[(int) indices[i]], Arrays.copyOfRange(labels, 2 * i, 2 * i + 2),
                        "the labels of index " + indices[i]);
                all[at++] = indices[i];
            }
        }
        assertEquals(10, at);
        return all;
    }

    @Test
    void outIsRequired() {
        Cli.Result result = Cli.run("dump", Cli.sampleConfig());
        assertEquals(2, result.status());
        assertEquals(List.of("sluice: sluice dump needs --out DIR: the folder to write the .npy files to; made if missing"),
                result.errLines());
    }
}
