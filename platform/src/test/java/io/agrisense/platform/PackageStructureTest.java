package io.agrisense.platform;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The platform's packages form layers: no package cycle, and the rule and model cores do no I/O. */
@AnalyzeClasses(packages = "io.agrisense.platform", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageStructureTest {

    /** Every package is its own slice, so {@code alert} and {@code alert.runtime} may not depend on each other both ways. */
    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("io.agrisense.platform.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule pureCoresUseNoVertxJdbcOrMqtt = noClasses()
            .that().resideInAnyPackage("io.agrisense.platform.alert", "io.agrisense.platform.model",
                    "io.agrisense.platform.model.evapotranspiration")
            .should().dependOnClassesThat().resideInAnyPackage("io.vertx..", "java.sql..", "javax.sql..",
                    "org.postgresql..", "com.zaxxer.hikari..", "org.eclipse.paho..", "io.micrometer..")
            .because("the rule engine and the agronomic models are plain Java, tested without servers");
}
