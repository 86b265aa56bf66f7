package dev.sluice.plugins.transforms.drawing;

import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;
import dev.sluice.plugins.transforms.DeclaredTransformProvider;
import dev.sluice.plugins.transforms.SharedOptions;
import java.util.List;
import java.util.Set;

/**
 * {@code contact_sheet} in configuration: builds the {@link ContactSheet} its options describe (one
 * implementation). {@link #create} throws {@link OptionsException} naming the key path when an option
 * is unknown or out of range, only one of {@code mean} and {@code std} is given, or {@code
 * class_names} is not a list of texts.
 */
public final class ContactSheetProvider extends DeclaredTransformProvider<ContactSheet> {
    private static final Set<String> OPTIONS = Set.of("nrow", "padding", "pad_value", "font_scale", "mean", "std",
            "class_names");

    /** Constructs the provider; does nothing else. */
    public ContactSheetProvider() {
        super("contact_sheet", OPTIONS, ContactSheetProvider::build);
    }

    private static ContactSheet build(Options options) {
        ContactSheet sheet = ContactSheet.of();
        int nrow = options.getInt("nrow", 8);
        int padding = options.getInt("padding", 2);
        int fontScale = options.getInt("font_scale", 1);
        double padValue = options.getDouble("pad_value", 0.0);
        ContactSheet rows = SharedOptions.checkedAt(options, "nrow", () -> sheet.nrow(nrow));
        ContactSheet padded = SharedOptions.checkedAt(options, "padding", () -> rows.padding(padding));
        ContactSheet lettered = SharedOptions.checkedAt(options, "font_scale", () -> padded.fontScale(fontScale));
        ContactSheet filled = SharedOptions.checkedAt(options, "pad_value", () -> lettered.padValue(padValue));
        double[] mean = options.getDoubles("mean", null);
        double[] std = options.getDoubles("std", null);
        if ((mean == null) != (std == null)) {
            String missing = mean == null ? "mean" : "std";
            throw new OptionsException(options.keyPath(missing), "give mean and std together, to undo a normalize");
        }
        ContactSheet named = filled.classNames(classNames(options));
        return mean == null ? named : SharedOptions.checkedAt(options, "mean", () -> named.unnormalize(mean, std));
    }

    /** {@code class_names}: a list of texts, or none. */
    private static List<String> classNames(Options options) {
        Object raw = options.raw("class_names");
        if (raw == null) {
            return List.of();
        }
        if (!(raw instanceof List<?> list) || !list.stream().allMatch(String.class::isInstance)) {
            throw new OptionsException(options.keyPath("class_names"), "must be a list of names, was " + raw);
        }
        return list.stream().map(String.class::cast).toList();
    }
}
