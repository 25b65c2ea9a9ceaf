package org.councilbrief;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The layering of DESIGN.md and STYLE.md, checked on the compiled classes. */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.councilbrief");

    @Test
    void onlyTheAppAndRoutesUseJavalin() {
        noClasses().that().resideOutsideOfPackage("org.councilbrief.app..").and().haveSimpleNameNotEndingWith("Routes")
                .should().dependOnClassesThat().resideInAPackage("io.javalin..")
                .because("the web is one door onto the services, and features must not depend on it").check(CLASSES);
    }

    @Test
    void onlyTheAppAndCommandsUsePicocli() {
        noClasses().that().resideOutsideOfPackage("org.councilbrief.app..").and()
                .haveSimpleNameNotEndingWith("Command").and().resideOutsideOfPackage("org.councilbrief.app..")
                .should().dependOnClassesThat().resideInAPackage("picocli..")
                .because("the command line is a thin door onto the same services as the web").check(CLASSES);
    }

    @Test
    void onlyTheDatabaseSetupAndRepositoriesUseJdbi() {
        noClasses().that().resideOutsideOfPackage("org.councilbrief.db..").and()
                .haveSimpleNameNotEndingWith("Repository").should().dependOnClassesThat()
                .resideInAPackage("org.jdbi..")
                .because("storage stays behind repositories, so that composition and rendering remain pure")
                .check(CLASSES);
    }

    @Test
    void onlySearchUsesLucene() {
        noClasses().that().resideOutsideOfPackage("org.councilbrief.search..").should().dependOnClassesThat()
                .resideInAPackage("org.apache.lucene..").allowEmptyShould(true)
                .because("the index is derived from the database and owned by one package").check(CLASSES);
    }

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching("org.councilbrief.(*)..").should().beFreeOfCycles()
                .because("each feature can be understood and changed from its own folder").check(CLASSES);
    }
}
