package dev.sluice.core.dataset;

import dev.sluice.api.Dataset;
import java.util.List;

/**
 * A map-style dataset of labelled samples, such as {@link ImageLabelDataset}. A
 * {@link dev.sluice.core.loader.DataLoader} built over one collates its batches into typed
 * {@link dev.sluice.core.collate.LabeledBatch}es ({@code images}, {@code labels}) without being
 * told, as PyTorch's loader gives {@code (images, labels)} for a dataset of {@code (image, label)}
 * pairs.
 *
 * <pre>{@code
 * LabeledDataset<Tensor> train = ImageFolder.of(Path.of("train"), transform);
 * try (DataLoader<LabeledSample<Tensor>, LabeledBatch> loader = DataLoader.builder(train).batchSize(64).build()) {
 *     for (LabeledBatch batch : loader) {
 *         Tensor images = batch.images();   // float32 [64, 3, 224, 224]
 *         Tensor labels = batch.labels();   // int64 [64]
 *     }
 * }
 * }</pre>
 *
 * @param <T> the type of each sample's image after the transform, usually {@link dev.sluice.api.Tensor}
 */
public interface LabeledDataset<T> extends Dataset<LabeledSample<T>> {

    /**
     * The class names by label value (label {@code k}: entry {@code k}), as the label source gave them
     * (ImageFolder's sorted folders, COCO's categories, VOC's classes), for captions and drawings;
     * empty when the source names no classes, as this default says. Read-only.
     */
    default List<String> classNames() {
        return List.of();
    }
}
