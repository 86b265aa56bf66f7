package dev.sluice.plugins.transforms.drawing;

import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;
import dev.sluice.plugins.transforms.PackTransformProvider;
import dev.sluice.plugins.transforms.SharedOptions;
import java.util.Set;

/** {@code side_by_side} in configuration: builds the {@link SideBySide} its options describe (one implementation). */
public final class SideBySideProvider extends PackTransformProvider {

    /** Constructs the provider; does nothing else. */
    public SideBySideProvider() {
        super("side_by_side");
    }

    /**
     * The {@link SideBySide} these options describe; its class javadoc says what it does and when it throws.
     *
     * @throws OptionsException naming the key path when an option is unknown, {@code gap} is negative or a level is out of range
     */
    @Override
    public SideBySide create(Options options) {
        options.requireOnly(Set.of("gap", "fill"));
        int gap = options.getInt("gap", 0);
        SideBySide spaced = SharedOptions.checkedAt(options, "gap", () -> SideBySide.of().gap(gap));
        return spaced.fill(SharedOptions.fill(options, "fill"));
    }
}
