package org.linli.sim.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.linli.gateway.config.ConfigException;
import org.linli.gateway.pipeline.VendorProfileCatalog;
import org.linli.gateway.sitefile.SiteFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The deployment files checked without a Docker engine: the compose file (healthchecks, secrets only as ${VAR}),
 * the Dockerfile's shape, the Grafana dashboards' Flux against docs/SCHEMA.md, and the compose site file.
 */
class DeployFilesTest {
    private static final Path DOCKER = Path.of("..", "docker");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(password|passwd|token|secret|_key|apikey).*");
    private static final Pattern ONLY_REFERENCE = Pattern.compile("\\$\\{[A-Z0-9_]+(?::?[-?][^}]*)?}");
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Z0-9_]+)(:?[-?])?");
    /** Flux's own columns, which are not tags. */
    private static final Set<String> FLUX_COLUMNS = Set.of("_measurement", "_field", "_value", "_time", "_start", "_stop");

    private static JsonNode compose() throws IOException {
        return YAML.readTree(DOCKER.resolve("docker-compose.yml").toFile());
    }

    @Test
    @DisplayName("every compose service has a healthcheck with a test command")
    void everyServiceHasHealthcheck() throws IOException {
        // GIVEN the compose file
        JsonNode services = compose().get("services");
        // WHEN each service is looked at THEN it has a healthcheck that runs something
        List<String> names = new ArrayList<>();
        services.fieldNames().forEachRemaining(names::add);
        assertTrue(names.containsAll(List.of("mosquitto", "influxdb", "grafana", "prometheus", "gateway", "simulator")),
                names.toString());
        for (String name : names) {
            JsonNode test = services.get(name).path("healthcheck").path("test");
            assertFalse(test.isMissingNode() || test.isEmpty() && test.asText().isBlank(), name + " has no healthcheck");
            assertFalse(test.isArray() && "NONE".equals(test.get(0).asText()), name + " disables its healthcheck");
        }
        assertEquals("tryout", services.get("simulator").get("profiles").get(0).asText(), "the simulator is optional");
    }

    @Test
    @DisplayName("the compose file holds no secret: secret-named settings are ${VAR} references, each defined in .env.example")
    void noSecretLiterals() throws IOException {
        // GIVEN the compose file and the shipped .env.example
        JsonNode services = compose().get("services");
        Set<String> defined = envExampleNames();
        List<String> offences = new ArrayList<>();
        // WHEN every environment entry of every service is examined
        for (Iterator<Map.Entry<String, JsonNode>> it = services.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> service = it.next();
            JsonNode env = service.getValue().path("environment");
            for (Iterator<Map.Entry<String, JsonNode>> e = env.fields(); e.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = e.next();
                String value = entry.getValue().asText();
                if (SECRET_NAME.matcher(entry.getKey()).matches() && !ONLY_REFERENCE.matcher(value).matches()) {
                    offences.add(service.getKey() + "." + entry.getKey() + " = " + value);
                }
            }
        }
        // THEN none is a literal, and every variable without a default is one the installer is told to set
        assertEquals(List.of(), offences, "secrets must come from .env as ${VAR}");
        String text = String.join("\n", Files.readAllLines(DOCKER.resolve("docker-compose.yml")).stream()
                .filter(l -> !l.trim().startsWith("#")).toList()).replace("$$", "");
        Matcher m = REFERENCE.matcher(text);
        Set<String> undefined = new LinkedHashSet<>();
        while (m.find()) {
            if (!"-".equals(m.group(2)) && !":-".equals(m.group(2)) && !defined.contains(m.group(1))) {
                undefined.add(m.group(1));
            }
        }
        assertEquals(Set.of(), undefined, "variables used by compose but missing from .env.example");
        // AND .env.example itself ships placeholders, not values
        for (String line : Files.readAllLines(DOCKER.resolve(".env.example"))) {
            if (!line.startsWith("#") && line.contains("=") && SECRET_NAME.matcher(line.substring(0, line.indexOf('='))).matches()) {
                assertEquals("CHANGE_ME", line.substring(line.indexOf('=') + 1), line);
            }
        }
    }

    private static Set<String> envExampleNames() throws IOException {
        Set<String> names = new HashSet<>();
        for (String line : Files.readAllLines(DOCKER.resolve(".env.example"))) {
            if (!line.startsWith("#") && line.contains("=")) {
                names.add(line.substring(0, line.indexOf('=')).trim());
            }
        }
        return names;
    }

    @Test
    @DisplayName("the Dockerfile builds with Maven on a JDK, runs the gateway jar on a JRE as a non-root user, with a /health check")
    void dockerfileShape() throws IOException {
        // GIVEN / WHEN the Dockerfile is read
        String df = Files.readString(DOCKER.resolve("Dockerfile"));
        // THEN its stages and runtime settings are the ones the deployment relies on
        assertTrue(df.matches("(?s).*FROM maven:[^\\n]*temurin-17 AS build.*"), "a Maven + JDK 17 build stage");
        String runtime = df.substring(df.lastIndexOf("FROM "));
        assertTrue(runtime.matches("(?s)FROM eclipse-temurin:17-jre[^\\n]* AS gateway.*"), "the last stage is the JRE gateway image");
        assertTrue(runtime.contains("gateway/target/linli-gateway.jar"));
        assertTrue(runtime.contains("USER linli"), "runs as a non-root user");
        assertTrue(runtime.contains("HEALTHCHECK") && runtime.contains("/health"));
    }

    @Test
    @DisplayName("a gateway that exits is started again: systemd Restart=always with a delay and no start limit, compose "
            + "restart: unless-stopped on every service, and java as the container's PID 1 (exec-form ENTRYPOINT)")
    void restartedWhenItExits() throws IOException {
        // GIVEN the systemd unit's settings, the compose services and the Dockerfile's runtime stage
        Map<String, String> unit = new java.util.HashMap<>();
        for (String line : Files.readAllLines(DOCKER.resolve("linli.service"))) {
            if (!line.startsWith("#") && line.contains("=")) {
                unit.put(line.substring(0, line.indexOf('=')).trim(), line.substring(line.indexOf('=') + 1).trim());
            }
        }
        JsonNode services = compose().get("services");
        String runtime = gatewayStage();
        // WHEN / THEN systemd restarts it after every exit, a few seconds apart, for ever
        assertEquals("always", unit.get("Restart"));
        assertTrue(unit.containsKey("RestartSec") && Integer.parseInt(unit.get("RestartSec")) >= 1, unit.toString());
        assertEquals("0", unit.get("StartLimitIntervalSec"), "systemd must not give up after five quick failures");
        // AND compose restarts every service that exits, the gateway included
        List<String> notRestarted = new ArrayList<>();
        services.fields().forEachRemaining(e -> {
            if (!"unless-stopped".equals(e.getValue().path("restart").asText())) {
                notRestarted.add(e.getKey());
            }
        });
        assertEquals(List.of(), notRestarted, "services without restart: unless-stopped");
        // AND the image runs java itself (no shell in between to swallow the exit code or SIGTERM)
        Matcher entrypoint = Pattern.compile("(?m)^ENTRYPOINT (.*)$").matcher(runtime);
        assertTrue(entrypoint.find(), "the gateway stage has an ENTRYPOINT");
        assertTrue(entrypoint.group(1).startsWith("[\"java\""), "exec form starting with java: " + entrypoint.group(1));
    }

    @Test
    @DisplayName("the systemd unit and the Docker image start the gateway with the launcher's JVM options, so a sizing "
            + "change cannot reach only one of them")
    void sameJvmOptionsEverywhere() throws IOException, InterruptedException {
        // GIVEN the launcher's options at its defaults (no LINLI_HEAP, LINLI_YOUNG or LINLI_JAVA_OPTS set)
        String out = LinliLauncher.output("jvm-options", Map.of());
        Set<String> launcher = jvmOptions(out);
        launcher.removeIf(o -> o.startsWith("-Xlog:")); // the launcher's class-data-sharing archive only
        assertTrue(launcher.containsAll(List.of("-Xms48m", "-Xmx192m", "-Xmn32m", "-XX:MetaspaceSize=64m", "-XX:+UseSerialGC")),
                launcher.toString());
        // WHEN the unit's ExecStart (its LINLI_HEAP and LINLI_YOUNG put in) and the image's ENTRYPOINT with its
        // JAVA_TOOL_OPTIONS are read
        String unit = Files.readString(DOCKER.resolve("linli.service"));
        String execStart = unit.lines().filter(l -> l.startsWith("ExecStart=")).findFirst().orElseThrow();
        for (String var : List.of("LINLI_HEAP", "LINLI_YOUNG")) {
            Matcher m = Pattern.compile("(?m)^Environment=" + var + "=(\\S+)$").matcher(unit);
            assertTrue(m.find(), var + " set in the unit");
            execStart = execStart.replace("${" + var + "}", m.group(1));
        }
        Set<String> systemd = jvmOptions(execStart);
        String runtime = gatewayStage();
        Matcher entrypoint = Pattern.compile("(?m)^ENTRYPOINT (.*)$").matcher(runtime);
        Matcher toolOptions = Pattern.compile("(?m)^ENV JAVA_TOOL_OPTIONS=\"([^\"]*)\"$").matcher(runtime);
        assertTrue(entrypoint.find() && toolOptions.find(), "the gateway stage's ENTRYPOINT and JAVA_TOOL_OPTIONS");
        Set<String> docker = jvmOptions(toolOptions.group(1) + " " + entrypoint.group(1).replaceAll("[\\[\\]\",]", " "));
        // THEN each has the launcher's options, no more and no fewer
        assertEquals(launcher, systemd, "systemd ExecStart vs ./linli jvm-options");
        assertEquals(launcher, docker, "Dockerfile vs ./linli jvm-options");
        // AND compose's JAVA_TOOL_OPTIONS, at its defaults, are the image's
        String compose = compose().get("services").get("gateway").path("environment").path("JAVA_TOOL_OPTIONS").asText();
        assertEquals(jvmOptions(toolOptions.group(1)), jvmOptions(compose.replaceAll("\\$\\{[A-Z_]+:-([^}]*)}", "$1")),
                "compose's JAVA_TOOL_OPTIONS vs the Dockerfile's");
    }

    @Test
    @DisplayName("the systemd unit sets glibc's malloc settings as the launcher does (./linli jvm-env)")
    void sameMallocSettingsAsTheLauncher() throws IOException, InterruptedException {
        // GIVEN the environment the launcher starts the gateway with, none of it set beforehand
        Set<String> launcher = new LinkedHashSet<>(List.of(LinliLauncher.output("jvm-env", Map.of()).split("\\s+")));
        assertTrue(launcher.contains("MALLOC_TRIM_THRESHOLD_=131072"), launcher.toString());
        // WHEN the unit's Environment= lines for glibc are read
        Set<String> unit = new LinkedHashSet<>(Files.readString(DOCKER.resolve("linli.service")).lines()
                .filter(l -> l.startsWith("Environment=MALLOC_")).map(l -> l.substring("Environment=".length())).toList());
        // THEN they are the launcher's, no more and no fewer
        assertEquals(launcher, unit, "systemd Environment= vs ./linli jvm-env");
    }

    /** The Dockerfile's last stage: the gateway image. */
    private static String gatewayStage() throws IOException {
        String df = Files.readString(DOCKER.resolve("Dockerfile"));
        return df.substring(df.lastIndexOf("FROM "));
    }

    /** The JVM options (-X...) of a java command line, in order. */
    private static Set<String> jvmOptions(String commandLine) {
        Set<String> options = new LinkedHashSet<>();
        for (String word : commandLine.trim().split("\\s+")) {
            if (word.startsWith("-X")) {
                options.add(word);
            }
        }
        return options;
    }

    @Test
    @DisplayName("every Flux query of every dashboard names only measurements, fields and tags that docs/SCHEMA.md lists, "
            + "and every PromQL query only metrics that docs/OPERATIONS.md lists")
    void dashboardsMatchSchema() throws IOException {
        // GIVEN the schema and the metrics as documented, and the provisioned data sources' uids
        SchemaDoc schema = SchemaDoc.read(Path.of("..", "docs", "SCHEMA.md"));
        Set<String> metrics = documentedMetrics();
        assertTrue(metrics.containsAll(Set.of("linli_messages_received_total", "linli_decode_failures_total",
                "linli_queue_depth_points", "linli_influx_write_seconds", "linli_alerts_open")), metrics.toString());
        String promUid = YAML.readTree(DOCKER.resolve("grafana/provisioning/datasources/prometheus.yaml").toFile())
                .get("datasources").get(0).get("uid").asText();
        int promQueries = 0;
        assertTrue(schema.measurements.containsAll(Set.of("gas_alarm", "smoke_detector", "water_meter", "device_event")), schema.measurements.toString());
        assertTrue(schema.tags.containsAll(Set.of("building", "household", "device", "event", "device_type")), schema.tags.toString());
        String uid = YAML.readTree(DOCKER.resolve("grafana/provisioning/datasources/influxdb.yaml").toFile())
                .get("datasources").get(0).get("uid").asText();
        List<Path> dashboards;
        try (Stream<Path> files = Files.list(DOCKER.resolve("grafana/dashboards"))) {
            dashboards = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
        assertEquals(6, dashboards.size(), "overview, gas/smoke, water, heat, devices, gateway health");
        List<String> problems = new ArrayList<>();
        int queries = 0;
        // WHEN each query (panels and template variables) is read
        for (Path file : dashboards) {
            JsonNode d = JSON.readTree(file.toFile());
            List<JsonNode> withQueries = new ArrayList<>();
            d.path("panels").forEach(p -> p.path("targets").forEach(withQueries::add));
            d.path("templating").path("list").forEach(v -> {
                if ("query".equals(v.path("type").asText())) {
                    withQueries.add(v);
                }
            });
            for (JsonNode q : withQueries) {
                if (promUid.equals(q.path("datasource").path("uid").asText())) {
                    promQueries++;
                    checkPromQl(file.getFileName() + ": ", q.path("expr").asText(), metrics, problems);
                    continue;
                }
                if (!uid.equals(q.path("datasource").path("uid").asText())) {
                    problems.add(file.getFileName() + ": a query not on the provisioned data source " + uid);
                    continue;
                }
                queries++;
                check(file.getFileName() + ": ", q.path("query").asText(), schema, problems);
            }
        }
        // THEN every name exists, and each field is one its measurement carries
        assertTrue(queries >= 25, "dashboards have their queries: " + queries);
        assertTrue(promQueries >= 10, "the gateway-health dashboard charts /metrics: " + promQueries);
        assertEquals(List.of(), problems);
    }

    /** The metric names in the tables of docs/OPERATIONS.md (first column, in backticks). */
    private static Set<String> documentedMetrics() throws IOException {
        Set<String> names = new LinkedHashSet<>();
        for (String line : Files.readAllLines(Path.of("..", "docs", "OPERATIONS.md"))) {
            if (line.startsWith("| `linli_")) {
                names.add(line.substring(3, line.indexOf('`', 3)));
            }
        }
        return names;
    }

    /** Every linli_ name in the query is a documented metric, or a histogram's _bucket/_count/_sum/_max series of one. */
    private static void checkPromQl(String where, String expr, Set<String> metrics, List<String> problems) {
        Set<String> used = all(expr, "\\b(linli_[a-z_]+)");
        if (used.isEmpty()) {
            problems.add(where + "a PromQL query that names no linli_ metric: " + expr);
        }
        for (String name : used) {
            String family = name.replaceAll("_(bucket|count|sum|max)$", "");
            if (!metrics.contains(name) && !metrics.contains(family)) {
                problems.add(where + "metric " + name + " is not in docs/OPERATIONS.md: " + expr);
            }
        }
    }

    @Test
    @DisplayName("Prometheus scrapes the gateway's /metrics, and the gateway's healthchecks probe /health")
    void prometheusScrapesGateway() throws IOException {
        // GIVEN the Prometheus config and the gateway's compose service
        JsonNode prom = YAML.readTree(DOCKER.resolve("prometheus/prometheus.yml").toFile());
        JsonNode gateway = compose().get("services").get("gateway");
        // WHEN the scrape job is looked up
        JsonNode job = prom.get("scrape_configs").get(0);
        // THEN it reads /metrics from the compose service named gateway on the port it publishes
        assertEquals("/metrics", job.get("metrics_path").asText());
        assertEquals("gateway:8080", job.get("static_configs").get(0).get("targets").get(0).asText());
        assertTrue(gateway.get("ports").get(0).asText().endsWith(":8080:8080"), gateway.get("ports").toString());
        assertTrue(gateway.get("healthcheck").get("test").toString().contains("/health"));
        assertTrue(compose().get("services").get("prometheus").get("volumes").toString().contains("prometheus.yml"));
    }

    private static void check(String where, String flux, SchemaDoc schema, List<String> problems) {
        Set<String> measurements = all(flux, "r\\._measurement == \"([^\"]+)\"");
        Set<String> fields = all(flux, "r\\._field == \"([^\"]+)\"");
        Set<String> tags = all(flux, "\\br\\.([a-z_]+)\\b");
        tags.addAll(all(flux, "tag: \"([^\"]+)\""));
        Matcher columns = Pattern.compile("(?:columns|rowKey): \\[([^]]*)]").matcher(flux);
        while (columns.find()) {
            tags.addAll(all(columns.group(1), "\"([^\"]+)\""));
        }
        tags.removeAll(FLUX_COLUMNS);
        tags.removeIf(t -> schema.fields.containsKey(t) && flux.contains("pivot("));   // a pivoted field is a column
        for (String m : measurements) {
            if (!schema.measurements.contains(m)) {
                problems.add(where + "unknown measurement " + m + " in\n" + flux);
            }
        }
        for (String f : fields) {
            if (!schema.fieldAllowedIn(f, measurements)) {
                problems.add(where + "field " + f + " is not a field of " + measurements + " in\n" + flux);
            }
        }
        for (String t : tags) {
            if (!schema.tags.contains(t)) {
                problems.add(where + "unknown tag " + t + " in\n" + flux);
            }
        }
        if (measurements.isEmpty() && fields.isEmpty() && !flux.contains("schema.tagValues")) {
            problems.add(where + "a query that names no measurement or field:\n" + flux);
        }
    }

    private static Set<String> all(String text, String regex) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = Pattern.compile(regex).matcher(text);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @Test
    @DisplayName("the compose stack's site file is valid apart from the certificate paths that exist only in the container")
    void composeSiteFileValid() throws Exception {
        // GIVEN the mounted site file and the variables compose passes the gateway
        Map<String, String> env = Map.of("LINLI_INFLUX_TOKEN", "t", "LINLI_MQTT_PASSWORD", "p");
        // WHEN it is loaded as the gateway loads it
        List<String> problems;
        try {
            SiteFiles.load(DOCKER.resolve("config/linli.yaml"), VendorProfileCatalog.load(null).deviceTypes(), env::get);
            problems = List.of();
        } catch (ConfigException e) {
            problems = e.problems();
        }
        // THEN the only complaints are the in-container certificate paths, and it connects to the compose services
        assertTrue(problems.stream().allMatch(p -> p.contains("/etc/linli/tls/")), problems.toString());
        JsonNode site = YAML.readTree(DOCKER.resolve("config/linli.yaml").toFile());
        assertEquals("ssl://mosquitto:8883", site.get("mqtt").get("url").asText());
        assertEquals("http://influxdb:8086", site.get("influx").get("url").asText());
        assertEquals("/var/lib/linli", site.get("storage").get("dataDir").asText());
    }

    @Test
    @DisplayName("the shipped broker refuses MQTT packets larger than the compose gateway takes (its maxPacketSizeBytes)")
    void brokerLimitsMessageSize() throws Exception {
        // GIVEN the shipped broker config and the compose site file
        List<String> limit = Files.readAllLines(DOCKER.resolve("mosquitto/mosquitto.conf")).stream()
                .filter(l -> l.startsWith("max_packet_size ")).toList();
        JsonNode gatewayLimit = YAML.readTree(DOCKER.resolve("config/linli.yaml").toFile()).get("mqtt").path("maxPacketSizeBytes");
        long gateway = gatewayLimit.isMissingNode() ? org.linli.gateway.config.MqttOptions.DEFAULT_MAX_PACKET_SIZE_BYTES
                : gatewayLimit.asLong();
        // THEN the broker sets a limit, no larger than the gateway's: on MQTT 3.1.1 it is the only one
        assertEquals(1, limit.size(), "one max_packet_size line in mosquitto.conf");
        long broker = Long.parseLong(limit.get(0).substring("max_packet_size ".length()).trim());
        assertTrue(broker > 0 && broker <= gateway, "broker max_packet_size " + broker + " vs gateway " + gateway);
    }

    /** Every Flux query of every dashboard, by "file: panel title". */
    private static Map<String, List<String>> fluxByPanel() throws IOException {
        Map<String, List<String>> out = new java.util.LinkedHashMap<>();
        try (Stream<Path> files = Files.list(DOCKER.resolve("grafana/dashboards"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                for (JsonNode p : JSON.readTree(file.toFile()).path("panels")) {
                    List<String> flux = new ArrayList<>();
                    p.path("targets").forEach(t -> {
                        if (t.has("query")) {
                            flux.add(t.get("query").asText());
                        }
                    });
                    if (!flux.isEmpty()) {
                        out.put(file.getFileName() + ": " + p.path("title").asText() + " (" + p.path("type").asText() + ")", flux);
                    }
                }
            }
        }
        return out;
    }

    @Test
    @DisplayName("no dashboard panel stays empty with the shipped profiles: every field it reads is one they write")
    void noPanelReadsAFieldNobodyWrites() throws Exception {
        // GIVEN the fields the shipped profiles' golden payloads are written as
        Map<String, Set<String>> written = ShippedProfilesSchemaTest.fieldsWritten();
        written.computeIfAbsent("device_event", m -> new HashSet<>()).add("count");
        List<String> problems = new ArrayList<>();
        // WHEN each panel's fields are looked up in the measurements it reads
        fluxByPanel().forEach((panel, queries) -> {
            for (String flux : queries) {
                Set<String> measurements = all(flux, "r\\._measurement == \"([^\"]+)\"");
                for (String field : all(flux, "r\\._field == \"([^\"]+)\"")) {
                    Set<String> in = measurements.isEmpty() ? written.keySet() : measurements;   // no filter: any
                    if (in.stream().noneMatch(m -> written.getOrDefault(m, Set.of()).contains(field))) {
                        problems.add(panel + ": no shipped profile writes " + field + " into " + measurements);
                    }
                }
            }
        });
        // THEN there is none
        assertEquals(List.of(), problems, "written: " + written);
    }

    @Test
    @DisplayName("a time-series panel draws one unit only: a flow rate and a cumulative total never share an axis")
    void oneUnitPerTimeSeriesPanel() throws Exception {
        // GIVEN each field's unit (Quantity), the alarm level beside gas_lel in %LEL
        Map<String, String> unit = new java.util.HashMap<>();
        for (org.linli.drivers.model.Quantity q : org.linli.drivers.model.Quantity.values()) {
            unit.put(q.field(), q.unit());
        }
        unit.put(org.linli.gateway.timeseries.PointFactory.GAS_ALARM_LEVEL_FIELD, "%LEL");
        unit.put("count", "events");
        List<String> problems = new ArrayList<>();
        // WHEN the fields of each time-series panel are collected
        fluxByPanel().forEach((panel, queries) -> {
            if (panel.endsWith("(timeseries)")) {
                Set<String> units = new java.util.TreeSet<>();
                queries.forEach(flux -> all(flux, "r\\._field == \"([^\"]+)\"").forEach(f -> units.add(unit.getOrDefault(f, f))));
                if (units.size() > 1) {
                    problems.add(panel + " mixes " + units);
                }
            }
        });
        // THEN each draws one unit
        assertEquals(List.of(), problems);
    }

    @Test
    @DisplayName("the water dashboard's elderly variable lists every household the shipped site files flag elderly_living_alone")
    void elderlyVariableCoversShippedSiteFiles() throws Exception {
        // GIVEN the households flagged in examples/xingfuli.yaml and the compose site file
        Set<String> flagged = new java.util.TreeSet<>();
        for (Path siteFile : List.of(Path.of("..", "examples", "xingfuli.yaml"), DOCKER.resolve("config/linli.yaml"))) {
            for (JsonNode b : YAML.readTree(siteFile.toFile()).path("site").path("buildings")) {
                for (JsonNode u : b.path("units")) {
                    for (JsonNode h : u.path("households")) {
                        if (h.path("care").toString().contains("\"elderly_living_alone\"")) {
                            flagged.add(b.get("id").asText() + "-" + u.get("id").asText() + "-" + h.get("id").asText());
                        }
                    }
                }
            }
        }
        // WHEN the variable is read
        JsonNode elderly = null;
        for (JsonNode v : JSON.readTree(DOCKER.resolve("grafana/dashboards/water.json").toFile()).path("templating").path("list")) {
            if ("elderly".equals(v.path("name").asText())) {
                elderly = v;
            }
        }
        assertTrue(elderly != null, "water.json has the elderly variable");
        Set<String> listed = new java.util.TreeSet<>(List.of(elderly.get("query").asText().split(",")));
        Set<String> selected = new java.util.TreeSet<>();
        elderly.path("current").path("value").forEach(v -> selected.add(v.asText()));
        // THEN it offers and selects each of them
        assertEquals(Set.of("1-2-302", "3-2-501", "5-1-201"), flagged, "the shipped site files' elderly households");
        assertEquals(flagged, listed);
        assertEquals(flagged, selected);
    }
}
