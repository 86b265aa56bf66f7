package dev.sluice.plugins.transforms.drawing;

import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;
import dev.sluice.plugins.transforms.DeclaredTransformProvider;
import dev.sluice.plugins.transforms.SharedOptions;
import java.util.Set;

/**
 * {@code draw_rectangle} in configuration: builds the {@link DrawRectangle} its options describe (one
 * implementation). {@link #create} throws {@link OptionsException} naming the key path when an option
 * is unknown, {@code rect} is missing or malformed, a level is outside [0, 255] or the thickness is
 * below 1.
 */
public final class DrawRectangleProvider extends DeclaredTransformProvider<DrawRectangle> {

    /** Constructs the provider; does nothing else. */
    public DrawRectangleProvider() {
        super("draw_rectangle", Set.of("rect", "color", "thickness"), DrawRectangleProvider::build);
    }

    private static DrawRectangle build(Options options) {
        DrawRectangle drawing = DrawRectangle.of(SharedOptions.region(options, "rect"));
        if (options.has("color")) {
            drawing = drawing.color(SharedOptions.fill(options, "color"));
        }
        DrawRectangle coloured = drawing;
        int thickness = options.getInt("thickness", 2);
        return SharedOptions.checkedAt(options, "thickness", () -> coloured.thickness(thickness));
    }
}
