package dev.watershed.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Keeps the domain free of frameworks, and adapters from talking to each other: each check() asserts a rule. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.watershed");

    @Test
    void domainUsesNoFramework() {
        noClasses().that().resideInAPackage("dev.watershed.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta..", "javax.persistence..",
                        "io.quarkus..", "org.hibernate..", "io.smallrye..", "io.vertx..", "org.jboss..",
                        "org.eclipse.microprofile..")
                .check(CLASSES);
    }

    @Test
    void domainDependsOnNothingOutsideIt() {
        noClasses().that().resideInAPackage("dev.watershed.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.watershed.application..",
                        "dev.watershed.adapter..")
                .check(CLASSES);
    }

    @Test
    void applicationDoesNotKnowAdapters() {
        noClasses().that().resideInAPackage("dev.watershed.application..")
                .should().dependOnClassesThat().resideInAPackage("dev.watershed.adapter..")
                .check(CLASSES);
    }

    @Test
    void entitiesStayInPersistence() {
        noClasses().that().resideOutsideOfPackage("dev.watershed.adapter.persistence..")
                .should().dependOnClassesThat().resideInAPackage("dev.watershed.adapter.persistence..")
                .check(CLASSES);
    }

    /** The CLI jar holds no framework: adapter.cli and the contract file reader use the domain and libraries only. */
    @Test
    void cliAndContractFilesUseNoFramework() {
        noClasses().that().resideInAnyPackage("dev.watershed.adapter.cli..", "dev.watershed.adapter.contractfiles..")
                .and().doNotHaveSimpleName("ExampleEstateLoader")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta..", "io.quarkus..", "org.hibernate..",
                        "io.smallrye..", "io.vertx..", "org.jboss..", "org.eclipse.microprofile..",
                        "dev.watershed.application..", "dev.watershed.adapter.rest..",
                        "dev.watershed.adapter.persistence..", "dev.watershed.adapter.notification..")
                .check(CLASSES);
    }
}
