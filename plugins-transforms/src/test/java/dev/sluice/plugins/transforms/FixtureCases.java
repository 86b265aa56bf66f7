package dev.sluice.plugins.transforms;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.AnnotationBasedArgumentsProvider;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ArgumentsSource;
import org.junit.jupiter.params.support.ParameterDeclarations;

/**
 * A parameterized test run once for each fixture case of the named transforms, as
 * {@link Fixtures#cases} selects them (at least one, or the test fails), each run named after its
 * case. The method takes the {@link Fixtures.Case}:
 *
 * <pre>{@code
 * @FixtureCases("affine")
 * void affineMatchesTorchvision(Fixtures.Case c) { ... }
 * }</pre>
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ParameterizedTest(name = "{0}")
@ArgumentsSource(FixtureCases.Source.class)
public @interface FixtureCases {

    /** The transforms whose cases to run, as the manifest names them. */
    String[] value();

    /** Hands a test the cases its annotation names. */
    final class Source extends AnnotationBasedArgumentsProvider<FixtureCases> {
        @Override
        protected Stream<? extends Arguments> provideArguments(ParameterDeclarations parameters,
                ExtensionContext context, FixtureCases cases) {
            return Fixtures.cases(cases.value()).stream().map(Arguments::of);
        }
    }
}
