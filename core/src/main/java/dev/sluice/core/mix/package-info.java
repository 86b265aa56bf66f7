/**
 * Batch transforms that mix the samples of a batch and their labels, as torchvision v2's
 * {@code MixUp} and {@code CutMix}: {@link dev.sluice.core.mix.MixUp}, {@link dev.sluice.core.mix.CutMix},
 * and {@link dev.sluice.core.mix.MixChoice} to use one of them per batch (torchvision's
 * {@code RandomChoice([MixUp(), CutMix()])} recipe). Each takes a {@link dev.sluice.core.collate.LabeledBatch}
 * of images {@code [N, C, H, W]} and class indices {@code [N]}, and gives soft labels float32
 * {@code [N, num_classes]}. The loader runs them per batch ({@code loader.batch_transform} in YAML,
 * {@link dev.sluice.core.loader.DataLoaderBuilder#batchTransform} in Java).
 */
package dev.sluice.core.mix;
