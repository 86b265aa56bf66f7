package dev.sluice.plugins.transforms.tensor;

import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;
import dev.sluice.plugins.transforms.PackTransformProvider;
import java.util.Set;

/**
 * {@code to_tensor}: the configuration's name for {@link ToTensor}, whose javadoc lists the options
 * (torchvision's parameter names, in snake case) and their defaults. It parses the options and builds
 * the same object the Java form builds, so both give the same pixels.
 */
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
