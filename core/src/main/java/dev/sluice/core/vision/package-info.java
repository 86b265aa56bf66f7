/**
 * Image datasets in one line, as torchvision's {@code datasets}: {@link dev.sluice.core.vision.ImageFolder}
 * for a folder per class, {@link dev.sluice.core.vision.LabeledImages} for a label file (text, CSV,
 * any label-format plugin) or tar shards. Each uses the decoder {@code auto} picks among the plugins
 * on the class path and returns core's dataset types, ready for a
 * {@link dev.sluice.core.loader.DataLoader}.
 */
package dev.sluice.core.vision;
