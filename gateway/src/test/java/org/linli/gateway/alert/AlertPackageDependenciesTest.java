package org.linli.gateway.alert;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class AlertPackageDependenciesTest {
    @Test
    @DisplayName("the alert model depends on site and config only: nothing in alert uses rules, mqtt, pipeline, http or notify")
    void alertUsesNoCallerPackage() {
        // GIVEN the production classes of the alert package
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.linli.gateway.alert");
        // WHEN / THEN no class of the alert package depends on a package that calls into it
        noClasses().that().resideInAPackage("org.linli.gateway.alert..")
                .should().dependOnClassesThat().resideInAnyPackage("org.linli.gateway.rules..",
                        "org.linli.gateway.mqtt..", "org.linli.gateway.pipeline..", "org.linli.gateway.http..",
                        "org.linli.gateway.notify..")
                .because("rules, sources and sinks call into the alert model, never the other way round "
                        + "(docs/ALERTS.md, \"The alert model\")")
                .check(classes);
    }
}
