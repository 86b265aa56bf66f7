package dev.sluice.core.label;

import dev.sluice.api.LabelFormat;
import dev.sluice.api.LabelSink;
import dev.sluice.api.target.EntryTargets;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Semantic segmentation labels as images: a folder of class-index masks (given as
 * {@code dataset.labels}, e.g. VOC's {@code SegmentationClass}) parallel to the images, each mask
 * named as its image with the mask extension ({@code 2007_000032.png} for
 * {@code 2007_000032.jpg}). One entry per mask file, in sorted order; its targets name the mask
 * file, which is decoded (palette or grey PNG: the stored indices) when the sample is loaded.
 */
final class MaskFolderLabelFormat implements LabelFormat {
    static final String ID = "mask_folder";

    private final String maskExtension;
    private final String imageExtension;

    MaskFolderLabelFormat(String maskExtension, String imageExtension) {
        this.maskExtension = maskExtension.toLowerCase(java.util.Locale.ROOT);
        this.imageExtension = imageExtension;
    }

    @Override
    public void read(Path folder, LabelSink sink) throws IOException {
        for (LabelFileWalk.LabelFile file : LabelFileWalk.walk(folder, maskExtension, ID, sink)) {
            sink.entry(file.stem(maskExtension) + imageExtension, new long[0],
                    EntryTargets.maskFile(file.path().toAbsolutePath().normalize().toString()), 0);
        }
    }
}
