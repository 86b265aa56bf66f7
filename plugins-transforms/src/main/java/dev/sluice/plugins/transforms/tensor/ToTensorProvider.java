package dev.sluice.plugins.transforms.tensor;

import dev.sluice.api.OptionsException;
import dev.sluice.plugins.transforms.DeclaredTransformProvider;
import java.util.Set;

/**
 * {@code to_tensor} in configuration: builds the {@link ToTensor} its options describe (one
 * implementation). {@link #create} throws {@link OptionsException} naming the key path for any option:
 * it has none.
 */
public final class ToTensorProvider extends DeclaredTransformProvider<ToTensor> {

    /** Constructs the provider; does nothing else. */
    public ToTensorProvider() {
        super("to_tensor", Set.of(), options -> ToTensor.of());
    }
}
