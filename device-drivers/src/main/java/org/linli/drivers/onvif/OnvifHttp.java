package org.linli.drivers.onvif;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.linli.drivers.model.DecodeException;

/**
 * One HTTP exchange with a camera: bounded in time end to end (headers and body), bounded in size (an answer
 * declaring more than the cap is refused before its body is read), and answering a 401 challenge once with HTTP
 * Digest, or with Basic if that is all the camera offers and the password would not travel in cleartext: Basic
 * goes only over https, or over plain http to a camera explicitly opted in (allowBasicOverHttp). A Digest
 * challenge is remembered so later requests authenticate up front instead of paying a 401 round trip each; once
 * Digest is in use a Basic-only challenge is not followed (no downgrade).
 * Runs on the calling thread (a camera supervisor's or a snapshot worker), blocking until the answer is in.
 */
final class OnvifHttp {
    /** Status, body (never null) and the challenge headers of an answer. */
    record Result(int status, byte[] body, List<String> wwwAuthenticate) {
    }

    private final HttpClient client;
    private final OnvifCredentials credentials;
    private final boolean allowBasicOverHttp;
    private volatile HttpDigestAuth digest;
    private volatile boolean basic;

    OnvifHttp(HttpClient client, OnvifCredentials credentials, boolean allowBasicOverHttp) {
        this.client = client;
        this.credentials = credentials;
        this.allowBasicOverHttp = allowBasicOverHttp;
    }

    static HttpClient newClient(Duration connectTimeout) {
        // HTTP/1.1 explicitly: the JDK default tries an h2c upgrade, which some camera web servers mishandle.
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * Sends the request built by newRequest (given the Authorization value, or null) and returns the answer,
     * retrying once with HTTP authentication if the camera answers 401 and we have credentials.
     */
    Result exchange(String method, URI uri, Function<String, HttpRequest> newRequest, int maxBytes,
            Duration timeout) throws OnvifException {
        Result r = send(newRequest.apply(authorization(method, uri)), maxBytes, timeout);
        if (r.status() == 401 && credentials != null && learnChallenge(uri, r.wwwAuthenticate())) {
            r = send(newRequest.apply(authorization(method, uri)), maxBytes, timeout);
        }
        return r;
    }

    private String authorization(String method, URI uri) {
        if (credentials == null) {
            return null;
        }
        HttpDigestAuth d = digest;
        if (d != null) {
            String target = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            return d.authorize(method, target.isEmpty() ? "/" : target, credentials);
        }
        if (basic && basicAllowed(uri)) {
            String token = credentials.username() + ":" + credentials.password();
            return "Basic " + Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8));
        }
        return null;
    }

    /**
     * True if the challenge gives us something new to try (a Digest nonce, or Basic for the first time). Throws
     * INSECURE_AUTH, before anything is sent, when only Basic is offered and it would go out in cleartext.
     */
    private boolean learnChallenge(URI uri, List<String> challenges) throws OnvifException {
        for (String c : challenges) {
            HttpDigestAuth d = HttpDigestAuth.fromChallenge(c);
            if (d != null) {
                digest = d;
                return true;
            }
        }
        boolean offersBasic = challenges.stream().anyMatch(c -> c.regionMatches(true, 0, "Basic", 0, 5));
        if (!offersBasic || digest != null) {
            return false; // nothing to try; after Digest a Basic-only challenge is a downgrade we do not follow
        }
        if (!basicAllowed(uri)) {
            throw new OnvifException(OnvifErrorKind.INSECURE_AUTH, "camera asks for HTTP Basic over plain http ("
                    + uri + "); refused, the password would travel in cleartext (set allowBasicOverHttp to allow)");
        }
        if (basic) {
            return false; // already sent and refused
        }
        basic = true;
        return true;
    }

    /** Basic carries the password itself: only inside TLS, or over http to a camera explicitly opted in. */
    private boolean basicAllowed(URI uri) {
        return allowBasicOverHttp || "https".equalsIgnoreCase(uri.getScheme());
    }

    private Result send(HttpRequest request, int maxBytes, Duration timeout) throws OnvifException {
        CompletableFuture<HttpResponse<byte[]>> future = client.sendAsync(request, CappedBody.handler(maxBytes));
        try {
            HttpResponse<byte[]> response = future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new Result(response.statusCode(), response.body(),
                    response.headers().allValues("WWW-Authenticate"));
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new OnvifException(OnvifErrorKind.TIMEOUT, "no answer from " + request.uri() + " within " + timeout);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new OnvifException(OnvifErrorKind.TRANSPORT, "interrupted while calling " + request.uri(), e);
        } catch (ExecutionException e) {
            throw mapFailure(request.uri(), e.getCause());
        }
    }

    private static OnvifException mapFailure(URI uri, Throwable cause) {
        if (cause instanceof DecodeException d) {
            return OnvifException.badResponse(uri.toString(), d);
        }
        if (cause instanceof HttpTimeoutException) {
            return new OnvifException(OnvifErrorKind.TIMEOUT, "no answer from " + uri + ": " + cause.getMessage(), cause);
        }
        if (cause instanceof ConnectException) {
            return new OnvifException(OnvifErrorKind.TRANSPORT, "cannot connect to " + uri, cause);
        }
        if (cause instanceof IOException) {
            return new OnvifException(OnvifErrorKind.TRANSPORT, "I/O error with " + uri + ": " + cause, cause);
        }
        return new OnvifException(OnvifErrorKind.TRANSPORT, "failed calling " + uri + ": " + cause, cause);
    }
}
