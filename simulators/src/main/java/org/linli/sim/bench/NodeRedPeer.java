package org.linli.sim.bench;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Node-RED as the peer users would pick instead: the flow mqtt in (the same broker, QoS 1, a persistent session:
 * clean session off, a fixed client id) → json → influxdb out (API v2, the same VictoriaMetrics), run by Node 22
 * from npm. Node-RED counts nothing, so what it stored is read from the server: influxdb out writes one point per
 * message (the message's top-level fields, flushed at once), so the messages stored are the points VictoriaMetrics
 * parsed from InfluxDB writes ({@code vm_protoparser_rows_read_total{type="influx"}}), counted from this process's
 * start. A message with no top-level number, string or boolean makes no point: {@link #expected} leaves those out.
 * VictoriaMetrics' metrics move about once a second, so Node-RED's first write and last point are seen 0-1 s late
 * (docs/BENCHMARKS.md, "The first write, the harness's own load and a drain's CPU by process").
 */
final class NodeRedPeer implements Peer {
    private static final Pattern CONNECTED = Pattern.compile("Connected to broker");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final NodeRedInstall install;
    private final Path dir;
    private final VictoriaMetricsCounts server;
    private final int uiPort;
    private ChildProcess process;
    private long pointsAtStart;

    NodeRedPeer(NodeRedInstall install, Path dir, String brokerHost, int brokerPort, String clientId,
                String serverUrl, VictoriaMetricsCounts server, int uiPort) throws IOException {
        this.install = install;
        this.dir = dir;
        this.server = server;
        this.uiPort = uiPort;
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("settings.js"), "module.exports = { uiPort: " + uiPort + ", uiHost: '127.0.0.1',"
                + " flowFile: 'flows.json', credentialSecret: false, httpAdminRoot: false, httpNodeRoot: false,"
                + " logging: { console: { level: 'info', metrics: false, audit: false } } };\n");
        List<Map<String, Object>> flow = List.of(
                node("id", "bench-tab", "type", "tab", "label", "bench"),
                node("id", "bench-broker", "type", "mqtt-broker", "name", "bench", "broker", brokerHost,
                        "port", String.valueOf(brokerPort), "clientid", clientId, "autoConnect", true, "usetls", false,
                        "protocolVersion", "4", "keepalive", "60", "cleansession", false,
                        "autoUnsubscribe", false), // else its stop ends the subscription and nothing is queued
                node("id", "bench-in", "type", "mqtt in", "z", "bench-tab", "topic", "#", "qos", "1",
                        "datatype", "utf8", "broker", "bench-broker", "nl", false, "rap", false, "inputs", 0,
                        "wires", List.of(List.of("bench-json"))),
                node("id", "bench-json", "type", "json", "z", "bench-tab", "property", "payload", "action", "obj",
                        "wires", List.of(List.of("bench-out"))),
                node("id", "bench-influx", "type", "influxdb", "influxdbVersion", "2.0", "url", serverUrl,
                        "rejectUnauthorized", false, "name", "victoria-metrics"),
                node("id", "bench-out", "type", "influxdb out", "z", "bench-tab", "influxdb", "bench-influx",
                        "measurement", "nodered", "org", "linli", "bucket", "bench", "precisionV18FluxV20", "ms",
                        "wires", List.of()));
        JSON.writerWithDefaultPrettyPrinter().writeValue(dir.resolve("flows.json").toFile(), flow);
        JSON.writeValue(dir.resolve("flows_cred.json").toFile(), Map.of("bench-influx", Map.of("token", "bench-token")));
    }

    private static Map<String, Object> node(Object... keysAndValues) {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            out.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return out;
    }

    /**
     * The messages of {@code messages} influxdb out can write: those with a top-level number, string or boolean, and
     * no top-level {@code time} that is not a number (it becomes the point's timestamp, and a text one makes the line
     * invalid). The vendor formats that nest their values (OneNET's {@code params}) or carry an ISO time are lost by
     * this flow: a user of Node-RED would add a function node per vendor.
     */
    @Override
    public long expected(List<BenchMessages.Message> messages) throws IOException {
        long n = 0;
        for (BenchMessages.Message m : messages) {
            com.fasterxml.jackson.databind.JsonNode root = JSON.readTree(m.payload());
            if (root.has("time") && !root.get("time").isNumber()) {
                continue;
            }
            var it = root.fields();
            while (it.hasNext()) {
                var f = it.next();
                if (!f.getKey().equals("time") && (f.getValue().isNumber() || f.getValue().isTextual() || f.getValue().isBoolean())) {
                    n++;
                    break;
                }
            }
        }
        return n;
    }

    @Override
    public String name() {
        return "node-red";
    }

    @Override
    public void start() throws IOException {
        pointsAtStart = server.influxPoints();
        ProcessBuilder pb = new ProcessBuilder(install.node().toString(), install.redJs().toString(),
                "--settings", dir.resolve("settings.js").toString(), "--userDir", dir.toString());
        pb.environment().put("NODE_RED_ENABLE_PROJECTS", "false");
        process = new ChildProcess(pb, dir.resolve("node-red.log"), CONNECTED);
    }

    @Override
    public long awaitConnected(Duration timeout) throws IOException, InterruptedException {
        return process.awaitMatch(timeout, "Node-RED (log " + dir.resolve("node-red.log") + ")");
    }

    @Override
    public long stored() throws IOException {
        return server.influxPoints() - pointsAtStart;
    }

    @Override
    public long received() {
        return -1;
    }

    @Override
    public long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    @Override
    public void stop() throws InterruptedException {
        if (process != null) {
            process.stop();
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
