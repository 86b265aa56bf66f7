package dev.sluice.core.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.sluice.api.Dataset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Resuming with settings changed (issue 15, item 4): a new batch size or number of workers
 * continues exactly, every remaining sample once with the augmentation it would have had; a
 * change of what orders the samples is refused naming the setting and both values.
 */
class ResumeAfterChangeTest {
    private static final Duration LIMIT = Duration.ofSeconds(30);
    private static final int SIZE = 1000;

    @AfterEach
    void noWorkerOutlivesItsTest() {
        Threads.assertNoWorkersWithin(5_000);
    }

    /** Sample i is "i:draw", the draw from the random source the loader hands in for it. */
    private static class Augmented implements Dataset<String> {
        @Override
        public String get(long index) {
            throw new AssertionError("the loader calls get(index, random)");
        }

        @Override
        public String get(long index, RandomGenerator random) {
            return index + ":" + random.nextInt(1000);
        }

        @Override
        public long size() {
            return SIZE;
        }
    }

    private static DataLoaderBuilder<String, List<String>> loader(int batchSize, int workers, boolean shuffle,
            long seed) {
        return DataLoader.builder((Dataset<String>) new Augmented()).batchSize(batchSize).numWorkers(workers)
                .shuffle(shuffle).seed(seed).collate(TestDatasets.<String>toList());
    }

    /** Epoch 1's samples as an uninterrupted loader delivers them. */
    private static List<String> wholeEpoch() {
        try (DataLoader<String, List<String>> reference = loader(10, 0, true, 42).build()) {
            reference.setEpoch(1);
            List<String> samples = new ArrayList<>();
            reference.iterator().forEachRemaining(samples::addAll);
            return samples;
        }
    }

    /** Runs {@code batches} batches of epoch 1 with batch size 10 and 2 workers; returns the state's text. */
    private static String stopAfter(int batches, List<String> delivered) {
        return stopAfter(loader(10, 2, true, 42), batches, delivered);
    }

    private static String stopAfter(DataLoaderBuilder<String, List<String>> builder, int batches,
            List<String> delivered) {
        try (DataLoader<String, List<String>> first = builder.build()) {
            first.setEpoch(1);
            BatchIterator<List<String>> epoch = first.iterator();
            for (int i = 0; i < batches; i++) {
                delivered.addAll(epoch.next());
            }
            return first.state().encode();
        }
    }

    @ParameterizedTest(name = "batch_size 10 -> {0}, num_workers 2 -> {1}")
    @CsvSource({"10, 2", "7, 2", "64, 2", "1, 0", "10, 0", "10, 3", "7, 3", "13, 1"})
    void theRemainingSamplesComeOnceEachWithTheirAugmentation(int batchSize, int workers) {
        assertTimeoutPreemptively(LIMIT, () -> {
            List<String> delivered = new ArrayList<>();
            String saved = stopAfter(7, delivered);
            try (DataLoader<String, List<String>> resumed = loader(batchSize, workers, true, 42).build()) {
                resumed.restore(LoaderState.decode(saved));
                BatchIterator<List<String>> rest = resumed.iterator();
                List<Integer> sizes = new ArrayList<>();
                rest.forEachRemaining(batch -> {
                    sizes.add(batch.size());
                    delivered.addAll(batch);
                });
                assertEquals(List.of(), sizes.subList(0, sizes.size() - 1).stream().filter(size -> size != batchSize)
                        .collect(Collectors.toList()), "every batch but the last has the new size");
            }
            // Same samples, same order, same draws: nothing lost, nothing twice.
            assertEquals(wholeEpoch(), delivered);
        });
    }

    @Test
    void samplesDeliveredOutOfOrderAreNotDeliveredAgain() {
        assertTimeoutPreemptively(LIMIT, () -> {
            List<String> delivered = new ArrayList<>();
            String saved;
            try (DataLoader<String, List<String>> first = loader(10, 3, true, 42).inOrder(false).build()) {
                first.setEpoch(1);
                BatchIterator<List<String>> epoch = first.iterator();
                for (int i = 0; i < 9; i++) {
                    delivered.addAll(epoch.next());
                }
                saved = first.state().encode();
            }
            try (DataLoader<String, List<String>> resumed = loader(7, 2, true, 42).build()) {
                resumed.restore(LoaderState.decode(saved));
                resumed.iterator().forEachRemaining(delivered::addAll);
            }
            List<String> expected = wholeEpoch();
            assertEquals(SIZE, delivered.size(), "every sample once");
            assertEquals(expected.stream().sorted().collect(Collectors.toList()),
                    delivered.stream().sorted().collect(Collectors.toList()));
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "shuffle | shuffle=true, this loader has shuffle=false",
        "seed | seed=42, this loader has seed=7",
        "drop_last | drop_last=false, this loader has drop_last=true",
        "sampler | sampler=SequentialSampler, this loader has sampler=random(dataset_size=1000,num_samples=1000,"
                + "replacement=false,seed=42)"})
    void aChangeOfOrderIsRefusedNamingTheSettingAndBothValues(String setting, String values) {
        String saved = setting.equals("sampler") ? stopAfter(loader(10, 2, false, 42), 7, new ArrayList<>())
                : stopAfter(7, new ArrayList<>());
        DataLoaderBuilder<String, List<String>> changed = switch (setting) {
            case "shuffle" -> loader(10, 2, false, 42);
            case "seed" -> loader(10, 2, true, 7);
            case "drop_last" -> loader(10, 2, true, 42).dropLast(true);
            default -> loader(10, 2, false, 42).sampler(dev.sluice.core.sampler.RandomSampler.of(SIZE, 42));
        };
        try (DataLoader<String, List<String>> resumed = changed.build()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> resumed.restore(LoaderState.decode(saved)));
            assertEquals("cannot continue from the state: it was saved with " + values + "; the samples would come "
                    + "in another order, some delivered twice and others never. Resume with " + values.substring(0,
                    values.indexOf(',')) + ", or start the epoch afresh", e.getMessage());
        }
    }

    @Test
    void otherDatasetContentsAreRefused() {
        String saved = stopAfter(7, new ArrayList<>());
        Dataset<String> bigger = new Augmented() {
            @Override
            public long size() {
                return SIZE + 1;
            }
        };
        try (DataLoader<String, List<String>> resumed = DataLoader.builder(bigger).batchSize(10).shuffle(true)
                .seed(42).collate(TestDatasets.<String>toList()).build()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> resumed.restore(LoaderState.decode(saved)));
            assertEquals("cannot continue from the state: it was saved with dataset_size=1000, this loader has "
                    + "dataset_size=1001; the samples would come in another order, some delivered twice and others "
                    + "never. Resume with dataset_size=1000, or start the epoch afresh", e.getMessage());
        }
    }
}
