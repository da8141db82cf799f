/** StoryMimi Studio: the desktop editor for StoryMimi's Supabase catalogue. */
module com.storymimi.studio {
    requires javafx.controls;
    requires javafx.fxml;
    requires javafx.media;
    requires atlantafx.base;
    requires org.kordamp.ikonli.core;
    requires org.kordamp.ikonli.javafx;
    requires org.kordamp.ikonli.materialdesign2;
    requires com.google.gson;
    requires org.slf4j;
    requires ch.qos.logback.classic;
    requires java.net.http;
    requires java.sql;
    requires jdk.httpserver;
    requires org.xerial.sqlitejdbc;

    // Gson reads and writes the records reflectively.
    opens com.storymimi.studio.model to com.google.gson;
    opens com.storymimi.studio.supabase.auth to com.google.gson;
    opens com.storymimi.studio.supabase.storage to com.google.gson;
    opens com.storymimi.studio.app to com.google.gson;
    // The service package decodes embedded reads and RPC results into its own wire records.
    opens com.storymimi.studio.service to com.google.gson;
    opens com.storymimi.studio.service.trash to com.google.gson;
    opens com.storymimi.studio.service.revisions to com.google.gson;
    opens com.storymimi.studio.service.bundle to com.google.gson;

    // FXML injects @FXML fields and calls @FXML handlers of the views.
    opens com.storymimi.studio.ui.shell to javafx.fxml;
    opens com.storymimi.studio.ui.users to javafx.fxml;
    opens com.storymimi.studio.ui.connect to javafx.fxml;
    opens com.storymimi.studio.ui.stories to javafx.fxml;
    opens com.storymimi.studio.ui.editor to javafx.fxml;
    opens com.storymimi.studio.ui.integrity to javafx.fxml;
    opens com.storymimi.studio.ui.storage to javafx.fxml;
    opens com.storymimi.studio.ui.trash to javafx.fxml;
    opens com.storymimi.studio.ui.history to javafx.fxml;
    opens com.storymimi.studio.ui.player to javafx.fxml;

    // javafx.graphics instantiates the Application subclass.
    exports com.storymimi.studio.app to javafx.graphics;
}
