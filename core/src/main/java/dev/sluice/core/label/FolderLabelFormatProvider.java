package dev.sluice.core.label;

import java.util.Set;

/**
 * The {@code folder} label format: torchvision's {@code ImageFolder}, a root folder with one
 * sub-folder per class ({@code root/cat/001.jpg}, {@code root/dog/xyz.png}); labels are the
 * classes' positions in sorted order, and the class names are kept. Found by
 * {@link java.util.ServiceLoader}.
 *
 * <p>Options: {@code allow_empty} (default false): accept class folders without any image file, as
 * torchvision's {@code allow_empty=True}.
 *
 * <pre>{@code
 * label_format:
 *   folder: {allow_empty: true}
 * }</pre>
 *
 * <p>{@link #create} refuses with an {@link dev.sluice.api.OptionsException}, naming the key path of
 * an unknown option, or of {@code allow_empty} when it is not true or false.
 */
public final class FolderLabelFormatProvider extends BuiltInLabelFormatProvider {
    private static final String ALLOW_EMPTY = "allow_empty";

    /** A provider; constructing one does nothing else. */
    public FolderLabelFormatProvider() {
        super(FolderLabelFormat.ID, Set.of(ALLOW_EMPTY),
                options -> new FolderLabelFormat(options.getBoolean(ALLOW_EMPTY, false)));
    }
}
