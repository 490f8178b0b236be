package io.roxxane.agent.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The agent's packages say what they hold, stay small, and depend on each other in one direction. */
class PackageStructureTest {
    private static final int MAX_CLASSES_PER_PACKAGE = 20;
    private static JavaClasses agent;

    @BeforeAll
    static void importAgent() {
        agent = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.roxxane.agent");
    }

    @Test
    void packages_haveNoCycles() {
        slices().matching("io.roxxane.agent.(**)").should().beFreeOfCycles().check(agent);
    }

    @Test
    void rootPackage_isUsedByNoOtherPackage() {
        noClasses().that().resideOutsideOfPackage("io.roxxane.agent")
                .should().dependOnClassesThat().resideInAPackage("io.roxxane.agent")
                .because("the root package wires the agent together; everything else sits below it")
                .check(agent);
    }

    @Test
    void bootstrap_dependsOnNothingOfTheAgent() {
        noClasses().that().resideInAPackage("..agent.bootstrap..")
                .should().dependOnClassesThat().resideOutsideOfPackages("..agent.bootstrap..", "java..")
                .because("the host's class path sees only the bootstrap; the rest loads in isolation")
                .check(agent);
    }

    @Test
    void awsPlumbing_knowsNothingOfSinksCredentialsOrCli() {
        noClasses().that().resideInAPackage("..agent.aws..")
                .should().dependOnClassesThat().resideInAnyPackage("..agent.sink..", "..agent.credentials..",
                        "..agent.cli..", "..agent.config..")
                .check(agent);
    }

    @Test
    void collectors_knowNothingOfSinks() {
        noClasses().that().resideInAPackage("..agent.collect..")
                .should().dependOnClassesThat().resideInAnyPackage("..agent.sink..", "..agent.aws..",
                        "..agent.credentials..", "..agent.cli..")
                .check(agent);
    }

    @Test
    void packages_holdAtMostTwentyClasses() {
        Map<String, Long> perPackage = agent.stream()
                .filter(c -> c.isTopLevelClass())
                .filter(c -> !c.getSimpleName().equals("package-info"))
                .collect(Collectors.groupingBy(JavaClass::getPackageName, TreeMap::new, Collectors.counting()));
        Map<String, Long> tooLarge = new TreeMap<>();
        perPackage.forEach((name, count) -> {
            if (count > MAX_CLASSES_PER_PACKAGE) {
                tooLarge.put(name, count);
            }
        });
        assertEquals(Map.of(), tooLarge, "packages over " + MAX_CLASSES_PER_PACKAGE + " classes; all: " + perPackage);
    }
}
