package dev.sluice.core.shard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.Collate;
import dev.sluice.api.Image;
import dev.sluice.core.dataset.LabeledSample;
import dev.sluice.core.dataset.ResumableDataset.PositionedIterator;
import dev.sluice.core.loader.BatchIterator;
import dev.sluice.core.loader.DataLoader;
import dev.sluice.core.loader.LoaderState;
import dev.sluice.core.sampler.Rank;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A shard stream's position (shard, offset, buffer) continues it exactly, alone and through a loader. */
class ShardResumeTest {
    @TempDir
    Path dir;

    @Test
    void fromEveryPointOfAStreamItsPositionResumesTheRemainder() throws IOException {
        List<Path> shards = ShardFixtures.write(dir, new int[] {5, 1, 6, 4});
        ShardDataset<Image> dataset = ShardFixtures.builder(shards).shuffle(true).shuffleBuffer(7).seed(9).build();
        List<Long> whole = ShardFixtures.labels(dataset.iterator(2, null));
        assertEquals(16, whole.size());
        for (int taken = 0; taken <= whole.size(); taken++) {
            for (boolean lookedAhead : new boolean[] {false, true}) {
                List<Long> read = new ArrayList<>();
                String position;
                try (PositionedIterator<LabeledSample<Image>> first = dataset.iterator(2, null)) {
                    for (int i = 0; i < taken; i++) {
                        read.add(first.next().label(0));
                    }
                    if (lookedAhead) {
                        first.hasNext();
                    }
                    position = first.position();
                }
                read.addAll(ShardFixtures.labels(dataset.iterator(2, position)));
                assertEquals(whole, read, "resumed after " + taken + " samples" + (lookedAhead ? ", looked ahead" : "")
                        + " from " + position);
            }
        }
    }

    @Test
    void aPositionNamesShardOffsetAndBufferAndStartsWithItsLayout() throws IOException {
        List<Path> shards = ShardFixtures.write(dir, 2, 3);
        ShardDataset<Image> dataset = ShardFixtures.builder(shards).build();
        PositionedIterator<LabeledSample<Image>> stream = dataset.iterator(0, null);
        stream.next();
        String position = stream.position();
        // Rank 0 of 1, worker 0 of 1; 2 shards; at shard 0, byte 2048, sample 1; 1 drawn; the buffer empty.
        assertTrue(position.startsWith("v1_w1r0n1k0_c2h"), position);
        assertTrue(position.endsWith("_s0o2048q1_e1_b"), position);
        stream.hasNext();
        // Looking ahead read sample 1 (byte 2048) into the buffer; it is not drawn until next().
        assertTrue(stream.position().endsWith("_s0o4096q2_e1_b0:2048:1"), stream.position());
        stream.close();
    }

    /**
     * Issue 15, item 5: a shard loader's state cut at three quarters was resumed and lost 51 samples;
     * now every cut is refused, naming what is missing, and the whole state still resumes exactly.
     */
    @Test
    void aShardStateCutShortIsRefusedAtEveryLength() throws IOException {
        List<Path> shards = ShardFixtures.write(dir, new int[] {7, 3, 5, 6, 2, 4});
        String saved;
        try (DataLoader<LabeledSample<Image>, List<Long>> first = loader(shards, 2)) {
            BatchIterator<List<Long>> batches = first.iterator();
            batches.next();
            batches.next();
            saved = first.state().encode();
        }
        assertTrue(saved.contains("\nstreams: ['v1_"), saved);
        // Every cut but the last line's newline, which leaves the whole state.
        for (int length = 0; length < saved.length() - 1; length++) {
            String cut = saved.substring(0, length);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LoaderState.decode(cut),
                    "cut at " + length);
            assertTrue(e.getMessage().startsWith("loader state: "), e.getMessage());
        }
        assertEquals(saved, LoaderState.decode(saved).encode());
    }

    @ParameterizedTest(name = "num_workers={0}, stop after {1} batches")
    @CsvSource({"0, 3", "2, 1", "2, 4", "3, 2", "3, 0"})
    void aRestoredLoaderDeliversExactlyTheBatchesTheFirstWouldHave(int workers, int stopAfter) throws IOException {
        List<Path> shards = ShardFixtures.write(dir, new int[] {7, 3, 5, 6, 2, 4});
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            List<List<Long>> expected = new ArrayList<>();
            try (DataLoader<LabeledSample<Image>, List<Long>> reference = loader(shards, workers)) {
                reference.setEpoch(1);
                reference.iterator().forEachRemaining(expected::add);
            }
            List<List<Long>> delivered = new ArrayList<>();
            String saved;
            try (DataLoader<LabeledSample<Image>, List<Long>> first = loader(shards, workers)) {
                first.setEpoch(1);
                BatchIterator<List<Long>> batches = first.iterator();
                for (int i = 0; i < stopAfter; i++) {
                    delivered.add(batches.next());
                }
                saved = first.state().encode();
            }
            try (DataLoader<LabeledSample<Image>, List<Long>> resumed = loader(shards, workers)) {
                resumed.restore(LoaderState.decode(saved));
                resumed.iterator().forEachRemaining(delivered::add);
            }
            assertEquals(expected, delivered, "state " + saved);
        });
    }

    @Test
    void aPositionFromAnotherRankOrAChangedShardIsRefused() throws IOException {
        List<Path> shards = ShardFixtures.write(dir, 4, 5);
        ShardDataset<Image> rank0 = ShardFixtures.builder(shards).rank(new Rank(0, 2)).build();
        ShardDataset<Image> rank1 = ShardFixtures.builder(shards).rank(new Rank(1, 2)).build();
        PositionedIterator<LabeledSample<Image>> stream = rank0.iterator(0, null);
        stream.next();
        stream.next();
        String position = stream.position();
        stream.close();
        assertEquals("the saved position belongs to rank 0 of 2, worker 0 of 1; this stream is rank 1 of 2, worker 0 "
                + "of 1: resume with the same world size, rank and num_workers",
                assertThrows(IllegalArgumentException.class, () -> rank1.iterator(0, position)).getMessage());
        Files.delete(shards.get(0));
        ShardFixtures.write(Files.createDirectories(dir.resolve("shorter")), new int[] {1});
        Files.move(dir.resolve("shorter").resolve("s0-0.tar"), shards.get(0));
        assertEquals(shards.get(0) + " has no sample number 2 at byte 4096: the shard changed since the position was "
                + "saved", assertThrows(IllegalArgumentException.class, () -> rank0.iterator(0, position)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> rank0.iterator(0, "v1_nonsense")).getMessage()
                .startsWith("'v1_nonsense' is not a shard stream position"));
    }

    private static DataLoader<LabeledSample<Image>, List<Long>> loader(List<Path> shards, int workers) {
        ShardDataset<Image> dataset = ShardFixtures.builder(shards).shuffle(true).shuffleBuffer(4).seed(21).build();
        Collate<LabeledSample<Image>, List<Long>> labels = (samples, allocator) -> {
            List<Long> batch = new ArrayList<>();
            for (LabeledSample<Image> sample : samples) {
                batch.add(sample.label(0));
            }
            return batch;
        };
        return DataLoader.builder(dataset).batchSize(3).numWorkers(workers).seed(21).collate(labels).build();
    }
}
