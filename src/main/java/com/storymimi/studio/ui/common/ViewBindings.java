package com.storymimi.studio.ui.common;

import javafx.beans.property.Property;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;

/**
 * What a reusable view bound to one view model: bindings and listeners, undone together by {@link #unbindAll()}
 * before the view shows another view model. A view built once and rebound costs no FXML load and no first CSS
 * pass on every open; this keeps that rebinding from leaking the old view model's listeners.
 */
public final class ViewBindings {

    private final List<Runnable> undo = new ArrayList<>();

    public <T> void bind(Property<T> target, ObservableValue<? extends T> source) {
        target.bind(source);
        undo.add(target::unbind);
    }

    public <T> void bindBidirectional(Property<T> control, Property<T> model) {
        control.bindBidirectional(model);
        undo.add(() -> control.unbindBidirectional(model));
    }

    /** Listens from now on; the listener is not called for the current value. */
    public <T> void listen(ObservableValue<T> value, ChangeListener<? super T> listener) {
        value.addListener(listener);
        undo.add(() -> value.removeListener(listener));
    }

    public <E> void listen(ObservableList<E> list, ListChangeListener<? super E> listener) {
        list.addListener(listener);
        undo.add(() -> list.removeListener(listener));
    }

    /** Runs when the bindings are undone, e.g. to clear what the view shows. */
    public void onUnbind(Runnable action) {
        undo.add(action);
    }

    /** Undoes everything, the latest first. */
    public void unbindAll() {
        for (int i = undo.size() - 1; i >= 0; i--) {
            undo.get(i).run();
        }
        undo.clear();
    }
}
