package dev.sluice.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layering rules over every module's production classes (tests may cross layers). */
@AnalyzeClasses(packages = {"dev.sluice", "com.example"}, importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    private static final LayerRules SLUICE = new LayerRules("dev.sluice", "com.example..");

    @ArchTest
    static final ArchRule apiDependsOnTheJdkOnly = SLUICE.apiDependsOnTheJdkOnly();

    @ArchTest
    static final ArchRule pluginsDoNotDependOnCore = SLUICE.pluginsDoNotDependOnCore();

    @ArchTest
    static final ArchRule coreDoesNotDependOnPlugins = SLUICE.coreDoesNotDependOnPlugins();

    @ArchTest
    static final ArchRule guiceOnlyInWiring = SLUICE.guiceOnlyInWiring();

    @ArchTest
    static final ArchRule serviceLoaderOnlyInRegistry = SLUICE.serviceLoaderOnlyInRegistry();

    @ArchTest
    static final ArchRule examplesDoNotNamePlugins = SLUICE.examplesDoNotNamePlugins();

    @ArchTest
    static final ArchRule shardAndLoaderAreIndependent = SLUICE.shardAndLoaderAreIndependent();
}
