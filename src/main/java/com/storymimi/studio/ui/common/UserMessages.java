package com.storymimi.studio.ui.common;

import com.storymimi.studio.service.ServiceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Turns a failure into the one sentence a person reads, and writes the technical detail to the log exactly
 * once. Keys: {@code error.<topic>.<REASON>} for a topic-specific sentence, else {@code error.<REASON>}.
 */
public final class UserMessages {

    private static final Logger LOG = LoggerFactory.getLogger(UserMessages.class);

    private final Texts texts;

    public UserMessages(Texts texts) {
        this.texts = Objects.requireNonNull(texts, "texts");
    }

    /** A sentence for the failure, without a topic. */
    public String describe(Throwable failure) {
        return describe(failure, null);
    }

    /** A sentence for the failure; {@code topic} (e.g. "users") picks a more precise sentence when one exists. */
    public String describe(Throwable failure, String topic) {
        Throwable cause = unwrap(failure);
        String sentence = sentenceFor(cause, topic);
        if (cause instanceof ServiceException se) {
            // Expected failures (duplicate email, server down) need no stack trace; the message has the detail.
            LOG.warn("{} failed ({}): {}", topic == null ? "operation" : topic, se.reason(), se.getMessage());
        } else {
            LOG.error("{} failed unexpectedly", topic == null ? "operation" : topic, cause);
        }
        return sentence;
    }

    private String sentenceFor(Throwable cause, String topic) {
        if (cause instanceof ServiceException se) {
            String reason = se.reason().name();
            if (topic != null) {
                var specific = texts.find("error." + topic + "." + reason);
                if (specific.isPresent()) {
                    return specific.get();
                }
            }
            return texts.get("error." + reason);
        }
        return texts.get("error.unexpected");
    }

    /**
     * A sentence for a failed check or upload of a file: the service's own refusal when it named the problem
     * ("WebP is not supported: use PNG or JPEG"), else the usual sentence for uploads.
     */
    public String describeUpload(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof ServiceException se && se.reason() == ServiceException.Reason.INVALID
                && se.getMessage() != null && !se.getMessage().isBlank()) {
            return se.getMessage();
        }
        return describe(cause, "upload");
    }

    /** Futures wrap the real failure; the person cares about the innermost one. */
    public static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while ((current instanceof CompletionException || current instanceof ExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    public static boolean isCancellation(Throwable failure) {
        return unwrap(failure) instanceof CancellationException;
    }
}
