package org.linli.sim.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.linli.sim.servers.FreePort;
import org.linli.sim.servers.MosquittoBroker;
import org.linli.sim.servers.RequiredTools;
import org.linli.sim.servers.VictoriaMetricsServer;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's "Running against a real broker and InfluxDB" shell block, run word for word by bash in a fresh
 * {@code git clone} of this commit, against a real Mosquitto (with the password the block exports) and a real
 * VictoriaMetrics (a server of the InfluxDB write API) started here; then device messages published to the broker
 * must arrive as points. The one thing not done as a user would: {@code ./linli}'s first-use build
 * ({@code mvn install}) is replaced by a jar whose manifest points at the classes this test runs on, so the test
 * takes seconds and never writes to the shared Maven repository.
 */
class RealBrokerRecipeTest {
    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    private static final String HEADING = "## Running against a real broker and InfluxDB";
    /** What the recipe exports as the broker password, word for word: the broker is given the same. */
    private static final String RECIPE_PASSWORD = "...";
    private static final String GAS = "866123040001501";      // examples/xingfuli.yaml: acme-gas-flat at 3-2-501
    private static final String WATER = "WM3250100017";       // acme-water-flat at 3-2-501
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    @Timeout(value = 150, unit = TimeUnit.SECONDS)
    @DisplayName("the README's real-broker recipe, run as written in a fresh clone, brings device messages into the time-series server")
    void recipeRunsFromCleanClone() throws Exception {
        RequiredTools.require("mosquitto", MosquittoBroker.available());
        RequiredTools.require("victoria-metrics", VictoriaMetricsServer.available());
        // GIVEN a fresh clone of this commit, its README's recipe, and a broker and a time-series server
        Path clone = cloneHead();
        String recipe = recipe(Files.readString(clone.resolve("README.md")));
        assertTrue(recipe.contains("./linli run --config"), recipe);
        provideBuild(clone);
        Path home = Files.createDirectories(tmp.resolve("home"));
        int httpPort = FreePort.pick();
        try (MosquittoBroker broker = new MosquittoBroker(tmp.resolve("mqtt"), false).withPassword("linli", RECIPE_PASSWORD).start();
             VictoriaMetricsServer vm = new VictoriaMetricsServer(tmp.resolve("vm")).start()) {
            // WHEN bash runs the block in the clone, pointed at them by the variables the README names
            ProcessBuilder pb = new ProcessBuilder("bash", "-euo", "pipefail", "-c", recipe).directory(clone.toFile())
                    .redirectErrorStream(true).redirectOutput(tmp.resolve("recipe.log").toFile());
            Map<String, String> env = pb.environment();
            env.keySet().removeIf(k -> k.startsWith("LINLI_"));
            env.put("HOME", home.toString());
            env.put("MQTT_URL", broker.url());
            env.put("INFLUX_URL", vm.url());
            env.put("HTTP_PORT", Integer.toString(httpPort));
            env.put("LINLI_JAVA_OPTS", "-Xmx256m");
            env.put("PATH", noMaven() + File.pathSeparator + env.get("PATH"));
            Process recipeRun = pb.start();
            try {
                // THEN the gateway takes a water meter's report once it has subscribed...
                MqttClient device = deviceClient(broker);
                try {
                    long t0 = Instant.now().minusSeconds(60).toEpochMilli();
                    int[] n = {0};
                    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                        assertTrue(recipeRun.isAlive(), "the recipe ended early:\n" + log());
                        publish(device, "acme/water/" + WATER + "/up", "{\"meter\":\"" + WATER + "\",\"t\":"
                                + (t0 / 1000 + n[0]++) + ",\"tot\":123456,\"vlv\":1,\"mv\":3600,\"sw\":0}");
                        assertTrue(samples(vm, "water_meter_total_m3", WATER) > 0, "no water reading stored yet");
                    });
                    // ...and a gas alarm's routine reports (alarm state 0), an alarm and its end become points, the
                    // repeated "cleared" written once (docs/SCHEMA.md, events on a change of state)
                    int[] states = {0, 0, 0, 1, 0, 0};
                    for (int i = 0; i < states.length; i++) {
                        publish(device, "acme/gas/" + GAS + "/up", "{\"imei\":\"" + GAS + "\",\"ts\":" + (t0 + 1000L * i)
                                + ",\"t\":\"rpt\",\"gas\":" + (states[i] == 1 ? 250 : 12) + ",\"st\":" + states[i]
                                + ",\"stw\":0,\"bat\":87,\"csq\":-71,\"life\":1450}");
                    }
                    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                            .until(() -> samples(vm, "gas_alarm_gas_lel", GAS) == states.length);
                } finally {
                    device.disconnect();
                    device.close();
                }
                assertEquals(2, samples(vm, "device_event_count{event=\"alarm_cleared\"}", GAS), "cleared when first heard and after the alarm");
                assertEquals(1, samples(vm, "device_event_count{event=\"alarm\"}", GAS));
                assertEquals(6, samples(vm, "gas_alarm_gas_lel_alarm", GAS), "the alarm level beside each reading");
                JsonNode series = JSON.readTree(vm.export("gas_alarm_gas_lel_alarm{device=\"" + GAS + "\"}").get(0));
                assertEquals("3-2-501", series.get("metric").get("household").asText());
                assertEquals(20.0, series.get("values").get(0).asDouble(), "the gateway's default alarm level, 20 %LEL");
                assertTrue(Files.isDirectory(home.resolve("linli/data")), "the data directory the recipe made");
                assertTrue(log().contains("influx"), "check-config printed where the gateway connects:\n" + log());
            } finally {
                recipeRun.descendants().forEach(ProcessHandle::destroy);
                recipeRun.destroy();
                recipeRun.waitFor(20, TimeUnit.SECONDS);
                recipeRun.descendants().forEach(ProcessHandle::destroyForcibly);
            }
        }
    }


    /** A local clone of the commit this working tree is at, checked out detached: what a user's clone holds. */
    private Path cloneHead() throws Exception {
        String head = run(REPO, "git", "rev-parse", "HEAD").trim();
        Path clone = tmp.resolve("linli");
        run(tmp, "git", "clone", "--quiet", "--no-checkout", REPO.toString(), clone.toString());
        run(clone, "git", "checkout", "--quiet", head);
        return clone;
    }

    /** The first {@code sh} block after the recipe's heading. */
    static String recipe(String readme) {
        int section = readme.indexOf(HEADING);
        assertTrue(section >= 0, "README.md has the section " + HEADING);
        int start = readme.indexOf("```sh\n", section);
        int end = readme.indexOf("\n```", start + 6);
        return readme.substring(start + "```sh\n".length(), end + 1);
    }

    /**
     * Stands in for {@code ./linli}'s first-use build: the gateway jar it starts, as a manifest naming this test's
     * classpath, and the stamp that tells the launcher the build is newer than every source.
     */
    private static void provideBuild(Path clone) throws IOException {
        Manifest manifest = new Manifest();
        Attributes a = manifest.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.put(Attributes.Name.MAIN_CLASS, "org.linli.gateway.GatewayMain");
        List<String> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(entry).toAbsolutePath();
            urls.add(p.toUri().toString() + (Files.isDirectory(p) && !p.toUri().toString().endsWith("/") ? "/" : ""));
        }
        a.put(Attributes.Name.CLASS_PATH, String.join(" ", urls));
        Path jar = Files.createDirectories(clone.resolve("gateway/target")).resolve("linli-gateway.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, manifest)) {
            j.flush();
        }
        Path stamp = Files.createDirectories(clone.resolve("simulators/target")).resolve("demo.classpath");
        Files.writeString(stamp, "");
        Files.setLastModifiedTime(stamp, FileTime.from(Instant.now().plus(Duration.ofDays(1))));
    }

    /**
     * A directory whose {@code mvn} refuses to run: should the launcher's build check change so that it no longer
     * sees {@link #provideBuild}, the recipe fails here with that message instead of installing into the shared
     * Maven repository.
     */
    private Path noMaven() throws IOException {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path mvn = bin.resolve("mvn");
        Files.writeString(mvn, "#!/bin/sh\necho \"RealBrokerRecipeTest: ./linli tried to build (mvn $*): provideBuild() no longer"
                + " matches the launcher's build check\" >&2\nexit 97\n");
        mvn.toFile().setExecutable(true);
        return bin;
    }

    private static MqttClient deviceClient(MosquittoBroker broker) throws Exception {
        MqttClient c = new MqttClient(broker.url(), "recipe-test-device", new MemoryPersistence());
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setUserName("linli");
        o.setPassword(RECIPE_PASSWORD.getBytes(StandardCharsets.UTF_8));
        c.connect(o);
        return c;
    }

    private static void publish(MqttClient c, String topic, String payload) throws Exception {
        MqttMessage m = new MqttMessage(payload.getBytes(StandardCharsets.UTF_8));
        m.setQos(1);
        c.publish(topic, m);
    }

    /** How many samples the series of this metric (a selector without the device) holds for the device. */
    private static int samples(VictoriaMetricsServer vm, String metric, String device) throws IOException {
        String selector = metric.contains("{") ? metric.replace("}", ",device=\"" + device + "\"}") : metric + "{device=\"" + device + "\"}";
        int n = 0;
        for (String line : vm.export(selector)) {
            n += JSON.readTree(line).get("values").size();
        }
        return n;
    }

    private String log() throws IOException {
        Path log = tmp.resolve("recipe.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    private static String run(Path dir, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, String.join(" ", command) + ": " + out);
        return out;
    }
}
