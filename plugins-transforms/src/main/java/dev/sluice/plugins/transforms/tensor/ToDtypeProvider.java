package dev.sluice.plugins.transforms.tensor;

import dev.sluice.api.DType;
import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;
import dev.sluice.plugins.transforms.DeclaredTransformProvider;
import java.util.Set;

/**
 * {@code to_dtype} in configuration: builds the {@link ToDtype} its options describe (one
 * implementation). {@link #create} throws {@link OptionsException} naming the key path when an option
 * is unknown or {@code dtype} is missing or unknown.
 */
public final class ToDtypeProvider extends DeclaredTransformProvider<ToDtype> {

    /** Constructs the provider; does nothing else. */
    public ToDtypeProvider() {
        super("to_dtype", Set.of("dtype", "scale"), ToDtypeProvider::build);
    }

    private static ToDtype build(Options options) {
        String id = options.requireString("dtype");
        DType dtype;
        try {
            dtype = DType.fromId(id);
        } catch (IllegalArgumentException e) {
            OptionsException refused = new OptionsException(options.keyPath("dtype"), e.getMessage());
            refused.initCause(e);
            throw refused;
        }
        return ToDtype.of(dtype).scale(options.getBoolean("scale", false));
    }
}
