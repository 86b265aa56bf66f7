package dev.sluice.api;

import dev.sluice.api.spi.AbstractPluginProvider;
import dev.sluice.api.spi.TransformProvider;

/**
 * A deliberately broken provider for {@link TransformContractFaultsTest}: its id has upper-case
 * letters and an underscore, and it accepts any option without looking. Registered for
 * ServiceLoader only in the api's own tests. Public only because ServiceLoader needs it so.
 */
public final class MisbehavingTransformProvider extends AbstractPluginProvider implements TransformProvider {

    /** Constructs the provider; does nothing else. */
    public MisbehavingTransformProvider() {
        super("Test_Misbehaving", 0); // upper case and an underscore: not a valid id
    }

    /** The identity transform, whatever the options say. */
    @Override
    public Transform<Image, Image> create(Options options) {
        return Transform.identity();
    }
}
