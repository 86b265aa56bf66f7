package dev.sluice.core.wiring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.DType;
import dev.sluice.core.collate.LabeledBatch;
import dev.sluice.core.dataset.LabeledSample;
import dev.sluice.core.loader.DataLoader;
import dev.sluice.core.loader.LoaderException;
import dev.sluice.core.plugin.PluginRegistry;
import dev.sluice.core.testing.TinyImageDecoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code loader.sampler} and {@code loader.batch_transform} from YAML to batches, on real worker
 * threads: each sampler draws what PyTorch's would, its refusals keep PyTorch's words, bad sampler
 * files are named with their line, and the saved plan names the sampler.
 */
class SamplerAndMixConfigTest {
    private static final int SAMPLES = 12;
    @TempDir
    Path dir;

    /** Twelve tiny images, image i labelled {@code label(i)}, and a configuration whose loader section ends with {@code loader}. */
    private SluiceConfig project(IntUnaryOperator label, String loader, Map<String, String> environment)
            throws IOException {
        Path images = Files.createDirectories(dir.resolve("images"));
        StringBuilder labels = new StringBuilder();
        for (int i = 0; i < SAMPLES; i++) {
            Files.write(images.resolve(i + ".tiny"), TinyImageDecoder.encode(4, 3, 20 * i));
            labels.append(i).append(".tiny ").append(label.applyAsInt(i)).append('\n');
        }
        Files.writeString(dir.resolve("train.txt"), labels);
        String yaml = String.join("\n", "dataset: {format: txt, labels: train.txt, root: images}",
                "decoder: {backend: tiny}", "transforms:", "  - test-to-tensor: {}", "loader:", "  batch_size: 5",
                "  seed: 3", loader, "");
        return SluiceConfig.parse(yaml, dir, List.of(), environment);
    }

    private SluiceConfig project(String loader) throws IOException {
        return project(i -> i, loader, Map.of());
    }

    private static DataLoader<LabeledSample<Object>, LabeledBatch> loader(SluiceConfig config) {
        return Sluice.fromConfig(config, PluginRegistry.discover(SamplerAndMixConfigTest.class.getClassLoader()));
    }

    /** The labels of every sample of {@code epochs} epochs, in order. */
    private static List<Long> labels(SluiceConfig config, int epochs) {
        List<Long> labels = new ArrayList<>();
        try (DataLoader<LabeledSample<Object>, LabeledBatch> loader = loader(config)) {
            for (int e = 0; e < epochs; e++) {
                for (LabeledBatch batch : loader) {
                    for (long label : batch.labels().toLongArray()) {
                        labels.add(label);
                    }
                }
            }
        }
        return labels;
    }

    private ConfigException refusal(String loader) {
        return assertThrows(ConfigException.class, () -> loader(project(loader)));
    }

    @Test
    void randomWithReplacementDrawsNumSamplesAlikeAtEveryWorkerCount() throws IOException {
        String sampler = "  sampler: {random: {replacement: true, num_samples: 23}}";
        SluiceConfig config = project(sampler);
        try (DataLoader<LabeledSample<Object>, LabeledBatch> loader = loader(config)) {
            assertEquals(5, loader.size());
            assertTrue(loader.state().plan().sampler().startsWith("random(dataset_size=12,num_samples=23,"
                    + "replacement=true"), loader.state().plan().sampler());
        }
        List<Long> drawn = labels(config, 2);
        assertEquals(46, drawn.size());
        assertTrue(drawn.stream().allMatch(label -> label >= 0 && label < SAMPLES));
        assertTrue(new TreeSet<>(drawn.subList(0, 23)).size() < 23, "with replacement, some index repeats: " + drawn);
        assertEquals(drawn, labels(project(sampler + "\n  num_workers: 3"), 2));
        // Without replacement, 23 of 12: one whole permutation, then 11 of the next.
        List<Long> permutations = labels(project("  sampler: {random: {num_samples: 23}}"), 1);
        assertEquals(12, new TreeSet<>(permutations.subList(0, 12)).size());
        assertEquals(11, new TreeSet<>(permutations.subList(12, 23)).size());
    }

    @Test
    void weightedFromAFileDrawsOnlyPositiveWeightsInProportion() throws IOException {
        StringBuilder weights = new StringBuilder("# one weight per sample\n");
        for (int i = 0; i < SAMPLES; i++) {
            weights.append(i == 2 ? "3" : i == 7 ? "1.0" : "0").append('\n');
        }
        Files.writeString(dir.resolve("weights.txt"), weights);
        List<Long> drawn = labels(project("  sampler: {weighted: {weights: weights.txt, num_samples: 2000}}\n"
                + "  num_workers: 2"), 1);
        assertEquals(2000, drawn.size());
        long twos = drawn.stream().filter(label -> label == 2).count();
        assertEquals(2000, twos + drawn.stream().filter(label -> label == 7).count());
        assertEquals(0.75, twos / 2000.0, 0.04);
    }

    @Test
    void inverseClassFrequencyBalancesTheClasses() throws IOException {
        // Ten samples of class 0, two of class 1.
        SluiceConfig config = project(i -> i < 10 ? 0 : 1, "  sampler: {weighted: {weights: inverse_class_frequency, "
                + "num_samples: 3000}}\n  num_workers: 3", Map.of());
        List<Long> drawn = labels(config, 1);
        assertEquals(0.5, drawn.stream().filter(label -> label == 1).count() / 3000.0, 0.04);
    }

    @Test
    void subsetReadsItsIndicesOncePerEpochInANewOrder() throws IOException {
        Files.writeString(dir.resolve("val.txt"), "1\n3\n\n5\n10\r\n");
        SluiceConfig config = project("  sampler: {subset: {indices: val.txt}}\n  num_workers: 1");
        List<Long> drawn = labels(config, 3);
        assertEquals(12, drawn.size());
        for (int e = 0; e < 3; e++) {
            assertEquals(new TreeSet<>(List.of(1L, 3L, 5L, 10L)), new TreeSet<>(drawn.subList(4 * e, 4 * e + 4)));
        }
        assertTrue(!drawn.subList(0, 4).equals(drawn.subList(4, 8)) || !drawn.subList(4, 8).equals(drawn.subList(8, 12)));
        assertEquals(drawn, labels(project("  sampler: {subset: {indices: val.txt}}"), 3));
    }

    @Test
    void pytorchsRefusalsKeepTheirWords() {
        assertTrue(refusal("  shuffle: true\n  sampler: random").getMessage()
                .contains("loader.sampler: sampler option is mutually exclusive with shuffle"));
        assertTrue(refusal("  sampler: {random: {replacement: 1}}").getMessage()
                .contains("replacement should be a boolean value, but got replacement=1"));
        assertTrue(refusal("  sampler: {random: {num_samples: 0}}").getMessage()
                .contains("num_samples should be a positive integer value, but got num_samples=0"));
        assertTrue(refusal("  sampler: {weighted: {weights: inverse_class_frequency, num_samples: 2.5}}").getMessage()
                .contains("num_samples should be a positive integer value, but got num_samples=2.5"));
        assertTrue(refusal("  sampler: {weighted: {weights: inverse_class_frequency, num_samples: 13, replacement: "
                + "false}}").getMessage().contains("cannot sample n_sample > prob_dist.size(-1) samples without "
                + "replacement"));
        assertTrue(refusal("  sampler: sequental").getMessage().contains("unknown sampler 'sequental'; known: random, "
                + "weighted, subset"));
        assertTrue(refusal("  sampler: distributed").getMessage().contains("distributed is implied by loader.rank"));
    }

    @Test
    void badWeightAndIndexFilesAreNamedWithTheirLine() throws IOException {
        Path weights = dir.resolve("weights.txt");
        String sampler = "  sampler: {weighted: {weights: weights.txt}}";
        Files.writeString(weights, "1\n2\n3\nnan\n" + "1\n".repeat(8));
        assertTrue(refusal(sampler).getMessage().contains("weights.txt:4: weight nan: invalid multinomial distribution "
                + "(encountering probability entry < 0)"));
        Files.writeString(weights, "1\n-0.5\n" + "1\n".repeat(10));
        assertTrue(refusal(sampler).getMessage().contains("weights.txt:2: weight -0.5: invalid multinomial"));
        Files.writeString(weights, "1\nInfinity\n" + "1\n".repeat(10));
        assertTrue(refusal(sampler).getMessage().contains("weights.txt:2: weight Infinity: invalid multinomial "
                + "distribution (encountering probability entry = infinity or NaN)"));
        Files.writeString(weights, "0\n".repeat(12));
        assertTrue(refusal(sampler).getMessage().contains("weights.txt: all 12 weights are 0: invalid multinomial "
                + "distribution (sum of probabilities <= 0)"));
        Files.writeString(weights, "1\n".repeat(11));
        assertTrue(refusal(sampler).getMessage().contains("weights.txt: has 11 weights, the dataset has 12 samples"));
        Files.writeString(weights, "1\n".repeat(13));
        assertTrue(refusal(sampler).getMessage().contains("weights.txt:13: more weights than the dataset's 12 samples"));
        Files.writeString(weights, "1".repeat(100_000));
        assertTrue(refusal(sampler).getMessage().contains("weights.txt:1: longer than 64 bytes; one number per line"));
        Files.delete(weights);
        Files.createDirectory(weights);
        assertTrue(refusal(sampler).getMessage().contains("is a directory, not a regular file"));
        Files.writeString(dir.resolve("val.txt"), "1\n12\n");
        ConfigException outside = refusal("  sampler: {subset: {indices: val.txt}}");
        assertTrue(outside.getMessage().contains("val.txt:2: index 12 is outside the dataset's 12 samples [0, 12)"),
                outside.getMessage());
        assertTrue(outside.getMessage().contains("loader.sampler.subset.indices"), outside.getMessage());
        Files.writeString(dir.resolve("val.txt"), "1\n2x\n");
        assertTrue(refusal("  sampler: {subset: {indices: val.txt}}").getMessage()
                .contains("val.txt:2: '2x' is not a whole number"));
    }

    @Test
    void theDistributedSamplersRankIsInThePlanAndNoOtherSamplerJoinsIt() throws IOException {
        Map<String, String> rankOne = Map.of("RANK", "1", "WORLD_SIZE", "3");
        try (DataLoader<LabeledSample<Object>, LabeledBatch> loader = loader(project(i -> i, "", rankOne))) {
            assertEquals("distributed(dataset_size=12,num_replicas=3,rank=1,shuffle=false,seed=3,drop_last=false)",
                    loader.state().plan().sampler());
            try (DataLoader<LabeledSample<Object>, LabeledBatch> rankTwo = loader(project(i -> i, "",
                    Map.of("RANK", "2", "WORLD_SIZE", "3")))) {
                IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                        () -> rankTwo.restore(loader.state()));
                assertTrue(refused.getMessage().contains("sampler=distributed(dataset_size=12,num_replicas=3,rank=1"),
                        refused.getMessage());
            }
        }
        ConfigException both = assertThrows(ConfigException.class, () -> project(i -> i, "  sampler: random", rankOne));
        assertTrue(both.getMessage().contains("a sampler of its own cannot be combined with it"), both.getMessage());
    }

    @Test
    void mixupFromYamlGivesSoftLabelsAndNeedsTensors() throws IOException {
        String mix = "  shuffle: true\n  batch_transform:\n    random_choice:\n      transforms:\n"
                + "        - mixup: {alpha: 0.4, num_classes: 12}\n        - cutmix: {num_classes: 12}\n      p: [2, 1]";
        List<LabeledBatch> batches = new ArrayList<>();
        try (DataLoader<LabeledSample<Object>, LabeledBatch> loader = loader(project(mix + "\n  num_workers: 3"))) {
            loader.forEach(batches::add);
            assertTrue(loader.state().plan().batchTransform().startsWith("random_choice(0.6666666666666666*mixup("
                    + "alpha=0.4,p=1.0,num_classes=12)"), loader.state().plan().batchTransform());
        }
        assertEquals(3, batches.size());
        assertEquals(DType.FLOAT32, batches.get(0).labels().dtype());
        assertArrayEquals(new int[] {5, 12}, batches.get(0).labels().shape());
        List<LabeledBatch> alone = new ArrayList<>();
        try (DataLoader<LabeledSample<Object>, LabeledBatch> loader = loader(project(mix))) {
            loader.forEach(alone::add);
        }
        assertEquals(alone, batches);
        Map<String, String> none = new HashMap<>();
        ConfigException images = assertThrows(ConfigException.class, () -> loader(SluiceConfig.parse(String.join("\n",
                "dataset: {format: txt, labels: train.txt, root: images}", "decoder: {backend: tiny}",
                "loader:", "  batch_transform: {cutmix: {num_classes: 12}}", ""), dir, List.of(), none)));
        assertTrue(images.getMessage().contains("the transforms end with decoded images"), images.getMessage());
        assertTrue(refusal("  batch_transform: {mixup: {alpha: 0.4}}").getMessage()
                .contains("loader.batch_transform.mixup.num_classes: required"));
        assertTrue(refusal("  batch_transform: {mixup: {alpha: -1, num_classes: 3}}").getMessage()
                .contains("loader.batch_transform.mixup.alpha: alpha must be a finite number > 0"));
        assertTrue(refusal("  batch_transform: {random_choice: {transforms: [{mixup: {num_classes: 3}}, "
                + "{cutmix: {num_classes: 4}}]}}").getMessage().contains("num_classes is 4, the first choice's is 3"));
        assertTrue(refusal("  batch_transform: {random_choice: {transforms: [{mixup: {num_classes: 3}}], p: [1, 2]}}")
                .getMessage().contains("Length of p doesn't match the number of transforms: 2 != 1"));
        try (DataLoader<LabeledSample<Object>, LabeledBatch> loader = loader(project("  batch_transform: {mixup: "
                + "{num_classes: 3}}"))) {
            LoaderException failed = assertThrows(LoaderException.class, () -> loader.forEach(batch -> { }));
            assertTrue(failed.getMessage().contains("mixup: the label of sample 3 of the batch is 3, outside [0, 3)"),
                    failed.getMessage());
        }
    }
}
