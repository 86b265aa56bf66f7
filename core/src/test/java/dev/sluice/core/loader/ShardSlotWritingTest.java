package dev.sluice.core.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.Collate;
import dev.sluice.core.collate.LabeledBatch;
import dev.sluice.core.collate.LabeledCollate;
import dev.sluice.core.dataset.ErrorPolicy;
import dev.sluice.core.dataset.LabeledSample;
import dev.sluice.core.shard.ShardDataset;
import dev.sluice.core.shard.ShardWriter;
import dev.sluice.core.testing.RandomCropToFloats;
import dev.sluice.core.testing.RegistryLabelFormats;
import dev.sluice.core.testing.TinyImageDecoder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A shard dataset whose transform is a {@link dev.sluice.api.SlotTransform}, loaded with
 * {@link LabeledCollate}, has each sample written straight into its slot of the batch: the batches
 * are those of the general route (each sample transformed whole, then collated), with or without
 * worker threads, a broken sample skipped on both.
 */
class ShardSlotWritingTest {
    /** The bytes of one sample's 3 x 2 x 3 float32 crop. */
    private static final int SAMPLE_BYTES = 3 * 2 * 3 * Float.BYTES;

    @TempDir
    Path dir;
    private List<Path> shards;

    @BeforeEach
    void writeThreeShardsOneSampleBroken() throws IOException {
        shards = new ArrayList<>();
        int sample = 0;
        for (int shard = 0; shard < 3; shard++) {
            ShardWriter writer = ShardWriter.builder(dir).pattern("s" + shard + "-%d.tar").maxSamples(Long.MAX_VALUE)
                    .mtime(Instant.ofEpochSecond(1_700_000_000L)).build();
            try (writer) {
                for (int i = 0; i < 7; i++, sample++) {
                    Map<String, byte[]> members = new LinkedHashMap<>();
                    members.put("tiny", sample == 9 ? new byte[] {1, 2}
                            : TinyImageDecoder.encode(4 + sample % 3, 3 + sample % 2, 10 * sample % 256));
                    members.put("cls", (sample % 5 + " " + sample).getBytes(StandardCharsets.US_ASCII));
                    writer.write(String.format("%06d", sample), members);
                }
            }
            shards.addAll(writer.shards());
        }
    }

    private List<LabeledBatch> epoch(RandomCropToFloats crop, Collate<LabeledSample<?>, LabeledBatch> collate,
            int workers) {
        ShardDataset<?> dataset = ShardDataset.builder(shards, new TinyImageDecoder()).imageExtensions(List.of("tiny"))
                .labels("cls", RegistryLabelFormats.txt()).transform(crop).shuffle(true).shuffleBuffer(5).seed(7)
                .onError(ErrorPolicy.SKIP).build();
        @SuppressWarnings("unchecked")
        ShardDataset<Object> samples = (ShardDataset<Object>) dataset;
        try (DataLoader<LabeledSample<Object>, LabeledBatch> loader = DataLoader.builder(samples).batchSize(4)
                .numWorkers(workers).seed(7).onError(ErrorPolicy.SKIP).collate(collate).build()) {
            loader.setEpoch(2);
            List<LabeledBatch> batches = new ArrayList<>();
            for (LabeledBatch batch : loader) {
                batches.add(batch);
            }
            return batches;
        }
    }

    @ParameterizedTest(name = "{0} workers")
    @CsvSource({"0", "2"})
    void slotsGiveTheBatchesOfTheGeneralRoute(int workers) {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            RandomCropToFloats written = new RandomCropToFloats();
            RandomCropToFloats applied = new RandomCropToFloats();
            List<LabeledBatch> direct = epoch(written, new LabeledCollate(), workers);
            LabeledCollate labeled = new LabeledCollate();
            List<LabeledBatch> general = epoch(applied, labeled::collate, workers);
            assertEquals(general, direct);
            int delivered = 0;
            for (LabeledBatch batch : direct) {
                delivered += batch.size();
                assertEquals(batch.size(), batch.labels().dim(0));
                assertEquals((long) batch.size() * SAMPLE_BYTES, batch.images().data().remaining());
            }
            assertEquals(20, delivered, "21 samples, the broken one skipped");
            assertEquals(20, written.prepared.get(), "each readable sample prepared once on the slot route");
            assertEquals(20, applied.prepared.get(), "and once through apply on the general route");
            assertTrue(written.largestDestination.get() > SAMPLE_BYTES, "the slot route writes into batch tensors");
            assertEquals(SAMPLE_BYTES, applied.largestDestination.get(), "the general route makes a tensor per sample");
        });
        Threads.assertNoWorkersWithin(5_000);
    }
}
