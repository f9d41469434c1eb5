package dev.watershed.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Keeps the layout the README's Development section describes: its package table is read from README.md and every
 * dependency between our packages must be one it lists; the other rules keep the domain free of frameworks and
 * adapters from talking to each other. Each check() asserts a rule.
 */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.watershed");

    @Test
    void domainUsesNoFramework() {
        noClasses()
                .that()
                .resideInAPackage("dev.watershed.domain..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "jakarta..",
                        "javax.persistence..",
                        "io.quarkus..",
                        "org.hibernate..",
                        "io.smallrye..",
                        "io.vertx..",
                        "org.jboss..",
                        "org.eclipse.microprofile..")
                .check(CLASSES);
    }

    @Test
    void domainDependsOnNothingOutsideIt() {
        noClasses()
                .that()
                .resideInAPackage("dev.watershed.domain..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.watershed.application..", "dev.watershed.adapter..")
                .check(CLASSES);
    }

    @Test
    void applicationDoesNotKnowAdapters() {
        noClasses()
                .that()
                .resideInAPackage("dev.watershed.application..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.watershed.adapter..")
                .check(CLASSES);
    }

    @Test
    void entitiesStayInPersistence() {
        noClasses()
                .that()
                .resideOutsideOfPackage("dev.watershed.adapter.persistence..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.watershed.adapter.persistence..")
                .check(CLASSES);
    }

    /** The CLI jar holds no framework: adapter.cli uses the domain (the declaration format included) and libraries. */
    @Test
    void cliUsesNoFramework() {
        noClasses()
                .that()
                .resideInAPackage("dev.watershed.adapter.cli..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "jakarta..",
                        "io.quarkus..",
                        "org.hibernate..",
                        "io.smallrye..",
                        "io.vertx..",
                        "org.jboss..",
                        "org.eclipse.microprofile..",
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
        noClasses()
                .that()
                .resideOutsideOfPackages("dev.watershed.application.notification..", "dev.watershed.adapter..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.watershed.application.notification..")
                .check(CLASSES);
    }

    @Test
    void adaptersDoNotKnowEachOther() {
        slices().matching("dev.watershed.adapter.(*)..")
                .should()
                .notDependOnEachOther()
                .check(CLASSES);
    }

    @Test
    void capabilitiesAreFreeOfCycles() {
        slices().matching("dev.watershed.application.(*)..")
                .should()
                .beFreeOfCycles()
                .check(CLASSES);
    }

    /** Every dependency between two of our packages is allowed by the README's layout table. */
    @Test
    void dependenciesFollowTheReadmeTable() throws IOException {
        Map<String, Set<String>> allowed = layoutTable();
        List<String> violations = new ArrayList<>();
        Set<String> unnamed = new TreeSet<>();
        for (JavaClass origin : CLASSES) {
            String from = tablePackage(origin.getPackageName(), allowed);
            if (from == null) {
                unnamed.add(origin.getPackageName());
                continue;
            }
            for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                String targetPackage = dependency.getTargetClass().getPackageName();
                if (!targetPackage.startsWith("dev.watershed")) {
                    continue;
                }
                String to = tablePackage(targetPackage, allowed);
                if (to != null && !to.equals(from) && !allowed.get(from).contains(to)) {
                    violations.add(from + " -> " + to + ": " + dependency.getDescription());
                }
            }
        }
        assertThat(unnamed)
                .as("packages the README's layout table does not name")
                .isEmpty();
        assertThat(violations)
                .as("dependencies the README's layout table does not allow")
                .isEmpty();
    }

    /** The row of the table a package belongs to: its own, or that of the nearest enclosing package listed. */
    private static String tablePackage(String javaPackage, Map<String, Set<String>> table) {
        String name =
                javaPackage.startsWith("dev.watershed.") ? javaPackage.substring("dev.watershed.".length()) : null;
        while (name != null) {
            if (table.containsKey(name)) {
                return name;
            }
            int dot = name.lastIndexOf('.');
            name = dot < 0 ? null : name.substring(0, dot);
        }
        return null;
    }

    /** package → the packages it may depend on; "every `application.*`" stands for all the application rows. */
    private static Map<String, Set<String>> layoutTable() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("<!-- layout-table: read by ArchitectureTest -->");
        assertThat(start).as("the layout table's marker in README.md").isNotNegative();
        Pattern row = Pattern.compile("^\\| `([a-z.]+)` \\|[^|]*\\|([^|]*)\\|$", Pattern.MULTILINE);
        Pattern name = Pattern.compile("`([a-z.]+)`");
        Map<String, Set<String>> table = new LinkedHashMap<>();
        Map<String, String> cells = new LinkedHashMap<>();
        String rows = readme.substring(start, readme.indexOf("\n\n", readme.indexOf("|---", start)));
        Matcher matcher = row.matcher(rows);
        while (matcher.find()) {
            cells.put(matcher.group(1), matcher.group(2));
        }
        for (Map.Entry<String, String> entry : cells.entrySet()) {
            Set<String> targets = new TreeSet<>();
            Matcher names = name.matcher(entry.getValue());
            while (names.find()) {
                targets.add(names.group(1));
            }
            if (entry.getValue().contains("every `application.*`")) {
                cells.keySet().stream()
                        .filter(other -> other.startsWith("application."))
                        .forEach(targets::add);
                targets.remove("application.*");
            }
            table.put(entry.getKey(), targets);
        }
        assertThat(table).as("rows of the layout table").containsKeys("domain", "application", "adapter.rest");
        return table;
    }
}
