package com.storymimi.studio.ui;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The UI's share of the architecture rules (docs/architecture.md, style.md habit 1). */
class UiArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.storymimi.studio");

    @Test
    void viewModelsUseNoSceneGraph() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..", "javafx.fxml..")
                .check(CLASSES);
    }

    @Test
    void theUiKnowsOnlyServiceInterfacesAndTheModel() {
        noClasses().that().resideInAPackage("com.storymimi.studio.ui..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "com.storymimi.studio.app..", "com.storymimi.studio.supabase..", "com.storymimi.studio.local..")
                .check(CLASSES);
    }
}
