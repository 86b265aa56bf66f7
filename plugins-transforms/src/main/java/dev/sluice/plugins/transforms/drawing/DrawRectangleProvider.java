package dev.sluice.plugins.transforms.drawing;

import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;
import dev.sluice.plugins.transforms.PackTransformProvider;
import dev.sluice.plugins.transforms.SharedOptions;
import java.util.Set;

/** {@code draw_rectangle} in configuration: builds the {@link DrawRectangle} its options describe (one implementation). */
public final class DrawRectangleProvider extends PackTransformProvider {

    /** Constructs the provider; does nothing else. */
    public DrawRectangleProvider() {
        super("draw_rectangle");
    }

    /**
     * The {@link DrawRectangle} these options describe; its class javadoc says what it does and when it throws.
     *
     * @throws OptionsException naming the key path when an option is unknown, {@code rect} is missing or
     *         malformed, a level is outside [0, 255] or the thickness is below 1
     */
    @Override
    public DrawRectangle create(Options options) {
        options.requireOnly(Set.of("rect", "color", "thickness"));
        DrawRectangle drawing = DrawRectangle.of(SharedOptions.region(options, "rect"));
        if (options.has("color")) {
            drawing = drawing.color(SharedOptions.fill(options, "color"));
        }
        DrawRectangle coloured = drawing;
        int thickness = options.getInt("thickness", 2);
        return SharedOptions.checkedAt(options, "thickness", () -> coloured.thickness(thickness));
    }
}
