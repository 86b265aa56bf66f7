package dev.sluice.plugins.transforms.drawing;

import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;
import dev.sluice.plugins.transforms.DeclaredTransformProvider;
import dev.sluice.plugins.transforms.SharedOptions;
import java.util.Set;

/**
 * {@code side_by_side} in configuration: builds the {@link SideBySide} its options describe (one
 * implementation). {@link #create} throws {@link OptionsException} naming the key path when an option
 * is unknown, {@code gap} is negative or a level is out of range.
 */
public final class SideBySideProvider extends DeclaredTransformProvider<SideBySide> {

    /** Constructs the provider; does nothing else. */
    public SideBySideProvider() {
        super("side_by_side", Set.of("gap", "fill"), SideBySideProvider::build);
    }

    private static SideBySide build(Options options) {
        int gap = options.getInt("gap", 0);
        SideBySide spaced = SharedOptions.checkedAt(options, "gap", () -> SideBySide.of().gap(gap));
        return spaced.fill(SharedOptions.fill(options, "fill"));
    }
}
