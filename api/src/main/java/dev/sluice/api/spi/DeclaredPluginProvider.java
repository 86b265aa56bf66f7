package dev.sluice.api.spi;

import dev.sluice.api.Options;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * An {@link AbstractPluginProvider} declared as what it makes from which options: the option keys it
 * takes, and the recipe that makes its product from options holding no other key. Its kind's
 * {@code create} returns {@link #make}, which refuses every other key first, so that no provider
 * forgets to:
 *
 * <pre>{@code
 * public final class AcmeCsvProvider extends DeclaredPluginProvider<LabelFormat> implements LabelFormatProvider {
 *     public AcmeCsvProvider() {
 *         super("acme-csv", 10, Set.of("delimiter"), options -> new AcmeCsv(options.getString("delimiter", ",")));
 *     }
 *
 *     public LabelFormat create(Options options) {
 *         return make(options);
 *     }
 * }
 * }</pre>
 *
 * Constructing one keeps the values and does nothing else, as a provider's construction must.
 *
 * @param <T> what it makes
 */
public abstract class DeclaredPluginProvider<T> extends AbstractPluginProvider {
    private final Set<String> keys;
    private final Function<Options, ? extends T> recipe;

    /**
     * @param id the provider's id, as {@link PluginProvider#id()} describes it; not null
     * @param priority its priority under {@code auto}, as {@link PluginProvider#priority()} describes it
     * @param keys every option key it takes; not null
     * @param recipe makes the product from options that hold no other key; throws
     *        {@link dev.sluice.api.OptionsException} naming the key path of a missing or malformed one
     * @throws NullPointerException when an argument is null
     */
    protected DeclaredPluginProvider(String id, int priority, Set<String> keys, Function<Options, ? extends T> recipe) {
        super(id, priority);
        this.keys = Set.copyOf(keys);
        this.recipe = Objects.requireNonNull(recipe, "recipe");
    }

    /**
     * What {@code options} make: any key but the declared ones is refused, then the recipe runs.
     *
     * @throws dev.sluice.api.OptionsException naming the key path of an unknown key, or of one the
     *         recipe finds missing or malformed
     */
    protected final T make(Options options) {
        options.requireOnly(keys);
        return recipe.apply(options);
    }
}
