package dev.watershed.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

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

    /** The CLI jar holds no framework: adapter.cli uses the domain (the declaration format included) and libraries. */
    @Test
    void cliUsesNoFramework() {
        noClasses().that().resideInAPackage("dev.watershed.adapter.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta..", "io.quarkus..", "org.hibernate..",
                        "io.smallrye..", "io.vertx..", "org.jboss..", "org.eclipse.microprofile..",
                        "dev.watershed.application..")
                .check(CLASSES);
    }

    /**
     * Capabilities announce their changes with events of their own (application.contract.ContractPublished...),
     * which notification observes: notification knows them, none of them knows notification. Adapters may: REST
     * serves subscriptions, inboxes and deliveries, persistence stores them, the notifiers send them.
     */
    @Test
    void onlyNotificationAndAdaptersKnowNotification() {
        noClasses().that().resideOutsideOfPackages("dev.watershed.application.notification..",
                        "dev.watershed.adapter..")
                .should().dependOnClassesThat().resideInAPackage("dev.watershed.application.notification..")
                .check(CLASSES);
    }

    @Test
    void adaptersDoNotKnowEachOther() {
        slices().matching("dev.watershed.adapter.(*)..").should().notDependOnEachOther().check(CLASSES);
    }
}
