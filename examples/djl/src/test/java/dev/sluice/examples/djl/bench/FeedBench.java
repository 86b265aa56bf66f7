package dev.sluice.examples.djl.bench;

import ai.djl.Model;
import ai.djl.basicdataset.cv.classification.ImageFolder;
import ai.djl.engine.Engine;
import ai.djl.modality.cv.transform.Normalize;
import ai.djl.modality.cv.transform.RandomResizedCrop;
import ai.djl.modality.cv.transform.ToTensor;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.EasyTrain;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.Dataset;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import dev.sluice.core.collate.LabeledBatch;
import dev.sluice.core.dataset.LabeledSample;
import dev.sluice.core.loader.DataLoader;
import dev.sluice.core.plugin.PluginRegistry;
import dev.sluice.core.wiring.Sluice;
import dev.sluice.core.wiring.SluiceConfig;
import dev.sluice.examples.djl.DjlSettings;
import dev.sluice.examples.djl.PhotoTiles;
import dev.sluice.examples.djl.SluiceDataset;
import dev.sluice.examples.djl.SmallCnn;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Steps per second of the example's training fed by Sluice ({@code train.yaml}: 2 worker threads,
 * pinned batches wrapped without a copy) and by DJL's own {@link ImageFolder} over the same JPEG
 * tiles, with the same batch size and equivalent transforms (random resized crop to 32, horizontal
 * flip, colour jitter, to-tensor, normalize) and 2 prefetching threads, in the same JVM, rounds
 * alternating. Also the loading alone (batches per second, no training), the training alone (one
 * batch over and over: the model's own limit) and the copies per batch.
 *
 * <pre>
 * java -cp ... dev.sluice.examples.djl.bench.FeedBench [rounds] [epochs per round] [tiles folder]
 * </pre>
 */
public final class FeedBench {
    private static final int BATCH = 32;
    private static final int LOADER_THREADS = 2;

    private FeedBench() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        Path dir = Path.of(args.length > 2 ? args[2] : "target/bench-tiles");
        DjlSettings.offline();
        DjlSettings.torchThreads(Math.max(1, Runtime.getRuntime().availableProcessors() - LOADER_THREADS));
        PhotoTiles tiles = PhotoTiles.write(dir, 120, 40, 1);
        Path yaml = dir.resolve("train.yaml");
        try (InputStream in = FeedBench.class.getResourceAsStream("/dev/sluice/examples/djl/train.yaml")) {
            Files.copy(in, yaml, StandardCopyOption.REPLACE_EXISTING);
        }
        ExecutorService djlThreads = Executors.newFixedThreadPool(LOADER_THREADS);
        try (DataLoader<LabeledSample<Object>, LabeledBatch> loader = Sluice.fromConfig(SluiceConfig.load(yaml),
                PluginRegistry.discover(FeedBench.class.getClassLoader()));
                NDManager manager = NDManager.newBaseManager()) {
            SluiceDataset sluice = SluiceDataset.of(loader);
            ImageFolder folder = imageFolder(tiles.train());
            folder.prepare();
            System.out.printf(Locale.ROOT, "%d training tiles of %dx%d in %d classes, batches of %d, %d per epoch; "
                    + "%d cores, loader threads %d, PyTorch threads %s%n", folder.size(), PhotoTiles.TILE,
                    PhotoTiles.TILE, PhotoTiles.CLASSES.size(), BATCH, sluice.batchesPerEpoch(),
                    Runtime.getRuntime().availableProcessors(), LOADER_THREADS,
                    System.getProperty(DjlSettings.TORCH_THREADS));

            // Warm-up: JIT, the engine, the file cache.
            feed(sluice, manager, null, 1);
            feed(folder, manager, djlThreads, 1);
            double[][] rates = new double[5][rounds];
            for (int round = 0; round < rounds; round++) {
                rates[0][round] = feed(sluice, manager, null, epochs);
                rates[1][round] = feed(folder, manager, djlThreads, epochs);
                rates[2][round] = train(sluice, null, epochs);
                rates[3][round] = train(folder, djlThreads, epochs);
                rates[4][round] = trainOnOneBatch(sluice, manager, epochs * (int) sluice.batchesPerEpoch());
                System.out.printf(Locale.ROOT, "round %d: loading alone (batches/s) sluice %.1f, ImageFolder %.1f; "
                        + "training (steps/s) sluice %.2f, ImageFolder %.2f, no loading %.2f%n", round + 1,
                        rates[0][round], rates[1][round], rates[2][round], rates[3][round], rates[4][round]);
            }
            System.out.printf(Locale.ROOT, "median of %d rounds of %d epochs: loading alone sluice %.1f vs ImageFolder "
                    + "%.1f batches/s; training sluice %.2f vs ImageFolder %.2f steps/s%n", rounds, epochs,
                    median(rates[0]), median(rates[1]), median(rates[2]), median(rates[3]));
            // The load of a shared machine drifts between rounds; within a round both sources see about the same.
            System.out.printf(Locale.ROOT, "median of the rounds' ratios sluice / ImageFolder: loading alone x%.2f, "
                    + "training x%.2f%n", median(ratios(rates[0], rates[1])), median(ratios(rates[2], rates[3])));
            System.out.printf(Locale.ROOT, "training on one batch over and over, no loading: %.2f steps/s%n",
                    median(rates[4]));
            System.out.printf(Locale.ROOT, "sluice -> DJL: %d arrays made, %d copied (%.2f copies per batch)%n",
                    sluice.arraysMade(), sluice.arraysCopied(), 2.0 * sluice.arraysCopied() / sluice.arraysMade());
        } finally {
            djlThreads.shutdownNow();
        }
    }

    private static ImageFolder imageFolder(Path root) {
        return ImageFolder.builder()
                .setRepositoryPath(root)
                .addTransform(new RandomResizedCrop(32, 32, 0.35, 1.0, 3.0 / 4, 4.0 / 3))
                .addTransform(DjlAugmentations.horizontalFlip(0.5f))
                .addTransform(DjlAugmentations.colorJitter(0.3f, 0.3f, 0.3f))
                .addTransform(new ToTensor())
                .addTransform(new Normalize(new float[] {0.5f, 0.5f, 0.5f}, new float[] {0.25f, 0.25f, 0.25f}))
                .setSampling(BATCH, true, true)
                .build();
    }

    /** Batches per second of iterating {@code epochs} epochs without training. */
    private static double feed(Dataset dataset, NDManager manager, ExecutorService threads, int epochs)
            throws Exception {
        long batches = 0;
        long start = System.nanoTime();
        for (int epoch = 0; epoch < epochs; epoch++) {
            for (Batch batch : dataset.getData(manager, threads)) {
                batches++;
                batch.close();
            }
        }
        return batches / ((System.nanoTime() - start) / 1e9);
    }

    /** Steps per second of EasyTrain's loop (forward, backward, Adam step) over {@code epochs} epochs. */
    private static double train(Dataset dataset, ExecutorService threads, int epochs) throws Exception {
        Engine.getInstance().setRandomSeed(1);
        try (Model model = Model.newInstance("bench")) {
            model.setBlock(SmallCnn.block(PhotoTiles.CLASSES.size()));
            DefaultTrainingConfig config = trainingConfig();
            if (threads != null) {
                config.optExecutorService(threads);
            }
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(1, 3, 32, 32));
                long steps = 0;
                long start = System.nanoTime();
                for (int epoch = 0; epoch < epochs; epoch++) {
                    for (Batch batch : trainer.iterateDataset(dataset)) {
                        EasyTrain.trainBatch(trainer, batch);
                        trainer.step();
                        batch.close();
                        steps++;
                    }
                }
                return steps / ((System.nanoTime() - start) / 1e9);
            }
        }
    }

    /** Steps per second of training on one batch again and again: the model's own limit. */
    private static double trainOnOneBatch(SluiceDataset dataset, NDManager manager, int steps) throws Exception {
        Engine.getInstance().setRandomSeed(1);
        try (Model model = Model.newInstance("bench")) {
            model.setBlock(SmallCnn.block(PhotoTiles.CLASSES.size()));
            try (Trainer trainer = model.newTrainer(trainingConfig())) {
                trainer.initialize(new Shape(1, 3, 32, 32));
                Iterator<Batch> batches = dataset.getData(manager).iterator();
                Batch batch = batches.next();
                try {
                    long start = System.nanoTime();
                    for (int step = 0; step < steps; step++) {
                        EasyTrain.trainBatch(trainer, batch);
                        trainer.step();
                    }
                    return steps / ((System.nanoTime() - start) / 1e9);
                } finally {
                    batch.close();
                    while (batches.hasNext()) {
                        batches.next().close();
                    }
                }
            }
        }
    }

    private static DefaultTrainingConfig trainingConfig() {
        return new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(0.003f)).build());
    }

    private static double[] ratios(double[] numerators, double[] denominators) {
        double[] ratios = new double[numerators.length];
        for (int i = 0; i < ratios.length; i++) {
            ratios[i] = numerators[i] / denominators[i];
        }
        return ratios;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
