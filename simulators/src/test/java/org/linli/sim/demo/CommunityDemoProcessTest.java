package org.linli.sim.demo;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.linli.sim.servers.FreePort;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 12, item 5: {@code ./linli demo --compounds 9} (the same main class in a process of its own, its timeline
 * five times faster) runs a community whose centre, seen over its HTTP API as the community's duty user, lists the
 * nine compounds, receives incidents raised by different compounds' own gateways through the broker cluster, and
 * shows the box that goes dark as unreachable with one centre alert. About 1.5 minutes on an idle machine; the waits
 * are generous because nine gateways, three broker nodes and the centre in one JVM crawl on a shared, loaded CPU.
 */
@Timeout(value = 900, unit = TimeUnit.SECONDS)
class CommunityDemoProcessTest {
    private static final String DARK = "hepingli-9";

    @TempDir
    Path dir;

    @Test
    @DisplayName("community demo: 9 compounds in the centre's tree, incidents from two compounds, the dark box unreachable once")
    void communityDemoShowsIncidentsAndTheDarkBox() throws Exception {
        // GIVEN the community demo started with the centre's console on a port chosen in advance
        int centre = FreePort.pick();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path out = dir.resolve("demo.out");
        Process demo = new ProcessBuilder(java, "-Xmx1g", "-XX:TieredStopAtLevel=1", "-D" + CommunityDemo.TIME_SCALE + "=0.2",
                "-cp", System.getProperty("java.class.path"), DemoMain.class.getName(), "--compounds", "9",
                "--minutes", "4", "--http-port", String.valueOf(centre), "--mqtt-port",
                String.valueOf(FreePort.pick()), "--tsdb-port", String.valueOf(FreePort.pick()))
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        try {
            HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
            String api = "http://127.0.0.1:" + centre;
            await("the centre's console answering on " + centre).atMost(Duration.ofSeconds(400))
                    .pollInterval(Duration.ofMillis(500)).until(() -> demo.isAlive() && login(client, api));
            assertTrue(Files.readString(out).contains("Linli community demo running"), "the banner is printed");

            // THEN the community duty user's tree lists the nine compounds of 和平里社区
            JsonArray compounds = get(client, api + "/api/tree").getJsonArray("streets").getJsonObject(0)
                    .getJsonArray("communities").getJsonObject(0).getJsonArray("compounds");
            assertEquals(9, compounds.size());
            assertEquals("和平里一区", compounds.getJsonObject(0).getString("name"));

            // WHEN the incidents come (gas leak, fire, burst pipe, an elderly resident's inactivity)
            // THEN alerts raised by at least two different compounds' gateways reach the centre
            Set<String> raisedBy = new TreeSet<>();
            await("incidents from two compounds in the centre").atMost(Duration.ofSeconds(240))
                    .pollInterval(Duration.ofSeconds(1)).until(() -> {
                        raisedBy.clear();
                        alerts(client, api).stream().filter(a -> "compound".equals(a.getString("origin")))
                                .forEach(a -> raisedBy.add(a.getString("compoundId")));
                        return raisedBy.size() >= 2;
                    });
            assertFalse(raisedBy.contains(DARK), "the dark box has no incident of its own: " + raisedBy);

            // WHEN the last compound's box goes dark (its uplink cut)
            // THEN the centre shows it unreachable and holds exactly one open 小区网关失联 alert for it
            await("the dark compound unreachable").atMost(Duration.ofSeconds(240))
                    .pollInterval(Duration.ofSeconds(1)).until(() -> {
                        JsonObject health = get(client, api + "/api/compounds/" + DARK);
                        return health.getBoolean("reachableKnown", false) && !health.getBoolean("reachable", true)
                                && !unreachableAlerts(client, api).isEmpty();
                    });
            List<JsonObject> unreachable = unreachableAlerts(client, api);
            assertEquals(1, unreachable.size(), "one open centre alert for the dark box: " + unreachable);
            assertEquals("centre", unreachable.get(0).getString("origin"));
            assertEquals("小区网关失联", unreachable.get(0).getString("title"));
        } finally {
            demo.destroy();
            if (!demo.waitFor(60, TimeUnit.SECONDS)) {
                demo.destroyForcibly();
            }
            // kept for a look after a failure: the demo's console output
            Files.copy(out, Path.of("target", "community-demo.out"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static List<JsonObject> unreachableAlerts(HttpClient client, String api) throws Exception {
        return alerts(client, api).stream().filter(a -> DARK.equals(a.getString("compoundId")))
                .filter(a -> "COMPOUND_UNREACHABLE".equals(a.getString("type")))
                .filter(a -> "OPEN".equals(a.getString("state"))).toList();
    }

    private static List<JsonObject> alerts(HttpClient client, String api) throws Exception {
        JsonArray alerts = get(client, api + "/api/alerts?state=all").getJsonArray("alerts");
        List<JsonObject> out = new ArrayList<>();
        for (int i = 0; i < alerts.size(); i++) {
            out.add(alerts.getJsonObject(i));
        }
        return out;
    }

    private static JsonObject get(HttpClient client, String url) throws Exception {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), url + " answered " + r.body());
        return new JsonObject(r.body());
    }

    private static boolean login(HttpClient client, String api) {
        CentreSite.Login duty = CentreSite.LOGINS.get(0);
        try {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(api + "/api/login"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("user", duty.user())
                            .put("password", duty.password()).encode())).build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() / 100 == 2;
        } catch (Exception e) {
            return false;
        }
    }
}
