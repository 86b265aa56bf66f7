package dev.sluice.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import dev.sluice.architecture.fixture.api.Shape;
import dev.sluice.architecture.fixture.api.ShapeWithLoader;
import dev.sluice.architecture.fixture.core.loader.Loader;
import dev.sluice.architecture.fixture.core.loader.LoaderModule;
import dev.sluice.architecture.fixture.core.loader.LoaderWithPlugin;
import dev.sluice.architecture.fixture.core.plugin.Registry;
import dev.sluice.architecture.fixture.core.shard.ShardStream;
import dev.sluice.architecture.fixture.core.shard.ShardWithLoader;
import dev.sluice.architecture.fixture.core.wiring.WiringModule;
import dev.sluice.architecture.fixture.examples.Walkthrough;
import dev.sluice.architecture.fixture.examples.WalkthroughNamingAPlugin;
import dev.sluice.architecture.fixture.examples.WalkthroughNamingAProvider;
import dev.sluice.architecture.fixture.plugins.acme.AcmeDecoder;
import dev.sluice.architecture.fixture.plugins.acme.AcmeDiscovery;
import dev.sluice.architecture.fixture.plugins.acme.AcmeWithCore;
import dev.sluice.architecture.fixture.plugins.transforms.Flip;
import dev.sluice.architecture.fixture.plugins.transforms.FlipProvider;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each layering rule run against a small fixture tree: it passes on classes that keep the rules,
 * and fails, naming the class, when one class that breaks it (and only it) is added.
 */
class LayerRulesCanFailTest {

    private static final LayerRules FIXTURE = new LayerRules("dev.sluice.architecture.fixture");

    private static final List<Class<?>> KEEPING_THE_RULES = List.of(
            Shape.class, Loader.class, WiringModule.class, Registry.class, AcmeDecoder.class, Walkthrough.class,
            ShardStream.class, Flip.class, FlipProvider.class);

    @Test
    void everyRulePassesOnClassesThatKeepThem() {
        JavaClasses classes = importing();
        for (ArchRule rule : FIXTURE.all()) {
            EvaluationResult result = rule.evaluate(classes);
            assertFalse(result.hasViolation(), () -> result.getFailureReport().toString());
        }
    }

    static Stream<Arguments> violations() {
        return Stream.of(
                violation(LayerRules::apiDependsOnTheJdkOnly, ShapeWithLoader.class),
                violation(LayerRules::pluginsDoNotDependOnCore, AcmeWithCore.class),
                violation(LayerRules::coreDoesNotDependOnPlugins, LoaderWithPlugin.class),
                violation(LayerRules::guiceOnlyInWiring, LoaderModule.class),
                violation(LayerRules::serviceLoaderOnlyInRegistry, AcmeDiscovery.class),
                violation(LayerRules::examplesDoNotNamePlugins, WalkthroughNamingAPlugin.class),
                violation(LayerRules::examplesDoNotNamePlugins, WalkthroughNamingAProvider.class),
                violation(LayerRules::shardAndLoaderAreIndependent, ShardWithLoader.class));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("violations")
    void theRuleFailsOnItsViolationAndNamesTheClass(Function<LayerRules, ArchRule> rule, Class<?> violator) {
        ArchRule broken = rule.apply(FIXTURE);
        EvaluationResult result = broken.evaluate(importing(violator));

        assertTrue(result.hasViolation(), broken::getDescription);
        String report = result.getFailureReport().toString();
        assertTrue(report.contains(violator.getName()), report);

        long othersFailing = FIXTURE.all().stream()
                .filter(other -> other.evaluate(importing(violator)).hasViolation())
                .count();
        assertEquals(1, othersFailing, "the fixture " + violator.getSimpleName() + " breaks one rule only");
    }

    private static Arguments violation(Function<LayerRules, ArchRule> rule, Class<?> violator) {
        return Arguments.of(rule, violator);
    }

    private static JavaClasses importing(Class<?>... extra) {
        Class<?>[] all = Stream.concat(KEEPING_THE_RULES.stream(), Stream.of(extra)).toArray(Class<?>[]::new);
        return new ClassFileImporter().importClasses(all);
    }
}
