package org.linli.drivers.onvif;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import org.linli.drivers.model.DecodeException;
import org.linli.drivers.model.DecodeFailure;

/**
 * An HTTP body handler that collects at most maxBytes and cancels the download beyond that, so an oversized
 * answer costs us maxBytes of memory, not its full length. An answer whose Content-Length already says it is too
 * large is refused from its headers: the body is never requested and the connection is dropped, so a camera
 * declaring 10 GB costs nothing. Fails with DecodeException PAYLOAD_TOO_LARGE. Runs on the HttpClient's threads.
 */
final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {
    private final int maxBytes;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private Flow.Subscription subscription;

    private CappedBody(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    static HttpResponse.BodyHandler<byte[]> handler(int maxBytes) {
        return info -> {
            long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (declared > maxBytes) {
                return new Refused(declaredTooLarge(declared, maxBytes));
            }
            return new CappedBody(maxBytes);
        };
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        for (ByteBuffer b : items) {
            if (out.size() + b.remaining() > maxBytes) {
                subscription.cancel();
                result.completeExceptionally(tooLarge(maxBytes));
                return;
            }
            byte[] chunk = new byte[b.remaining()];
            b.get(chunk);
            out.write(chunk, 0, chunk.length);
        }
    }

    @Override
    public void onError(Throwable t) {
        result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
        result.complete(out.toByteArray());
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    static DecodeException tooLarge(int maxBytes) {
        return new DecodeException(DecodeFailure.PAYLOAD_TOO_LARGE, "response body exceeds " + maxBytes + " bytes");
    }

    static DecodeException declaredTooLarge(long declared, int maxBytes) {
        return new DecodeException(DecodeFailure.PAYLOAD_TOO_LARGE,
                "answer of " + declared + " bytes declared, limit " + maxBytes);
    }

    /**
     * The subscriber for an answer refused on its headers: cancels at once without requesting a byte (the client
     * then closes the connection rather than reading the rest) and fails with the reason.
     */
    private static final class Refused implements HttpResponse.BodySubscriber<byte[]> {
        private final CompletableFuture<byte[]> result;

        Refused(DecodeException reason) {
            this.result = CompletableFuture.failedFuture(reason);
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            s.cancel();
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            // never requested
        }

        @Override
        public void onError(Throwable t) {
            // already failed with the reason
        }

        @Override
        public void onComplete() {
            // already failed with the reason
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }
    }
}
