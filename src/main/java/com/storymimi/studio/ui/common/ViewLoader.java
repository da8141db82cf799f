package com.storymimi.studio.ui.common;

import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Objects;

/**
 * Loads {@code /fxml/<Name>.fxml} with the app's bundle and a controller that was built with its
 * dependencies already (constructor injection), handed to FXML through a controller factory.
 */
public final class ViewLoader {

    private final Texts texts;

    public ViewLoader(Texts texts) {
        this.texts = Objects.requireNonNull(texts, "texts");
    }

    /** Loads the FXML named after the controller's class, e.g. {@code UsersView} → {@code /fxml/UsersView.fxml}. */
    public Parent load(Object controller) {
        return load(controller.getClass().getSimpleName(), controller);
    }

    public Parent load(String viewName, Object controller) {
        URL location = ViewLoader.class.getResource("/fxml/" + viewName + ".fxml");
        if (location == null) {
            throw new IllegalStateException("no FXML for " + viewName);
        }
        FXMLLoader loader = new FXMLLoader(location, texts.bundle());
        loader.setControllerFactory(type -> {
            if (!type.isInstance(controller)) {
                throw new IllegalStateException(viewName + ".fxml asks for " + type.getName()
                        + " but the controller is " + controller.getClass().getName());
            }
            return controller;
        });
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + location, e);
        }
    }
}
