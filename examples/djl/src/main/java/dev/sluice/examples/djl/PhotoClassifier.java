package dev.sluice.examples.djl;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.EasyTrain;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.Batch;
import ai.djl.training.evaluator.Accuracy;
import ai.djl.training.listener.TrainingListener;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.translate.TranslateException;
import dev.sluice.core.collate.LabeledBatch;
import dev.sluice.core.dataset.LabeledSample;
import dev.sluice.core.loader.DataLoader;
import dev.sluice.core.plugin.PluginRegistry;
import dev.sluice.core.wiring.Sluice;
import dev.sluice.core.wiring.SluiceConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The DJL example: trains {@link SmallCnn} to tell grass, a leaf, flower petals and wood apart on tiles
 * cut from four photographs ({@link PhotoTiles}), with Sluice loading, decoding and augmenting the
 * images (configured by {@code train.yaml} and {@code val.yaml}) and DJL's {@link EasyTrain} loop
 * running the PyTorch engine offline. Prints the loss curve and the held-out accuracy.
 *
 * <pre>
 * java -cp ... dev.sluice.examples.djl.PhotoClassifier [--epochs 20] [--dir target/photo-tiles]
 *         [--set loader.num_workers=4]...
 * </pre>
 */
public final class PhotoClassifier {
    /** Tiles per class for training: 480 in all, 15 batches of 32 per epoch. */
    public static final int TRAIN_TILES_PER_CLASS = 120;
    /** Tiles per class held out for validation. */
    public static final int VAL_TILES_PER_CLASS = 40;
    /** The seed of the tiles, the model's initial weights and DJL's own random choices. */
    public static final long SEED = 1;
    private static final float LEARNING_RATE = 0.003f;
    /** The loader workers {@code train.yaml} asks for; PyTorch gets the other cores. */
    private static final int LOADER_WORKERS = 2;

    private PhotoClassifier() {
    }

    /**
     * Runs the example.
     *
     * @param args {@code --epochs N} (default 20), {@code --dir PATH} (default {@code target/photo-tiles}),
     *        and any number of {@code --set key.path=value} overrides of {@code train.yaml}
     * @throws IllegalArgumentException for an unknown or incomplete argument, naming it
     */
    public static void main(String[] args) throws IOException, TranslateException {
        int epochs = 20;
        Path dir = Path.of("target", "photo-tiles");
        List<String> overrides = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (i + 1 == args.length) {
                throw new IllegalArgumentException(option + " needs a value (arguments: --epochs N, --dir PATH, "
                        + "--set key=value)");
            }
            String value = args[++i];
            switch (option) {
                case "--epochs" -> epochs = Integer.parseInt(value);
                case "--dir" -> dir = Path.of(value);
                case "--set" -> overrides.add(value);
                default -> throw new IllegalArgumentException("unknown argument " + option
                        + " (arguments: --epochs N, --dir PATH, --set key=value)");
            }
        }
        TrainingReport report = train(dir, epochs, overrides);
        System.out.print(report.summary());
    }

    /**
     * Writes the tiles and the two loader configurations into {@code dir}, then trains for
     * {@code epochs} epochs and validates after each.
     *
     * @param dir the working folder; created if missing, its tiles and configurations overwritten
     * @param epochs passes over the training tiles, {@code >= 1}
     * @param overrides {@code key.path=value} settings applied over {@code train.yaml}
     * @return what the run measured
     * @throws IllegalArgumentException if {@code epochs < 1}
     * @throws dev.sluice.core.wiring.ConfigException for a wrong override, naming the key
     * @throws UncheckedIOException if the working folder cannot be written
     */
    public static TrainingReport train(Path dir, int epochs, List<String> overrides)
            throws IOException, TranslateException {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be >= 1, was " + epochs);
        }
        DjlSettings.offline();
        DjlSettings.torchThreads(Math.max(1, Runtime.getRuntime().availableProcessors() - LOADER_WORKERS));
        PhotoTiles tiles = PhotoTiles.write(dir, TRAIN_TILES_PER_CLASS, VAL_TILES_PER_CLASS, SEED);
        PluginRegistry plugins = PluginRegistry.discover(PhotoClassifier.class.getClassLoader());
        SluiceConfig trainConfig = SluiceConfig.load(copyResource("train.yaml", tiles.root()), overrides);
        SluiceConfig valConfig = SluiceConfig.load(copyResource("val.yaml", tiles.root()));
        try (DataLoader<LabeledSample<Object>, LabeledBatch> trainLoader = Sluice.fromConfig(trainConfig, plugins);
                DataLoader<LabeledSample<Object>, LabeledBatch> valLoader = Sluice.fromConfig(valConfig, plugins);
                Model model = Model.newInstance("photo-classifier")) {
            Engine.getInstance().setRandomSeed((int) SEED);
            model.setBlock(SmallCnn.block(PhotoTiles.CLASSES.size()));
            SluiceDataset train = SluiceDataset.of(trainLoader);
            SluiceDataset val = SluiceDataset.of(valLoader);
            StepRecorder recorder = new StepRecorder();
            DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                    .addEvaluator(new Accuracy())
                    .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(LEARNING_RATE)).build())
                    .addTrainingListeners(TrainingListener.Defaults.basic())
                    .addTrainingListeners(recorder);
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(1, 3, 32, 32));
                float untrained = accuracy(trainer, val);
                long start = System.nanoTime();
                EasyTrain.fit(trainer, epochs, train, val);
                double seconds = (System.nanoTime() - start) / 1e9;
                return new TrainingReport(recorder.losses(), untrained, recorder.accuracies(), seconds,
                        train.arraysMade() + val.arraysMade(), train.arraysCopied() + val.arraysCopied());
            }
        }
    }

    /** The fraction of {@code dataset}'s samples whose highest score is their label. */
    private static float accuracy(Trainer trainer, SluiceDataset dataset) throws IOException, TranslateException {
        long correct = 0;
        long total = 0;
        for (Batch batch : trainer.iterateDataset(dataset)) {
            NDArray predicted = trainer.evaluate(batch.getData()).head().argMax(1);
            correct += predicted.eq(batch.getLabels().head()).countNonzero().getLong();
            total += batch.getSize();
            batch.close();
        }
        return (float) correct / total;
    }

    /** Copies the class-path resource {@code name} beside this class into {@code dir}. */
    static Path copyResource(String name, Path dir) {
        Path target = dir.resolve(name);
        try (InputStream in = PhotoClassifier.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new UncheckedIOException(new IOException(name + " is not on the class path beside "
                        + PhotoClassifier.class.getName()));
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }
}
