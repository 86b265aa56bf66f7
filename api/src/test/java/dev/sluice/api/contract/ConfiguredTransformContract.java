package dev.sluice.api.contract;

import dev.sluice.api.Options;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The {@link TransformContract} configured in the test's constructor (provider id, options, inputs,
 * randomness) rather than by four one-line overrides:
 *
 * <pre>{@code
 * class RandomHorizontalFlipTest extends ConfiguredTransformContract<Image, Image> {
 *     RandomHorizontalFlipTest() {
 *         super("random_horizontal_flip", Options.of("transforms[0].random_horizontal_flip", Map.of("p", 0.5)),
 *                 () -> List.of(TestImages.photo(101, 67, 3), TestImages.photo(8, 5, 1)), RANDOM);
 *     }
 * }
 * }</pre>
 *
 * @param <I> the input type
 * @param <O> the output type
 */
public abstract class ConfiguredTransformContract<I, O> extends TransformContract<I, O> {
    /** For {@link #isDeterministic()}: the transform ignores its random source. */
    protected static final boolean DETERMINISTIC = true;
    /** For {@link #isDeterministic()}: the transform draws from its random source. */
    protected static final boolean RANDOM = false;

    private final String providerId;
    private final Options providerOptions;
    private final Supplier<? extends List<I>> sampleInputs;
    private final boolean deterministic;

    /**
     * @param providerId the transform id under test
     * @param providerOptions its options, under the key path the contract's messages name
     * @param sampleInputs makes the inputs afresh for each test
     * @param deterministic {@link #DETERMINISTIC} or {@link #RANDOM}
     */
    protected ConfiguredTransformContract(String providerId, Options providerOptions,
            Supplier<? extends List<I>> sampleInputs, boolean deterministic) {
        this.providerId = Objects.requireNonNull(providerId, "providerId");
        this.providerOptions = Objects.requireNonNull(providerOptions, "providerOptions");
        this.sampleInputs = Objects.requireNonNull(sampleInputs, "sampleInputs");
        this.deterministic = deterministic;
    }

    @Override
    protected final String providerId() {
        return providerId;
    }

    @Override
    protected final Options providerOptions() {
        return providerOptions;
    }

    @Override
    protected final List<I> sampleInputs() {
        return sampleInputs.get();
    }

    @Override
    protected final boolean isDeterministic() {
        return deterministic;
    }
}
