package dev.sluice.core.label;

import java.util.Set;

/**
 * The {@code mask_folder} label format: semantic segmentation, each image's class-index mask in a
 * parallel folder (given as {@code dataset.labels}) under the same name with the mask extension.
 * Found by {@link java.util.ServiceLoader}.
 *
 * <pre>{@code
 * dataset: {format: mask_folder, labels: VOC2012/SegmentationClass, root: VOC2012/JPEGImages}
 * }</pre>
 *
 * <p>Options: {@code mask_extension} (default {@code ".png"}): the masks' extension, matched without
 * regard to case; {@code image_extension} (default {@code ".jpg"}): what replaces it in the image's
 * path.
 *
 * <p>{@link #create} refuses with an {@link dev.sluice.api.OptionsException}, naming the key path of
 * an unknown option or a malformed extension.
 */
public final class MaskFolderLabelFormatProvider extends BuiltInLabelFormatProvider {

    /** A provider; constructing one does nothing else. */
    public MaskFolderLabelFormatProvider() {
        super(MaskFolderLabelFormat.ID, Set.of("mask_extension", "image_extension"),
                options -> new MaskFolderLabelFormat(ImageExtensions.option(options, "mask_extension", ".png"),
                        ImageExtensions.option(options, "image_extension", ".jpg")));
    }
}
