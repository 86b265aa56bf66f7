package dev.sluice.core.vision;

import dev.sluice.api.Image;
import dev.sluice.api.Options;
import dev.sluice.api.Transform;
import dev.sluice.core.dataset.ImageLabelDataset;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * torchvision's {@code ImageFolder} in one line: a folder with one sub-folder per class
 * ({@code root/cat/001.jpg}, {@code root/dog/xyz.png}), each image labelled with its class's
 * position among the sorted class names ({@link dev.sluice.core.label.LabelIndex#classNames()}).
 * Images are decoded as RGB at full size by the decoder that {@code decoder.backend: auto} picks
 * for each file's format among the plugins on the class path, and must lie under the root.
 *
 * <pre>{@code
 * ImageLabelDataset<Tensor> train = ImageFolder.of(Path.of("data/train"), transform);
 * try (DataLoader<LabeledSample<Tensor>, LabeledBatch> loader = DataLoader.builder(train)
 *         .batchSize(64).shuffle(true).numWorkers(2).build()) {
 *     for (LabeledBatch batch : loader) {
 *         model.step(batch.images(), batch.labels());   // float32 [64, 3, 224, 224], int64 [64]
 *     }
 * }
 * }</pre>
 *
 * <p>The folder is walked once, when the dataset is made; the dataset is immutable and safe to
 * share between threads.
 */
public final class ImageFolder {
    private static final String FORMAT = "folder";

    private ImageFolder() {
    }

    /**
     * The images under {@code root}, undecoded until read, each sample an {@link Image} with its class.
     *
     * @param root the folder holding one sub-folder per class
     * @throws IOException if the folder cannot be walked, naming it
     * @throws dev.sluice.api.LabelFormatException if the root has no class folder, or a class folder
     *         has no image (the message names them and lists the extensions looked for)
     * @throws dev.sluice.core.plugin.PluginException if no decoder is on the class path
     * @throws NullPointerException if {@code root} is null
     */
    public static ImageLabelDataset<Image> of(Path root) throws IOException {
        return builder(root).build();
    }

    /**
     * As {@link #of(Path)}, each image passed through {@code transform} (torchvision's
     * {@code transform=}).
     *
     * @param transform applied to each decoded image with the sample's own random source; must be thread-safe
     * @throws IOException as {@link #of(Path)}
     * @throws NullPointerException if an argument is null
     */
    public static <T> ImageLabelDataset<T> of(Path root, Transform<Image, T> transform) throws IOException {
        return builder(root).transform(Objects.requireNonNull(transform, "transform")).build();
    }

    /**
     * A builder holding the images under {@code root} and the {@code auto} decoder, for a dataset
     * with other settings: another decoder ({@link ImageLabelDataset.Builder#decoder}), decode
     * options, repeats, or links that leave the root.
     *
     * @throws IOException as {@link #of(Path)}
     */
    public static ImageLabelDataset.Builder<Image> builder(Path root) throws IOException {
        Objects.requireNonNull(root, "root");
        return new ClassPathPlugins("ImageFolder, root " + root).imageFiles(FORMAT, Options.empty(), root, root);
    }
}
