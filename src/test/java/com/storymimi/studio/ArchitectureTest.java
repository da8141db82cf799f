package com.storymimi.studio;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Holds the import table of docs/architecture.md ("Who may import whom"). */
class ArchitectureTest {

    private static final String ROOT = "com.storymimi.studio";
    private static final String[] JDK = {"java..", "javax.crypto..", "javax.net..", "jdk.internal..", "sun.."};

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    @Test
    void modelUsesTheJdkOnly() {
        allowOnly("model", ROOT + ".model..");
    }

    @Test
    void supabaseClientUsesJdkGsonAndSlf4jOnly() {
        allowOnly("supabase", ROOT + ".supabase..", "com.google.gson..", "org.slf4j..");
    }

    @Test
    void localSandboxUsesJdkSqliteGsonAndSlf4jOnly() {
        allowOnly("local", ROOT + ".local..", "com.sun.net.httpserver..", "org.sqlite..",
                "com.google.gson..", "org.slf4j..");
    }

    @Test
    void servicesUseModelSupabaseAndSlf4jOnly() {
        allowOnly("service", ROOT + ".service..", ROOT + ".model..", ROOT + ".supabase..", "org.slf4j..");
    }

    @Test
    void theTrashRoomUsesTheServiceLayerWhichKnowsOnlyItsInterface() {
        allowOnly("service.trash", ROOT + ".service..", ROOT + ".model..", ROOT + ".supabase..", "org.slf4j..");
        noClasses().that().resideInAPackage(ROOT + ".service")
                .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage(ROOT + ".service.trash")
                        .and(DescribedPredicate.not(JavaClass.Predicates.simpleName("TrashService"))))
                .check(classes);
        // The implementation is the app's to build; everyone else sees the interface.
        noClasses().that().resideOutsideOfPackages(ROOT + ".app..", ROOT + ".service.trash..")
                .should().dependOnClassesThat().haveFullyQualifiedName(ROOT + ".service.trash.SupabaseTrashService")
                .check(classes);
    }

    @Test
    void theBundleRoomUsesTheServiceLayerWhichKnowsOnlyItsInterface() {
        allowOnly("service.bundle", ROOT + ".service..", ROOT + ".model..", ROOT + ".supabase..", "org.slf4j..");
        noClasses().that().resideInAPackage(ROOT + ".service")
                .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage(ROOT + ".service.bundle")
                        .and(DescribedPredicate.not(JavaClass.Predicates.simpleName("BundleService"))))
                .check(classes);
        noClasses().that().resideOutsideOfPackages(ROOT + ".app..", ROOT + ".service.bundle..")
                .should().dependOnClassesThat().haveFullyQualifiedName(ROOT + ".service.bundle.SupabaseBundleService")
                .check(classes);
    }

    @Test
    void theUndoHistoryKnowsNoFeatureAndNoSceneGraph() {
        allowOnly("ui.undo", ROOT + ".ui.undo..", ROOT + ".ui.common..", ROOT + ".service..", ROOT + ".model..",
                "javafx.beans..", "javafx.collections..", "org.slf4j..");
    }

    @Test
    void theStoryboardPlayerIsARoomOpenedFromTheEditorAndTheStoriesList() {
        allowOnly("ui.player", ROOT + ".ui.player..", ROOT + ".ui.common..", ROOT + ".service..", ROOT + ".model..",
                "javafx..", "org.kordamp.ikonli..", "org.slf4j..");
        noClasses().that().resideOutsideOfPackages(
                        ROOT + ".ui.player..", ROOT + ".ui.editor..", ROOT + ".ui.stories..", ROOT + ".app..")
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".ui.player..")
                .check(classes);
    }

    @Test
    void uiNeverReachesPastTheServices() {
        ArchRule rule = noClasses().that().resideInAPackage(ROOT + ".ui..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        ROOT + ".supabase..", ROOT + ".local..", ROOT + ".app..", "com.google.gson..");
        rule.check(classes);
    }

    @Test
    void viewModelsStayFreeOfTheSceneGraph() {
        ArchRule rule = noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "javafx.scene..", "javafx.stage..", "javafx.fxml..", "javafx.application..");
        rule.check(classes);
    }

    @Test
    void onlyTheAppAssemblesTheLayers() {
        ArchRule rule = noClasses().that().resideOutsideOfPackage(ROOT + ".app..")
                .and().resideInAPackage(ROOT + "..")
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".app..");
        rule.check(classes);
    }

    private static void allowOnly(String layer, String... allowed) {
        String[] packages = new String[allowed.length + JDK.length];
        System.arraycopy(allowed, 0, packages, 0, allowed.length);
        System.arraycopy(JDK, 0, packages, allowed.length, JDK.length);
        classes().that().resideInAPackage(ROOT + "." + layer + "..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(packages)
                .allowEmptyShould(true)
                .check(classes);
    }
}
