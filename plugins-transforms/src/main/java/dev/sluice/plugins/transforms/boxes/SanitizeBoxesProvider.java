package dev.sluice.plugins.transforms.boxes;

import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;
import dev.sluice.plugins.transforms.DeclaredTransformProvider;
import dev.sluice.plugins.transforms.SharedOptions;
import java.util.Set;

/**
 * {@code sanitize_boxes} in configuration: builds the {@link SanitizeBoxes} its options describe (one
 * implementation). {@link #create} throws {@link OptionsException} naming the key path when an option
 * is unknown, not a number, or below 1.
 */
public final class SanitizeBoxesProvider extends DeclaredTransformProvider<SanitizeBoxes> {

    /** Constructs the provider; does nothing else. */
    public SanitizeBoxesProvider() {
        super("sanitize_boxes", Set.of("min_size", "min_area"), SanitizeBoxesProvider::build);
    }

    private static SanitizeBoxes build(Options options) {
        double minSize = options.getDouble("min_size", 1.0);
        double minArea = options.getDouble("min_area", 1.0);
        SanitizeBoxes sized = SharedOptions.checkedAt(options, "min_size", () -> SanitizeBoxes.of().minSize(minSize));
        return SharedOptions.checkedAt(options, "min_area", () -> sized.minArea(minArea));
    }
}
