package dev.sluice.core.label.coco;

import dev.sluice.core.label.BuiltInLabelFormatProvider;
import java.util.Set;

/**
 * The {@code coco} label format: a COCO instances JSON file (given as {@code dataset.labels}, the
 * images by {@code file_name} under {@code dataset.root}) read into one entry per image whose
 * targets are its annotations' boxes (XYWH in pixels of the image's declared size) with their
 * categories as contiguous 0-based labels, category names as class names, and optionally the
 * annotations' polygon and RLE masks, drawn as pycocotools draws them when the sample is loaded.
 * The file is streamed, never held whole. Ids may be integers or strings, matched by exact value as
 * pycocotools matches them ({@code "1"} and {@code 1} are two ids); categories are ordered numbers
 * first, then strings. Found by {@link java.util.ServiceLoader}.
 *
 * <pre>{@code
 * dataset: {format: coco, labels: annotations/instances_val2017.json, root: val2017,
 *           options: {masks: true}}
 * }</pre>
 *
 * <p>Options: {@code masks} (default false): keep each annotation's segmentation (polygons or RLE), as
 * instance masks of the sample, one per box, at about 8 bytes per polygon coordinate in memory;
 * {@code crowd} (default false): keep {@code iscrowd: 1} annotations as boxes (and masks) like the others.
 *
 * <p>{@link #create} refuses with an {@link dev.sluice.api.OptionsException}, naming the key path of
 * an unknown or mistyped option.
 */
public final class CocoLabelFormatProvider extends BuiltInLabelFormatProvider {

    /** A provider; constructing one does nothing else. */
    public CocoLabelFormatProvider() {
        super(CocoLabelFormat.ID, Set.of("masks", "crowd"),
                options -> new CocoLabelFormat(options.getBoolean("masks", false),
                        options.getBoolean("crowd", false)));
    }
}
