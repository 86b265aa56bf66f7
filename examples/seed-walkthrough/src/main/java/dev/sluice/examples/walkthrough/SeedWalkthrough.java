package dev.sluice.examples.walkthrough;

import dev.sluice.api.EncodeOptions;
import dev.sluice.api.Image;
import dev.sluice.api.ImageDecoder;
import dev.sluice.api.Tensor;
import dev.sluice.api.Transform;
import dev.sluice.core.collate.LabeledBatch;
import dev.sluice.core.dataset.ImageLabelDataset;
import dev.sluice.core.dataset.LabeledSample;
import dev.sluice.core.dataset.Repeat;
import dev.sluice.core.loader.BatchIterator;
import dev.sluice.core.loader.DataLoader;
import dev.sluice.core.sampler.Seeds;
import dev.sluice.core.vision.LabeledImages;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The seed recipe's walkthrough, as Java to copy: a dataset read from a text file of
 * {@code image_name label1 label2} lines, decoded, resized, turned into normalised CHW tensors and
 * batched seven at a time; two epochs; the endless dataset stopped after an exact number of steps;
 * the first batch saved as a picture where the recipe opened a window. Its YAML twin,
 * {@code examples/seed-walkthrough/seed-walkthrough.yaml}, builds the same loader with
 * {@code Sluice.fromConfig}.
 *
 * <pre>{@code
 * java -cp ... dev.sluice.examples.walkthrough.SeedWalkthrough examples/sample-data first-batch.png
 * }</pre>
 */
public final class SeedWalkthrough {
    /** The recipe's {@code batch_size}. */
    public static final int BATCH_SIZE = 7;
    /** The recipe's {@code epoch_num}. */
    public static final int EPOCHS = 2;
    private static final double[] MEAN = {0.485, 0.456, 0.406};
    private static final double[] STD = {0.229, 0.224, 0.225};

    private SeedWalkthrough() {
    }

    /**
     * The recipe's {@code TorchDataset(filename, image_dir, resize_height=96, resize_width=96, repeat)}:
     * the entries of {@code labelFile}, each image decoded as RGB, resized to 96 x 96 as
     * {@code cv2.resize} does, scaled to [0, 1] floats CHW and normalised with ImageNet's mean and std.
     *
     * @param repeat {@code Repeat.times(n)}, or {@code Repeat.forever()} for the recipe's {@code repeat=None}
     * @throws IOException when the label file cannot be read; a bad line is named with file:line
     */
    public static ImageLabelDataset<Tensor> dataset(Path labelFile, Path imageDir, Repeat repeat) throws IOException {
        ImageDecoder decoder = Plugins.decoder("imageio");
        Transform<Image, Tensor> preprocess = Plugins.<Image, Image>transform("resize", Map.of("height", 96, "width", 96,
                        "antialias", false))
                .andThen(Plugins.<Image, Tensor>transform("to_tensor", Map.of()))
                .andThen(Plugins.<Tensor, Tensor>transform("normalize", Map.of("mean", List.of(0.485, 0.456, 0.406),
                        "std", List.of(0.229, 0.224, 0.225))));
        return LabeledImages.builder("txt", labelFile, imageDir).decoder(decoder).transform(preprocess).repeat(repeat)
                .build();
    }

    /** The recipe's {@code DataLoader(dataset, batch_size=7, shuffle=False)}, with two worker threads. */
    public static DataLoader<LabeledSample<Tensor>, LabeledBatch> loader(ImageLabelDataset<Tensor> dataset) {
        return DataLoader.builder(dataset).batchSize(BATCH_SIZE).shuffle(false).numWorkers(2).seed(0)
                .build();
    }

    /**
     * Runs the walkthrough on a folder holding {@code train.txt} and {@code images/}, printing each
     * batch, and saves the first batch as a contact sheet.
     *
     * @param args the data folder, then the picture to write (.png or .jpg)
     * @throws IOException when the label file cannot be read or the picture cannot be written
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: SeedWalkthrough DATA_DIR OUT.png");
            System.exit(2);
        }
        run(Path.of(args[0]), Path.of(args[1]), System.out);
    }

    /** What {@link #main} does, printing to {@code out}. */
    public static void run(Path data, Path picture, PrintStream out) throws IOException {
        Path labelFile = data.resolve("train.txt");
        Path imageDir = data.resolve("images");

        // 1. For each epoch, for each batch: images N x C x H x W, labels N x K (N alone for one label each).
        LabeledBatch first = null;
        ImageLabelDataset<Tensor> dataset = dataset(labelFile, imageDir, Repeat.times(1));
        try (DataLoader<LabeledSample<Tensor>, LabeledBatch> loader = loader(dataset)) {
            for (int epoch = 0; epoch < EPOCHS; epoch++) {
                int step = 0;
                for (LabeledBatch batch : loader) {
                    out.println("epoch " + epoch + " batch " + step++ + ": " + batch.images() + " " + batch.labels());
                    if (first == null) {
                        first = batch;
                    }
                }
            }
        }

        // 2. An endless dataset (the recipe's repeat=None) and an exact step limit, in integers.
        long steps = (dataset.size() + BATCH_SIZE - 1) / BATCH_SIZE * EPOCHS;
        try (DataLoader<LabeledSample<Tensor>, LabeledBatch> loader = loader(dataset(labelFile, imageDir,
                Repeat.forever()));
                BatchIterator<LabeledBatch> batches = loader.iterator()) {
            for (long step = 0; step < steps; step++) {
                LabeledBatch batch = batches.next();
                out.println("step " + step + ": " + batch.images() + " " + batch.labels());
            }
        }

        // 3. Where the recipe showed the first image in a window: the first batch, normalisation
        //    undone, as a contact sheet with its labels.
        Transform<Object, Image> sheet = Plugins.transform("contact_sheet", Map.of(
                "mean", List.of(MEAN[0], MEAN[1], MEAN[2]), "std", List.of(STD[0], STD[1], STD[2])));
        // Drawing draws no random numbers, but a transform is always handed a seeded source.
        Image drawn = sheet.apply(List.of(first.images(), first.labels()), Seeds.random(0));
        Plugins.encoder("imageio").write(drawn, picture, EncodeOptions.forFile(picture));
        out.println("the first batch: " + picture);
    }
}
