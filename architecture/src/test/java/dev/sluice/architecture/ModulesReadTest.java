package dev.sluice.architecture;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The rules are only as good as the classes they read: every plugin module of the reactor must be
 * a dependency of this module, or a new plugin could import core unseen.
 */
class ModulesReadTest {

    @Test
    void everyModulesPackagesAreRead() throws IOException {
        Set<String> read = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.sluice", "com.example")
                .stream()
                .map(JavaClass::getPackageName)
                .collect(Collectors.toSet());

        for (String expected : expectedPackages()) {
            assertTrue(read.contains(expected),
                    expected + " is in the reactor but not on this module's class path: add its module"
                            + " as a test dependency of sluice-architecture");
        }
    }

    /** api, core's wiring and each plugins-* module's packages, as the source tree has them. */
    private static List<String> expectedPackages() throws IOException {
        Path reactor = Path.of("").toAbsolutePath().getParent();
        try (Stream<Path> modules = Files.list(reactor)) {
            List<String> plugins = modules
                    .filter(module -> module.getFileName().toString().startsWith("plugins-"))
                    .map(module -> module.resolve("src/main/java/dev/sluice/plugins"))
                    .filter(Files::isDirectory)
                    .flatMap(ModulesReadTest::children)
                    .map(dir -> "dev.sluice.plugins." + dir.getFileName())
                    .collect(Collectors.toList());
            assertTrue(plugins.size() >= 3, "found the plugin modules under " + reactor + ": " + plugins);
            return Stream.concat(Stream.of("dev.sluice.api", "dev.sluice.core.wiring", "com.example.acme"),
                    plugins.stream()).toList();
        }
    }

    private static Stream<Path> children(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(Files::isDirectory).toList().stream();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + dir, e);
        }
    }
}
