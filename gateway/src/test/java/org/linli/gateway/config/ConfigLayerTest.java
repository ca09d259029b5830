package org.linli.gateway.config;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The config package is the bottom layer of the gateway: it depends on no other gateway package, so the domain
 * packages that read the configuration (site, auth, serial, security) cannot form a cycle with it; the checks that
 * need their knowledge are theirs ({@link SiteCheck}) and are assembled above both, in {@code sitefile}.
 */
class ConfigLayerTest {
    private static final ImportOption MAIN = ImportOption.Predefined.DO_NOT_INCLUDE_TESTS;

    @Test
    @DisplayName("config imports no other org.linli.gateway package")
    void configIsTheBottomLayer() {
        JavaClasses gateway = new ClassFileImporter().withImportOption(MAIN).importPackages("org.linli.gateway");
        noClasses().that().resideInAPackage("org.linli.gateway.config..")
                .should().dependOnClassesThat(DescribedPredicate.describe("are in another org.linli.gateway package",
                        (JavaClass c) -> c.getPackageName().startsWith("org.linli.gateway")
                                && !c.getPackageName().startsWith("org.linli.gateway.config")))
                .check(gateway);
    }

    @Test
    @DisplayName("config, site, auth, serial, security and sitefile form no dependency cycle among themselves")
    void noCycleAroundConfig() {
        JavaClasses around = new ClassFileImporter().withImportOption(MAIN).importPackages("org.linli.gateway.config",
                "org.linli.gateway.site", "org.linli.gateway.auth", "org.linli.gateway.serial",
                "org.linli.gateway.security", "org.linli.gateway.sitefile");
        slices().matching("org.linli.gateway.(*)..").should().beFreeOfCycles().check(around);
    }
}
