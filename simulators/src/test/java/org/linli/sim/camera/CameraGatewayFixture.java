package org.linli.sim.camera;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.linli.gateway.Gateway;
import org.linli.gateway.config.SiteConfig;
import org.linli.gateway.pipeline.VendorProfileCatalog;
import org.linli.gateway.sitefile.SiteFiles;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Factory helpers for gateway-level camera tests: a one-building site with cameras (parsed and validated by the real
 * ConfigLoader), no reachable broker or time-series server (cameras do not need them), and HTTP helpers.
 */
final class CameraGatewayFixture {
    static final Map<String, String> ENV = Map.of("LINLI_INFLUX_TOKEN", "t", "CAM_PASSWORD", "admin123",
            "CAM_WRONG_PASSWORD", "nope");
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private CameraGatewayFixture() {
    }

    /** One camera entry; window is "HH:mm-HH:mm" or null. */
    static String camera(String id, URI xaddr, String passwordEnv, String covers, String window) {
        String w = window == null ? "" : "      motionWindows: [{from: \"" + window.substring(0, 5) + "\", to: \""
                + window.substring(6) + "\"}]\n";
        return "    - id: " + id + "\n      name: " + id + "\n      xaddr: " + xaddr + "\n      username: admin\n"
                + "      passwordEnv: " + passwordEnv + "\n      covers: " + covers + "\n" + w
                + "      pollTimeoutSeconds: 2\n      subscriptionSeconds: 60\n";
    }

    /** A window around now (inside) or well away from now (outside), in Shanghai time. */
    static String windowAroundNow(boolean inside) {
        LocalTime now = LocalTime.now(SHANGHAI);
        DateTimeFormatter f = DateTimeFormatter.ofPattern("HH:mm");
        return inside ? now.minusHours(1).format(f) + "-" + now.plusHours(1).format(f)
                : now.plusHours(3).format(f) + "-" + now.plusHours(5).format(f);
    }

    static SiteConfig site(Path dataDir, String cameraEntries) throws Exception {
        String yaml = """
                site:
                  street: 南湖街道
                  community: 幸福社区
                  compound: 幸福里
                  buildings:
                    - id: "7"
                      areas: [gate]
                      units:
                        - {id: "1", floors: 3, flatsPerFloor: 2}
                grids:
                  - id: g7
                    buildings: ["7"]
                    worker: {id: chen, name: 陈静, phone: "13900000002"}
                mqtt: {url: "tcp://127.0.0.1:1", clientId: linli-camera-test}
                influx: {url: "http://127.0.0.1:1", org: linli, bucket: compound}
                http: {host: 127.0.0.1, port: 0}
                storage: {dataDir: "%s"}
                cameras:
                  timeZone: Asia/Shanghai
                  reconnectMaxSeconds: 1
                  devices:
                %s""".formatted(dataDir.toString().replace("\\", "/"), cameraEntries);
        return SiteFiles.parse(yaml, "camera-test.yaml", VendorProfileCatalog.load(null).deviceTypes(), ENV::get);
    }

    static Gateway deploy(Vertx vertx, SiteConfig site) throws Exception {
        Gateway g = new Gateway(site, VendorProfileCatalog.load(null), ENV::get, Clock.systemUTC());
        vertx.deployVerticle(g).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        return g;
    }

    static HttpResponse<byte[]> get(int port, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    static JsonObject getJson(int port, String path) throws Exception {
        return new JsonObject(new String(get(port, path).body(), java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The camera entry of /api/status. */
    static JsonObject cameraStatus(int port, String id) throws Exception {
        JsonArray cams = getJson(port, "/api/status").getJsonArray("cameras");
        for (int i = 0; i < cams.size(); i++) {
            if (id.equals(cams.getJsonObject(i).getString("id"))) {
                return cams.getJsonObject(i);
            }
        }
        throw new AssertionError("no camera " + id + " in " + cams.encode());
    }

    /** Alerts of /api/alerts of one type. */
    static JsonArray alerts(int port, String type) throws Exception {
        JsonArray all = getJson(port, "/api/alerts").getJsonArray("alerts");
        JsonArray out = new JsonArray();
        for (int i = 0; i < all.size(); i++) {
            if (type.equals(all.getJsonObject(i).getString("type"))) {
                out.add(all.getJsonObject(i));
            }
        }
        return out;
    }
}
