package io.roxxane.agent.files;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The rule's package serves every part of the agent that touches files, so it knows none of them. */
class FilesPackageTest {
    @Test
    void files_dependsOnNoSinkAndNoOtherAgentPackageButLog() {
        JavaClasses agent = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.roxxane.agent");
        noClasses().that().resideInAPackage("io.roxxane.agent.files..")
                .should().dependOnClassesThat().resideOutsideOfPackages("io.roxxane.agent.files..",
                        "io.roxxane.agent.log..", "java..")
                .check(agent);
    }
}
