package dev.sluice.plugins.transforms.tensor;

import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;
import dev.sluice.plugins.transforms.PackTransformProvider;
import java.util.Set;

/** {@code to_tensor} in configuration: builds the {@link ToTensor} its options describe (one implementation). */
public final class ToTensorProvider extends PackTransformProvider {

    /** Constructs the provider; does nothing else. */
    public ToTensorProvider() {
        super("to_tensor");
    }

    /**
     * The {@link ToTensor} these options describe; its class javadoc says what it does and when it throws.
     *
     * @throws OptionsException naming the key path for any option: it has none
     */
    @Override
    public ToTensor create(Options options) {
        options.requireOnly(Set.of());
        return ToTensor.of();
    }
}
