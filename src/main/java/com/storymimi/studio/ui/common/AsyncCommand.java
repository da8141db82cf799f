package com.storymimi.studio.ui.common;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableBooleanValue;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * An action that starts asynchronous work. Views bind {@code disable} to {@link #executableProperty()} and a
 * busy indicator to {@link #runningProperty()}; results and failures are handled on the injected {@code fx}
 * executor, so handlers may touch properties. A cancelled or superseded run never reaches its handlers.
 */
public final class AsyncCommand<T> {

    private final Executor fx;
    private final Supplier<CompletableFuture<T>> action;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyBooleanWrapper executable = new ReadOnlyBooleanWrapper(this, "executable");
    private final ReadOnlyObjectWrapper<Throwable> error = new ReadOnlyObjectWrapper<>(this, "error");
    private Consumer<? super T> onSuccess = result -> { };
    private Consumer<Throwable> onFailure = failure -> { };
    private CompletableFuture<T> current;
    private long generation;

    public AsyncCommand(Executor fx, Supplier<CompletableFuture<T>> action, ObservableBooleanValue condition) {
        this.fx = Objects.requireNonNull(fx, "fx");
        this.action = Objects.requireNonNull(action, "action");
        Objects.requireNonNull(condition, "condition");
        executable.bind(Bindings.createBooleanBinding(() -> condition.get() && !running.get(), condition, running));
    }

    public AsyncCommand(Executor fx, Supplier<CompletableFuture<T>> action) {
        this(fx, action, new ReadOnlyBooleanWrapper(true));
    }

    public AsyncCommand<T> onSuccess(Consumer<? super T> handler) {
        this.onSuccess = Objects.requireNonNull(handler, "handler");
        return this;
    }

    /** Receives the unwrapped failure (never a cancellation). */
    public AsyncCommand<T> onFailure(Consumer<Throwable> handler) {
        this.onFailure = Objects.requireNonNull(handler, "handler");
        return this;
    }

    /** Starts the action if it is executable; returns whether it started. */
    public boolean execute() {
        if (!executable.get()) {
            return false;
        }
        long ticket = ++generation;
        running.set(true);
        error.set(null);
        CompletableFuture<T> future;
        try {
            future = Objects.requireNonNull(action.get(), "the action returned no future");
        } catch (RuntimeException e) {
            future = CompletableFuture.failedFuture(e);
        }
        current = future;
        future.whenComplete((result, failure) -> fx.execute(() -> finish(ticket, result, failure)));
        return true;
    }

    /** Cancels a running action and starts it again, e.g. when the page to load changed meanwhile. */
    public boolean restart() {
        cancel();
        return execute();
    }

    /** Stops waiting for the running action; its result, if it still comes, is ignored. */
    public void cancel() {
        if (!running.get()) {
            return;
        }
        generation++;
        CompletableFuture<T> future = current;
        current = null;
        running.set(false);
        if (future != null) {
            future.cancel(true);
        }
    }

    private void finish(long ticket, T result, Throwable failure) {
        if (ticket != generation) {
            return;
        }
        current = null;
        running.set(false);
        if (failure == null) {
            onSuccess.accept(result);
        } else if (!UserMessages.isCancellation(failure)) {
            Throwable cause = UserMessages.unwrap(failure);
            error.set(cause);
            onFailure.accept(cause);
        }
    }

    public ReadOnlyBooleanProperty executableProperty() {
        return executable.getReadOnlyProperty();
    }

    public boolean isExecutable() {
        return executable.get();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public boolean isRunning() {
        return running.get();
    }

    /** The last failure, cleared when the command runs again. */
    public ReadOnlyObjectProperty<Throwable> errorProperty() {
        return error.getReadOnlyProperty();
    }
}
