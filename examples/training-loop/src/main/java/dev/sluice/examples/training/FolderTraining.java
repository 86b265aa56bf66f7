package dev.sluice.examples.training;

import static dev.sluice.plugins.transforms.Transforms.IMAGENET_MEAN;
import static dev.sluice.plugins.transforms.Transforms.IMAGENET_STD;
import static dev.sluice.plugins.transforms.Transforms.compose;
import static dev.sluice.plugins.transforms.Transforms.normalize;
import static dev.sluice.plugins.transforms.Transforms.randomHorizontalFlip;
import static dev.sluice.plugins.transforms.Transforms.randomResizedCrop;
import static dev.sluice.plugins.transforms.Transforms.toTensor;

import dev.sluice.api.Image;
import dev.sluice.api.Tensor;
import dev.sluice.api.Transform;
import dev.sluice.core.collate.LabeledBatch;
import dev.sluice.core.dataset.ImageLabelDataset;
import dev.sluice.core.dataset.LabeledSample;
import dev.sluice.core.loader.DataLoader;
import dev.sluice.core.vision.ImageFolder;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The training loop a Java engineer writes first, as PyTorch's tutorials write it: a folder with one
 * sub-folder per class read by {@link ImageFolder#of(Path, Transform)}, augmented with
 * RandomResizedCrop, a horizontal flip, ToTensor and Normalize, loaded by two worker threads in
 * shuffled batches, for two epochs, each batch's images (float32 [N, 3, 64, 64]) and labels (int64
 * [N], class indices) handed to a model's training step.
 *
 * <pre>{@code
 * java -cp ... dev.sluice.examples.training.FolderTraining data/train     # any folder of class folders
 * java -cp ... dev.sluice.examples.training.FolderTraining                # the repository's sample photographs
 * }</pre>
 */
public final class FolderTraining {
    /** Training passes over the data. */
    public static final int EPOCHS = 2;
    /** Samples per batch. */
    public static final int BATCH_SIZE = 4;

    private FolderTraining() {
    }

    /**
     * Trains on the class folders under {@code args[0]}; with no argument, on the sample photographs
     * of {@code examples/sample-data} (run from the repository's root), sorted into a temporary
     * folder per subject.
     *
     * @throws IOException if a folder cannot be read or written
     */
    public static void main(String[] args) throws IOException {
        Path root = args.length > 0 ? Path.of(args[0])
                : SampleFolders.bySubject(Path.of("examples/sample-data"), Files.createTempDirectory("sluice-classes"));
        train(root, System.out);
    }

    /**
     * The loop: {@link #EPOCHS} epochs over the images under {@code root}, a line per batch and a
     * summary per epoch printed to {@code out}.
     *
     * @return each epoch's mean loss, in epoch order
     * @throws IOException if the folder cannot be walked
     */
    public static List<Double> train(Path root, PrintStream out) throws IOException {
        ImageLabelDataset<Tensor> dataset = ImageFolder.of(root, augmentation());
        List<String> classes = dataset.labelIndex().classNames();
        ChannelMeanClassifier model = new ChannelMeanClassifier(classes.size(), 0.5);
        List<Double> epochLosses = new ArrayList<>();
        out.println(dataset.size() + " images in " + classes.size() + " classes " + classes);
        try (DataLoader<LabeledSample<Tensor>, LabeledBatch> loader = DataLoader.builder(dataset)
                .batchSize(BATCH_SIZE).shuffle(true).numWorkers(2).seed(42).build()) {
            for (int epoch = 0; epoch < EPOCHS; epoch++) {
                double lossSum = 0;
                int batches = 0;
                for (LabeledBatch batch : loader) {
                    double loss = model.step(batch.images(), batch.labels());
                    out.println("epoch " + epoch + " batch " + batches + ": images " + batch.images().dtype() + " "
                            + Arrays.toString(batch.images().shape()) + ", labels " + batch.labels() + ", loss "
                            + round(loss));
                    lossSum += loss;
                    batches++;
                }
                epochLosses.add(lossSum / batches);
                out.println("epoch " + epoch + ": " + batches + " batches, mean loss " + round(lossSum / batches));
            }
        }
        return epochLosses;
    }

    /**
     * torchvision's {@code Compose([RandomResizedCrop(64), RandomHorizontalFlip(), ToTensor(),
     * Normalize(IMAGENET_MEAN, IMAGENET_STD)])}, in the transform pack's typed Java forms; a
     * configuration's {@code transforms:} list with the same ids builds the same objects.
     */
    static Transform<Image, Tensor> augmentation() {
        return compose(randomResizedCrop(64), randomHorizontalFlip(), toTensor(),
                normalize(IMAGENET_MEAN, IMAGENET_STD));
    }

    private static String round(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }
}
