package com.storymimi.studio.supabase.http;

import java.net.http.HttpRequest.BodyPublisher;
import java.nio.ByteBuffer;
import java.util.concurrent.Flow;

/** Passes a body through unchanged and reports the bytes handed to the connection, per subscription (attempt). */
final class CountingPublisher implements BodyPublisher {

    private final BodyPublisher delegate;
    private final TransferListener listener;

    CountingPublisher(BodyPublisher delegate, TransferListener listener) {
        this.delegate = delegate;
        this.listener = listener;
    }

    @Override
    public long contentLength() {
        return delegate.contentLength();
    }

    @Override
    public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
        long total = delegate.contentLength();
        delegate.subscribe(new Flow.Subscriber<>() {
            private long sent;

            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscriber.onSubscribe(subscription);
            }

            @Override
            public void onNext(ByteBuffer item) {
                sent += item.remaining(); // onNext calls are serialised by the Flow contract
                subscriber.onNext(item);
                report(sent, total);
            }

            @Override
            public void onError(Throwable throwable) {
                subscriber.onError(throwable);
            }

            @Override
            public void onComplete() {
                subscriber.onComplete();
            }
        });
    }

    private void report(long sent, long total) {
        try {
            listener.transferred(sent, total);
        } catch (RuntimeException ignored) {
            // a faulty progress display must not break the upload it displays
        }
    }
}
