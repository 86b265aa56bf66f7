package dev.sluice.core.vision;

import dev.sluice.api.Image;
import dev.sluice.api.Options;
import dev.sluice.api.Transform;
import dev.sluice.core.dataset.ImageLabelDataset;
import dev.sluice.core.shard.ShardDataset;
import dev.sluice.core.shard.ShardDatasetBuilder;
import dev.sluice.core.shard.Shards;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Labelled image datasets in one line, from a label file or from tar shards, as the configuration's
 * {@code dataset} section describes them: {@link #fromTxt} reads the seed recipe's
 * {@code image_name label1 [label2 ...]} lines, {@link #fromCsv} a CSV table with a {@code path}
 * column, {@link #fromCoco}, {@link #fromYolo}, {@link #fromVoc} detection and {@link #fromMaskFolder}
 * segmentation labels (samples carrying their targets), {@link #fromShards} WebDataset-style tar
 * shards, and {@link #builder} any label format on
 * the class path by its id. Label formats are found by core's plugin registry, as a configuration
 * names them. Images are decoded as RGB at full size by the decoder that {@code decoder.backend: auto}
 * picks for each file's format; image paths must stay under the image root.
 *
 * <pre>{@code
 * ImageLabelDataset<Tensor> train = LabeledImages.fromTxt(Path.of("train.txt"), Path.of("images"), transform);
 * ShardDataset<Tensor> shards = LabeledImages.fromShards("shards/train-{0000..0127}.tar", transform);
 * }</pre>
 *
 * <p>A label file is read once, when the dataset is made; the datasets are immutable and safe to
 * share between threads.
 */
public final class LabeledImages {

    private LabeledImages() {
    }

    /**
     * The images a text label file names, each line {@code image_name label1 [label2 ...]} (blank
     * lines and {@code #} comments skipped), each sample an {@link Image} with its labels.
     *
     * @param labels the label file
     * @param root the folder the image names are relative to
     * @throws IOException if the label file cannot be read, naming it
     * @throws dev.sluice.api.LabelFormatException listing each bad line as {@code file:line: reason}
     * @throws dev.sluice.core.plugin.PluginException if no decoder is on the class path
     * @throws NullPointerException if an argument is null
     */
    public static ImageLabelDataset<Image> fromTxt(Path labels, Path root) throws IOException {
        return builder("txt", labels, root).build();
    }

    /**
     * As {@link #fromTxt(Path, Path)}, each image passed through {@code transform}.
     *
     * @param transform applied to each decoded image with the sample's own random source; must be thread-safe
     * @throws IOException as {@link #fromTxt(Path, Path)}
     */
    public static <T> ImageLabelDataset<T> fromTxt(Path labels, Path root, Transform<Image, T> transform)
            throws IOException {
        return transformed("txt", labels, root, transform);
    }

    /**
     * The images a CSV table names: a header row, a {@code path} column and one integer label column
     * or more (every other column, in header order). For other column names or another delimiter,
     * use {@link #builder(String, Map, Path, Path)} with the {@code csv} format's options
     * ({@code path_column}, {@code label_columns}, {@code delimiter}).
     *
     * @throws IOException if the table cannot be read, naming it
     * @throws dev.sluice.api.LabelFormatException listing each bad row as {@code file:line: reason}
     * @throws NullPointerException if an argument is null
     */
    public static ImageLabelDataset<Image> fromCsv(Path labels, Path root) throws IOException {
        return builder("csv", labels, root).build();
    }

    /**
     * As {@link #fromCsv(Path, Path)}, each image passed through {@code transform}.
     *
     * @throws IOException as {@link #fromCsv(Path, Path)}
     */
    public static <T> ImageLabelDataset<T> fromCsv(Path labels, Path root, Transform<Image, T> transform)
            throws IOException {
        return transformed("csv", labels, root, transform);
    }

    /**
     * A COCO detection dataset: the images an instances JSON lists (by {@code file_name} under
     * {@code root}), each sample carrying its annotations' boxes, labelled by their category's
     * position (names: {@link ImageLabelDataset#classNames()}), moved by {@code transform} with the
     * image. A loader over it gives {@link dev.sluice.core.collate.LabeledBatch}es whose
     * {@code targets()} hold the batch's boxes flat ({@code [T, 4]} XYXY, batch index, label). For
     * masks or crowd annotations, use {@link #builder(String, Map, Path, Path)} with {@code coco}'s
     * options ({@code masks}, {@code crowd}).
     *
     * <pre>{@code
     * ImageLabelDataset<Tensor> train = LabeledImages.fromCoco(Path.of("annotations/instances_train.json"),
     *         Path.of("train2017"), compose(randomHorizontalFlip(), resize(new Size(512, 512)), toTensor()));
     * }</pre>
     *
     * @param transform applied to each image and its targets; every step must carry targets
     * @throws IOException if the file cannot be read, naming it
     * @throws dev.sluice.api.LabelFormatException listing each bad entry as {@code file:line: /pointer: reason}
     * @throws NullPointerException if an argument is null
     */
    public static <T> ImageLabelDataset<T> fromCoco(Path instances, Path root, Transform<Image, T> transform)
            throws IOException {
        return transformed("coco", instances, root, transform);
    }

    /**
     * A YOLO detection dataset: the images under {@code root}, each with the {@code .txt} label file
     * at the same relative path under {@code labels} ({@code class cx cy w h} normalised, or a
     * polygon whose extent is its box; {@code root/a/x.png} has {@code labels/a/x.txt}); an image
     * without a label file has no objects, as Ultralytics reads it. Samples carry their boxes in
     * pixels, moved by {@code transform} with the image. Polygon masks ({@code masks}), pose labels
     * ({@code kpt_shape}) and one image extension only ({@code image_extension}):
     * {@link #builder(String, Map, Path, Path)} with those options.
     *
     * @throws IOException if the folder cannot be read, naming it
     * @throws dev.sluice.api.LabelFormatException listing each bad line as {@code file:line: reason}
     * @throws NullPointerException if an argument is null
     */
    public static <T> ImageLabelDataset<T> fromYolo(Path labels, Path root, Transform<Image, T> transform)
            throws IOException {
        return transformed("yolo", labels, root, transform);
    }

    /**
     * A Pascal VOC detection dataset: a folder of annotation XML files, the images under
     * {@code root} by each file's {@code <filename>}, boxes labelled by the 20 VOC classes' positions.
     *
     * @throws IOException if the folder cannot be read, naming it
     * @throws dev.sluice.api.LabelFormatException listing each bad file
     * @throws NullPointerException if an argument is null
     */
    public static <T> ImageLabelDataset<T> fromVoc(Path annotations, Path root, Transform<Image, T> transform)
            throws IOException {
        return transformed("voc", annotations, root, transform);
    }

    /**
     * A semantic segmentation dataset: a folder of class-index PNG masks, the image of
     * {@code masks/NAME.png} being {@code root/NAME.jpg}; each sample carries its mask, moved by
     * {@code transform} with the image (nearest), and batches stack the masks {@code [N, H, W]}.
     *
     * @throws IOException if the folder cannot be read, naming it
     * @throws NullPointerException if an argument is null
     */
    public static <T> ImageLabelDataset<T> fromMaskFolder(Path masks, Path root, Transform<Image, T> transform)
            throws IOException {
        return transformed("mask_folder", masks, root, transform);
    }

    /**
     * The samples of the tar shards {@code pattern} names, relative to the working folder: a brace
     * pattern ({@code train-{0000..0127}.tar}) or a glob ({@code shards/*.tar}), as
     * {@link Shards#expand(Path, String)} reads it. A sample is the members that share a key
     * ({@code 000123.jpg} + {@code 000123.cls}), labelled by its {@code .cls} member's text; not
     * shuffled, one rank. For shuffling, ranks or other members, use {@link #shardBuilder}.
     *
     * @throws IllegalArgumentException naming the pattern when it is malformed or a glob matches no file
     * @throws dev.sluice.core.plugin.PluginException if no decoder is on the class path
     * @throws NullPointerException if {@code pattern} is null
     */
    public static ShardDataset<Image> fromShards(String pattern) {
        return shardBuilder(pattern).build();
    }

    /** As {@link #fromShards(String)}, each image passed through {@code transform}; throws as it does. */
    public static <T> ShardDataset<T> fromShards(String pattern, Transform<Image, T> transform) {
        return shardBuilder(pattern).transform(Objects.requireNonNull(transform, "transform")).build();
    }

    /**
     * A builder over the shards {@code pattern} names, holding the {@code auto} decoder and the
     * {@code .cls} labels read by the {@code txt} format, as {@link #fromShards(String)} describes.
     *
     * @throws IllegalArgumentException as {@link #fromShards(String)}
     */
    public static ShardDatasetBuilder<Image> shardBuilder(String pattern) {
        Objects.requireNonNull(pattern, "pattern");
        ClassPathPlugins plugins = new ClassPathPlugins("LabeledImages, shards " + pattern);
        return ShardDataset.builder(Shards.expand(Path.of("").toAbsolutePath(), pattern), plugins.autoDecoder())
                .labels("cls", plugins.labelFormat("txt", Options.empty()));
    }

    /** The dataset of {@code format} at {@code labels}, each image passed through {@code transform}. */
    private static <T> ImageLabelDataset<T> transformed(String format, Path labels, Path root,
            Transform<Image, T> transform) throws IOException {
        return builder(format, labels, root).transform(Objects.requireNonNull(transform, "transform")).build();
    }

    /**
     * A builder over the entries label format {@code format} (its id: {@code txt}, {@code csv},
     * {@code json}, {@code folder} or a plugin's) reads from {@code labels}, with its default options
     * and the {@code auto} decoder, for a dataset with other settings.
     *
     * @throws IOException if the label source cannot be read, naming it
     * @throws dev.sluice.api.LabelFormatException listing each bad entry
     * @throws dev.sluice.core.plugin.PluginException if the format is unknown (with the known ids) or
     *         no decoder is on the class path
     */
    public static ImageLabelDataset.Builder<Image> builder(String format, Path labels, Path root) throws IOException {
        return builder(format, Map.of(), labels, root);
    }

    /**
     * As {@link #builder(String, Path, Path)}, with the label format's options as a configuration
     * gives them, e.g. {@code Map.of("path_column", "file", "label_columns", List.of("species"))} for
     * {@code csv}.
     *
     * @throws dev.sluice.api.OptionsException naming an option the format does not take or a bad value
     */
    public static ImageLabelDataset.Builder<Image> builder(String format, Map<String, ?> formatOptions, Path labels,
            Path root) throws IOException {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(root, "root");
        ClassPathPlugins plugins = new ClassPathPlugins("LabeledImages, labels " + labels);
        return plugins.imageFiles(format, Options.of(format, formatOptions), labels, root);
    }
}
