package dev.sluice.api.contract;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.sluice.api.Options;
import dev.sluice.api.OptionsException;
import dev.sluice.api.spi.Availability;
import dev.sluice.api.spi.PluginProvider;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * What every plugin provider must do to be found and configured by core: be registered for
 * {@link ServiceLoader} under a well-formed id, be cheap to construct, answer
 * {@link PluginProvider#availability()} without throwing, and refuse options it does not know.
 *
 * <p>Plugin authors do not extend this class directly but the contract of their kind
 * ({@link ImageDecoderContract}, {@link ImageEncoderContract}, {@link TransformContract}), which
 * extends it and fills in {@link #providerKind()} and {@link #createWith}. The tests here run for
 * every such subclass. A kind without its own contract extends this class:
 *
 * <pre>{@code
 * class AcmeLabelFormatProviderTest extends ProviderContract<LabelFormatProvider> {
 *     protected Class<LabelFormatProvider> providerKind() { return LabelFormatProvider.class; }
 *     protected String providerId() { return "acme-labels"; }
 *     protected Object createWith(LabelFormatProvider provider, Options options) { return provider.create(options); }
 * }
 * }</pre>
 *
 * <p>JUnit makes a new instance of the test class for each test method, so hooks may build what
 * they return on every call; they are called on the test thread.
 *
 * @param <P> the provider interface of the kind
 */
public abstract class ProviderContract<P extends PluginProvider> {

    // What an id may be: lower-case letters, digits, underscores (torchvision's names: to_tensor) and
    // hyphens (a third party's prefix: acme-jpeg), starting with a letter or digit.
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]*");

    // An option name no plugin knows; the contract expects it to be refused.
    static final String UNKNOWN_OPTION = "sluice-contract-unknown-option";

    /** The provider interface of the kind, such as {@code ImageDecoderProvider.class}. */
    protected abstract Class<P> providerKind();

    /**
     * The id the plugin under test is registered under, the word users write in configuration
     * ({@code "opencv"}); lower case: letters, digits, underscores and hyphens.
     */
    protected abstract String providerId();

    /**
     * Calls the kind's factory method ({@code provider.create(options)}), so that this class can
     * test it without knowing the kind.
     *
     * @return what the factory made; never null for a provider that keeps the contract
     */
    protected abstract Object createWith(P provider, Options options);

    /**
     * The smallest options with which the provider's factory succeeds. The default, no options, is
     * right for every provider whose options all have defaults; a transform that needs a parameter
     * ({@code size} for a resize) returns it here, under the key path configuration would give it.
     */
    protected Options providerOptions() {
        return Options.empty();
    }

    /**
     * Whether the provider must be available on the machine the tests run on. The default, true,
     * fails every test when {@link PluginProvider#availability()} says unavailable, with its reason.
     * A backend that may legitimately be missing (a native library not built for the platform)
     * returns false, and its tests are then skipped with the reason instead.
     */
    protected boolean mustBeAvailable() {
        return true;
    }

    /**
     * The provider under test, a fresh instance found through {@link ServiceLoader} by
     * {@link #providerId()}, checked to be available (see {@link #mustBeAvailable()}).
     *
     * @throws AssertionError if it is not registered, or is unavailable and must be available
     */
    protected final P provider() {
        P provider = uniqueProvider();
        Availability availability = provider.availability();
        if (!availability.available()) {
            String why = providerKind().getSimpleName() + " '" + providerId() + "' is unavailable: "
                    + availability.reason();
            if (mustBeAvailable()) {
                fail(why);
            }
            Assumptions.abort(why);
        }
        return provider;
    }

    private P uniqueProvider() {
        List<P> matches = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (P candidate : ServiceLoader.load(providerKind())) {
            ids.add(candidate.id() + " (" + candidate.getClass().getName() + ")");
            if (providerId().equals(candidate.id())) {
                matches.add(candidate);
            }
        }
        if (matches.isEmpty()) {
            fail("no " + providerKind().getSimpleName() + " with id '" + providerId()
                    + "' is registered for ServiceLoader; list its class in META-INF/services/"
                    + providerKind().getName() + ". Found: " + (ids.isEmpty() ? "none" : String.join(", ", ids)));
        }
        if (matches.size() > 1) {
            fail(matches.size() + " providers of kind " + providerKind().getSimpleName() + " have the id '"
                    + providerId() + "', an id must be unique: " + String.join(", ", ids));
        }
        return matches.get(0);
    }

    /** Exactly one provider of the kind registered for ServiceLoader answers {@link #providerId()}. */
    @Test
    public final void providerIsFoundByServiceLoaderUnderItsIdExactlyOnce() {
        assertEquals(providerId(), uniqueProvider().id());
    }

    /** The id is lower-case letters, digits, underscores and hyphens ({@code [a-z0-9][a-z0-9_-]*}). */
    @Test
    public final void idIsLowerCaseLettersDigitsAndHyphens() {
        String id = uniqueProvider().id();
        assertTrue(ID.matcher(id).matches(), () -> "id '" + id + "' must match " + ID.pattern());
    }

    /**
     * Every provider of the kind on the class path can be constructed, and the one under test
     * answers {@code availability()} without throwing, the same way twice.
     */
    @Test
    public final void constructingAndAskingAvailabilityDoesNotThrow() {
        P underTest = null;
        for (ServiceLoader.Provider<P> registered : ServiceLoader.load(providerKind()).stream().toList()) {
            P instance = assertDoesNotThrow(registered::get, () -> "constructing " + registered.type().getName());
            if (providerId().equals(instance.id())) {
                underTest = instance;
            }
        }
        assertNotNull(underTest, () -> "no " + providerKind().getSimpleName() + " with id '" + providerId()
                + "' is registered");
        Availability first = assertDoesNotThrow(underTest::availability, "availability()");
        assertNotNull(first, "availability() returned null");
        assertEquals(first, underTest.availability(), "availability() changed between two calls");
    }

    /** When available, the factory makes a non-null instance from {@link #providerOptions()}. */
    @Test
    public final void createWorksWithTheMinimalOptions() {
        P provider = provider();
        assertNotNull(createWith(provider, providerOptions()), "create(" + providerOptions() + ") returned null");
    }

    /**
     * An option the plugin does not know is refused with an {@link OptionsException} whose key path
     * is the option's full key path.
     */
    @Test
    public final void createRefusesAnUnknownOptionNamingItsKeyPath() {
        P provider = provider();
        Options base = providerOptions();
        Options withUnknown = withUnknownOption();
        OptionsException refused = assertThrows(OptionsException.class, () -> createWith(provider, withUnknown),
                () -> "create(" + withUnknown + ") must refuse the unknown option with an OptionsException");
        assertEquals(base.keyPath(UNKNOWN_OPTION), refused.keyPath(), "the key path of the refused option");
        assertTrue(refused.getMessage().contains(UNKNOWN_OPTION), () -> "message: " + refused.getMessage());
    }

    /** {@link #providerOptions()} with an option no plugin knows ({@link #UNKNOWN_OPTION}) added. */
    final Options withUnknownOption() {
        Options base = providerOptions();
        Map<String, Object> values = new LinkedHashMap<>(base.asMap());
        values.put(UNKNOWN_OPTION, 1);
        return Options.of(base.path(), values);
    }
}
