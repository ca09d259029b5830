package org.linli.gateway.uplink;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.linli.gateway.Gateway;
import org.linli.gateway.TestSites;
import org.linli.gateway.VertxTeardown;
import org.linli.gateway.alert.Alert;
import org.linli.gateway.alert.AlertKey;
import org.linli.gateway.alert.AlertRequest;
import org.linli.gateway.alert.AlertType;
import org.linli.gateway.alert.Severity;
import org.linli.gateway.config.SiteConfig;
import org.linli.gateway.pipeline.VendorProfileCatalog;
import org.linli.gateway.site.Device;
import org.linli.gateway.sitefile.SiteFiles;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A real gateway (the small test compound: grid workers 李娜 {@code li} and 陈静 {@code chen}, leader 赵强
 * {@code zhao}) whose {@code uplink:} goes to the {@code uplink} acceptor of an {@link EmbeddedArtemis} node, as
 * street {@code nanhu}, community {@code xingfu}, compound {@code xingfuli}; its own MQTT broker is the same node's
 * {@code consumer} acceptor. Alerts are raised through the gateway's alert service on its event loop, as a rule would.
 */
final class CompoundWithUplink implements AutoCloseable {
    static final String BASE = "linli/v1/nanhu/xingfu/xingfuli";

    private final HttpClient http = HttpClient.newHttpClient();
    private final Vertx vertx = Vertx.vertx();
    final Gateway gateway;
    private String deployment;

    CompoundWithUplink(EmbeddedArtemis broker, Path dir, int summarySeconds) throws Exception {
        this(broker, broker.uplinkUrl(), dir, summarySeconds);
    }

    /** The same with the uplink going to {@code uplinkUrl} (a {@link TcpRelay} in front of the broker). */
    CompoundWithUplink(EmbeddedArtemis broker, String uplinkUrl, Path dir, int summarySeconds) throws Exception {
        this(broker, uplinkUrl, dir, summarySeconds, "");
    }

    /** The same with more keys of the {@code uplink:} section ({@code extraUplinkYaml}, indented by two spaces). */
    CompoundWithUplink(EmbeddedArtemis broker, String uplinkUrl, Path dir, int summarySeconds, String extraUplinkYaml)
            throws Exception {
        VendorProfileCatalog profiles = VendorProfileCatalog.load(null);
        String yaml = TestSites.smallYaml()
                .replace("profile: test-gas", "profile: acme-gas-flat")
                .replace("profile: test-smoke", "profile: beacon-smoke-iso")
                .replace("profile: test-water", "profile: acme-water-flat")
                .replace("tcp://127.0.0.1:1883", broker.consumerUrl())
                + "http:\n  host: 127.0.0.1\n  port: 0\nstorage:\n  dataDir: " + dir.resolve("data") + "\n"
                + "uplink:\n  urls: [\"" + uplinkUrl + "\"]\n  street: nanhu\n  community: xingfu\n"
                + "  compound: xingfuli\n  summarySeconds: " + summarySeconds + "\n" + extraUplinkYaml;
        SiteConfig site = SiteFiles.parse(yaml, "site-small.yaml", profiles.deviceTypes(), TestSites.ENV);
        gateway = new Gateway(site, profiles, TestSites.ENV, Clock.systemUTC());
        deployment = vertx.deployVerticle(gateway).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    /** Raises an alert of {@code type} for {@code deviceId} as a rule would; returns its first version. */
    Alert raise(String deviceId, AlertType type, Severity severity) throws Exception {
        return onLoop(() -> {
            Device d = gateway.site().device(deviceId).orElseThrow();
            return gateway.alerts().raise(new AlertRequest(AlertKey.device(deviceId, type), type, severity,
                    d.location(), d, "test"));
        });
    }

    /** Runs {@code task} on the gateway's event loop and returns its result. */
    <T> T onLoop(Supplier<T> task) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        gateway.eventLoop().runOnContext(v -> {
            try {
                f.complete(task.get());
            } catch (RuntimeException e) {
                f.completeExceptionally(e);
            }
        });
        return f.get(10, TimeUnit.SECONDS);
    }

    /** {@code GET path} on the compound's HTTP API (open mode: no users), expecting 200. */
    JsonObject get(String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new AssertionError("GET " + path + ": " + r.statusCode() + " " + r.body());
        }
        return new JsonObject(r.body());
    }

    /** {@code GET path} as text (/metrics), expecting 200. */
    String getText(String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new AssertionError("GET " + path + ": " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    /** {@code POST path} with a JSON body; the status code and the body. */
    HttpResponse<String> post(String path, JsonObject body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.encode())).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + gateway.httpPort() + path);
    }

    /** Undeploys the gateway (a clean stop), leaving Vert.x running. */
    void stopGateway() throws Exception {
        if (deployment != null) {
            vertx.undeploy(deployment).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            deployment = null;
        }
    }

    @Override
    public void close() throws Exception {
        VertxTeardown.close(vertx, 45);
    }
}
