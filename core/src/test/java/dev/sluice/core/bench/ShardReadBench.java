package dev.sluice.core.bench;

import dev.sluice.api.Collate;
import dev.sluice.api.Image;
import dev.sluice.api.ImageDecoder;
import dev.sluice.api.Options;
import dev.sluice.api.spi.ImageDecoderProvider;
import dev.sluice.core.dataset.ImageLabelDataset;
import dev.sluice.core.dataset.LabeledSample;
import dev.sluice.core.label.LabelIndex;
import dev.sluice.core.label.TxtLabelFormatProvider;
import dev.sluice.core.testing.RegistryLabelFormats;
import dev.sluice.core.loader.DataLoader;
import dev.sluice.core.plugin.PluginInfo;
import dev.sluice.core.plugin.PluginKind;
import dev.sluice.core.plugin.PluginRegistry;
import dev.sluice.core.shard.ShardDataset;
import dev.sluice.core.shard.Shards;
import dev.sluice.core.wiring.ShardExport;
import dev.sluice.core.wiring.SluiceConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Images per second decoded from individual files (an {@link ImageLabelDataset} over a label file)
 * against the same images from tar shards (a {@link ShardDataset}), for each decoder plugin named
 * (those of the class path's that are available), through a DataLoader with worker threads. The shards are written first, with the
 * JPEG bytes as they are, by {@link ShardExport}. A benchmark, not a test: run it on a quiet
 * machine, with the decoder plugins' classes on the class path.
 *
 * <pre>
 * mvn -q -o -pl api,core,plugins-imageio,plugins-opencv package -DskipTests
 * mvn -q -o -pl core,plugins-imageio,plugins-opencv dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -cp "core/target/test-classes:core/target/classes:api/target/classes:plugins-imageio/target/classes:\
 * plugins-opencv/target/classes:$(cat /tmp/cp.txt)" dev.sluice.core.bench.ShardReadBench \
 *     ../bench-set [num_workers] [repeats] [decoder ids, default imageio,opencv]
 * </pre>
 */
public final class ShardReadBench {
    private static final int BATCH = 32;
    private static final Collate<LabeledSample<Image>, Integer> COUNT = (samples, allocator) -> samples.size();

    private ShardReadBench() {
    }

    public static void main(String[] args) throws Exception {
        Path set = Path.of(args.length > 0 ? args[0] : "../bench-set");
        int workers = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        List<String> decoders = List.of((args.length > 3 ? args[3] : "imageio,opencv").split(","));
        PluginRegistry plugins = PluginRegistry.discover(ShardReadBench.class.getClassLoader());
        Path shardDir = Files.createTempDirectory("sluice-bench-shards");
        SluiceConfig config = SluiceConfig.parse("dataset:\n  labels: train.txt\n  root: images\n", set, List.of());
        ShardExport.Result written = ShardExport.builder(config, plugins, shardDir).maxSamples(250)
                .pattern("bench-%04d.tar").build().run();
        List<Path> shards = Shards.expand(shardDir, "bench-*.tar");
        LabelIndex index = LabelIndex.read(new TxtLabelFormatProvider().create(Options.empty()),
                set.resolve("train.txt"), set.resolve("images"));
        System.out.printf(Locale.ROOT, "%d images (%.1f MB) in %d shards; batch %d, num_workers=%d, %d timed epochs "
                + "each after one warm-up, files and shards in turns; median [min-max] images/s%n", written.samples(), written.bytes() / 1e6,
                shards.size(), BATCH, workers, repeats);
        for (PluginInfo info : plugins.plugins(PluginKind.DECODER)) {
            if (!decoders.contains(info.id())) {
                continue;
            }
            if (!info.availability().available()) {
                System.out.println(info.id() + ": unavailable: " + info.availability().reason());
                continue;
            }
            ImageDecoder decoder = plugins.require(PluginKind.DECODER, ImageDecoderProvider.class, info.id(), "bench")
                    .create(Options.empty());
            ImageLabelDataset<Image> files = ImageLabelDataset.builder(index, set.resolve("images"), decoder).build();
            ShardDataset<Image> fromShards = ShardDataset.builder(shards, decoder).labels("cls", RegistryLabelFormats.txt())
                    .shuffle(true).shuffleBuffer(100)
                    .build();
            compare(info.id(), DataLoader.builder(files).batchSize(BATCH).shuffle(true).numWorkers(workers)
                    .collate(COUNT).build(), DataLoader.builder(fromShards).batchSize(BATCH).numWorkers(workers)
                    .collate(COUNT).build(), repeats);
        }
        // Reading alone: a "decoder" that only touches the bytes, to show the storage and framework side.
        ImageDecoder readOnly = (encoded, options) -> Image.wrap(1, 1, 1, new byte[] {encoded.get(encoded.limit() - 1)});
        compare("no-decode", DataLoader.builder(ImageLabelDataset.builder(index, set.resolve("images"), readOnly)
                .build()).batchSize(BATCH).shuffle(true).numWorkers(workers).collate(COUNT).build(),
                DataLoader.builder(ShardDataset.builder(shards, readOnly).labels("cls", RegistryLabelFormats.txt()).shuffle(true).shuffleBuffer(100).build())
                        .batchSize(BATCH).numWorkers(workers).collate(COUNT).build(), repeats);
        for (Path shard : shards) {
            Files.delete(shard);
        }
        Files.delete(shardDir);
    }

    /**
     * Times epochs of the two loaders in turns (one warm-up each, then files, shards, files, ...), so
     * that both see the same load on a shared machine, and prints the medians and the median of the
     * per-turn ratios.
     */
    private static void compare(String what, DataLoader<LabeledSample<Image>, Integer> files,
            DataLoader<LabeledSample<Image>, Integer> shards, int repeats) {
        double[] fileRates = new double[repeats];
        double[] shardRates = new double[repeats];
        double[] ratios = new double[repeats];
        try (files; shards) {
            epoch(files);
            epoch(shards);
            for (int r = 0; r < repeats; r++) {
                fileRates[r] = epoch(files);
                shardRates[r] = epoch(shards);
                ratios[r] = shardRates[r] / fileRates[r];
            }
        }
        Arrays.sort(fileRates);
        Arrays.sort(shardRates);
        Arrays.sort(ratios);
        System.out.printf(Locale.ROOT, "%-9s files %8.1f [%.1f-%.1f]  shards %8.1f [%.1f-%.1f]  shards/files x%.2f "
                + "[%.2f-%.2f]%n", what, fileRates[repeats / 2], fileRates[0], fileRates[repeats - 1],
                shardRates[repeats / 2], shardRates[0], shardRates[repeats - 1], ratios[repeats / 2], ratios[0],
                ratios[repeats - 1]);
    }

    /** Images per second of one epoch. */
    private static double epoch(DataLoader<LabeledSample<Image>, Integer> loader) {
        long start = System.nanoTime();
        long images = 0;
        for (int count : loader) {
            images += count;
        }
        return images / ((System.nanoTime() - start) / 1e9);
    }
}
