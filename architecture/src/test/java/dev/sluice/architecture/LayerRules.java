package dev.sluice.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import dev.sluice.api.spi.PluginProvider;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The layering of ARCHITECTURE.md as ArchUnit rules, for a tree of packages under one root: the
 * real tree ({@code dev.sluice}) in {@link LayeringTest}, and a small deliberately violating tree
 * in {@link LayerRulesCanFailTest}, so that each rule is shown able to fail.
 */
final class LayerRules {

    private final String api;
    private final String core;
    private final String wiring;
    private final String registry;
    private final String examples;
    private final String loader;
    private final String shard;
    private final String[] plugins;
    private final String transformPack;
    private final String[] library;

    /**
     * @param root the package that holds {@code api}, {@code core} and {@code plugins}
     * @param otherPlugins packages of plugins that live outside the root (third-party examples)
     */
    LayerRules(String root, String... otherPlugins) {
        this.api = root + ".api..";
        this.core = root + ".core..";
        this.wiring = root + ".core.wiring..";
        this.registry = root + ".core.plugin..";
        this.examples = root + ".examples..";
        this.loader = root + ".core.loader..";
        this.shard = root + ".core.shard..";
        this.plugins = concat(root + ".plugins..", otherPlugins);
        this.transformPack = root + ".plugins.transforms..";
        this.library = concat(root + ".spark..", concat(api, concat(core, plugins)));
    }

    /** api is the vocabulary everyone shares, so it may import the JDK and itself, nothing else. */
    ArchRule apiDependsOnTheJdkOnly() {
        return classes().that().resideInAPackage(api)
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", api)
                .because("api depends on the JDK only");
    }

    /** A plugin is swappable by configuration only if it sees nothing but api. */
    ArchRule pluginsDoNotDependOnCore() {
        return noClasses().that().resideInAnyPackage(plugins)
                .should().dependOnClassesThat().resideInAPackage(core)
                .because("plugins depend on api and their own backend, never on core");
    }

    /** Core finds plugins by ServiceLoader; naming one would make it a compile-time dependency. */
    ArchRule coreDoesNotDependOnPlugins() {
        return noClasses().that().resideInAPackage(core)
                .should().dependOnClassesThat().resideInAnyPackage(plugins)
                .because("core finds plugins through the registry, never by their classes");
    }

    /** One Guice module binds what the configuration names; nothing else of the library sees Guice. */
    ArchRule guiceOnlyInWiring() {
        return noClasses().that().resideInAnyPackage(library).and().resideOutsideOfPackage(wiring)
                .should().dependOnClassesThat().resideInAPackage("com.google.inject..")
                .because("Guice is used only in core's wiring package");
    }

    /** Discovery has one home, so that id clashes, availability and errors are handled once. */
    ArchRule serviceLoaderOnlyInRegistry() {
        return noClasses().that().resideInAnyPackage(library).and().resideOutsideOfPackage(registry)
                .should().dependOnClassesThat().belongToAnyOf(ServiceLoader.class)
                .because("providers are discovered only by core's plugin registry");
    }

    /**
     * Examples show the public way in: decoders, encoders, label formats and every provider are found
     * by id through core, never named. A transform pack's typed forms ({@code Transforms.resize(256)}
     * and the classes it returns) are the pack's public Java API, as torchvision's classes are, so
     * examples may name those, but not the pack's providers.
     */
    ArchRule examplesDoNotNamePlugins() {
        DescribedPredicate<JavaClass> typedTransforms = resideInAPackage(transformPack)
                .and(not(assignableTo(PluginProvider.class)));
        return noClasses().that().resideInAPackage(examples)
                .should().dependOnClassesThat(resideInAnyPackage(plugins).and(not(typedTransforms)))
                .because("examples reach plugins through core's registry by id, as a configuration does;"
                        + " only a transform pack's typed forms are named");
    }

    /**
     * The loader and the shard datasets share what both need (the error policy, the resumable-stream
     * contract) through core's dataset package; neither reaches into the other.
     */
    ArchRule shardAndLoaderAreIndependent() {
        String reason = "the loader and the shard datasets meet in core.dataset, not in each other";
        return CompositeArchRule.of(noClasses().that().resideInAPackage(shard)
                        .should().dependOnClassesThat().resideInAPackage(loader).because(reason))
                .and(noClasses().that().resideInAPackage(loader)
                        .should().dependOnClassesThat().resideInAPackage(shard).because(reason));
    }

    List<ArchRule> all() {
        return List.of(apiDependsOnTheJdkOnly(), pluginsDoNotDependOnCore(), coreDoesNotDependOnPlugins(),
                guiceOnlyInWiring(), serviceLoaderOnlyInRegistry(), examplesDoNotNamePlugins(),
                shardAndLoaderAreIndependent());
    }

    private static String[] concat(String first, String... rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
