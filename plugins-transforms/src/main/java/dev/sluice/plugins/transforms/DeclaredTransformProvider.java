package dev.sluice.plugins.transforms;

import dev.sluice.api.Options;
import dev.sluice.api.Transform;
import dev.sluice.api.spi.DeclaredPluginProvider;
import dev.sluice.api.spi.TransformProvider;
import java.util.Set;
import java.util.function.Function;

/**
 * A provider of this pack given as what it is: its id, the option keys it takes, and how those
 * options build its transform; priority 0, as every provider of the pack. {@link #create} refuses any
 * other key first, so no provider can forget to, and then builds:
 *
 * <pre>{@code
 * public final class RandomGrayscaleProvider extends DeclaredTransformProvider<RandomGrayscale> {
 *     public RandomGrayscaleProvider() {
 *         super("random_grayscale", Set.of("p"), options -> RandomGrayscale.of(SharedOptions.probability(options, "p", 0.1)));
 *     }
 * }
 * }</pre>
 *
 * Public only because the pack's providers, one per package of transforms, extend it.
 *
 * @param <T> the transform it builds, which {@link #create} returns as such
 */
public abstract class DeclaredTransformProvider<T extends Transform<?, ?>> extends DeclaredPluginProvider<T>
        implements TransformProvider {

    /**
     * @param id the transform's id, torchvision's name in snake case
     * @param keys every option key it takes
     * @param build makes the transform from options that hold no other key; throws
     *        {@link dev.sluice.api.OptionsException} naming the key path of a missing or malformed one
     */
    protected DeclaredTransformProvider(String id, Set<String> keys, Function<Options, T> build) {
        super(id, PackTransformProvider.PRIORITY, keys, build);
    }

    /**
     * The transform these options describe; the class javadoc of the transform says what it does and
     * when it throws, the provider's what each option means.
     *
     * @throws dev.sluice.api.OptionsException naming the key path when an option is unknown, or
     *         missing or malformed as the provider's class javadoc says
     */
    @Override
    public final T create(Options options) {
        return make(options);
    }
}
