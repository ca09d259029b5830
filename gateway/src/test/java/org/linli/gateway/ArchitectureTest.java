package org.linli.gateway;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The build's architecture check (issue 11, docs/ARCHITECTURE.md): the gateway's top-level packages must not depend
 * on each other in a cycle, so each can be read, tested and replaced on its own. Device-drivers' half (no Vert.x in
 * the protocol code) lives in that module's own {@code ArchitectureTest}.
 */
class ArchitectureTest {

    /** The rule, parameterised by root so the fixtures below can show it failing. */
    static ArchRule noCyclesBetweenPackagesUnder(String root) {
        return slices().matching(root + ".(*)..").should().beFreeOfCycles();
    }

    @Test
    void gatewayPackagesAreFreeOfCycles() {
        // GIVEN the gateway's main classes (tests may reach across packages)
        JavaClasses main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.linli.gateway");
        // WHEN / THEN no package under org.linli.gateway depends, directly or transitively, on itself
        noCyclesBetweenPackagesUnder("org.linli.gateway").check(main);
    }

    @Test
    void theRuleReportsTwoPackagesThatImportEachOther() {
        // GIVEN fixture packages a and b that import each other
        JavaClasses cyclic = new ClassFileImporter().importPackages("org.linli.archfixture.cycle");
        // WHEN the same rule is evaluated over them
        EvaluationResult result = noCyclesBetweenPackagesUnder("org.linli.archfixture.cycle").evaluate(cyclic);
        // THEN it reports a violation naming both packages
        assertTrue(result.hasViolation(), "a cycle between fixture packages a and b must be reported");
        String report = result.getFailureReport().toString();
        assertTrue(report.contains("cycle.a") && report.contains("cycle.b"), report);
    }

    @Test
    void theRulePassesWhenDependenciesRunOneWay() {
        // GIVEN fixture packages where a depends on b and b on nothing
        JavaClasses acyclic = new ClassFileImporter().importPackages("org.linli.archfixture.acyclic");
        // WHEN / THEN the same rule finds nothing
        EvaluationResult result = noCyclesBetweenPackagesUnder("org.linli.archfixture.acyclic").evaluate(acyclic);
        assertFalse(result.hasViolation(), () -> result.getFailureReport().toString());
    }
}
