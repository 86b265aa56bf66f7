package dev.sluice.core.label;

import dev.sluice.api.LabelFormat;
import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The {@code voc} label format: a folder of Pascal VOC XML annotations (given as
 * {@code dataset.labels}, e.g. {@code VOC2012/Annotations}, with {@code dataset.root} the
 * {@code JPEGImages} folder), one per image, read into XYXY boxes labelled by class name. Found by
 * {@link java.util.ServiceLoader}.
 *
 * <pre>{@code
 * dataset: {format: voc, labels: VOC2012/Annotations, root: VOC2012/JPEGImages}
 * }</pre>
 *
 * <p>Options: {@code classes} (default the 20 Pascal VOC classes, aeroplane to tvmonitor): the class
 * names, a box's label being its name's position in this list; {@code image_extension} (default
 * {@code ".jpg"}): the image's extension when an annotation has no {@code <filename>}.
 *
 * <p>{@link #create} refuses with an {@link dev.sluice.api.OptionsException}, naming the key path of
 * an unknown option, a class list that is not distinct non-blank names, or a malformed extension.
 */
public final class VocLabelFormatProvider extends BuiltInLabelFormatProvider {

    /** A provider; constructing one does nothing else. */
    public VocLabelFormatProvider() {
        super(VocLabelFormat.ID, Set.of("classes", "image_extension"), VocLabelFormatProvider::build);
    }

    private static LabelFormat build(Options options) {
        List<String> classes = VocLabelFormat.VOC_CLASSES;
        if (options.has("classes")) {
            if (!(options.raw("classes") instanceof List<?> list) || list.isEmpty()) {
                throw new OptionsException(options.keyPath("classes"), "must be a non-empty list of class names");
            }
            List<String> names = new ArrayList<>();
            for (Object item : list) {
                if (!(item instanceof String name) || name.isBlank() || names.contains(name)) {
                    throw new OptionsException(options.keyPath("classes"), "must be distinct non-blank names; '" + item
                            + "' is not");
                }
                names.add(name);
            }
            classes = names;
        }
        return new VocLabelFormat(classes, ImageExtensions.option(options, "image_extension", ".jpg"));
    }
}
