package org.linli.drivers;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The build's architecture check for device-drivers (docs/ARCHITECTURE.md): protocol code carries no Vert.x, so it
 * can be tested without an event loop and reused by any runtime; the gateway wires it onto the event loop.
 */
class ArchitectureTest {

    @Test
    void noDriverClassDependsOnVertx() {
        // GIVEN every main class of device-drivers
        JavaClasses drivers = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.linli.drivers");
        // WHEN / THEN none of them depends on a Vert.x class
        noClasses().that().resideInAPackage("org.linli.drivers..")
                .should().dependOnClassesThat().resideInAPackage("io.vertx..")
                .because("device-drivers is protocol code with no Vert.x (docs/ARCHITECTURE.md)")
                .check(drivers);
    }
}
