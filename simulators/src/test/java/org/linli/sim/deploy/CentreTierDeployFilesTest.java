package org.linli.sim.deploy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linli.centre.config.CentreConfigLoader;
import org.linli.centre.config.CentreSiteFile;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The centre tier's deployment files (docs/DEPLOY.md, "The centre tier") hold their shape without Docker: the
 * compose file (with the pair it includes), the TLS variant of broker.xml, the centre's site file, the systemd units
 * and the env examples.
 */
class CentreTierDeployFilesTest {
    private static final Path DOCKER = Path.of("..", "docker");
    private static final Path TIER = DOCKER.resolve("centre-tier");
    private static final Pattern SECRET_KEY = Pattern.compile("(?i).*(PASSWORD|TOKEN|SECRET).*");
    private static final Pattern SYSTEM_PROPERTY = Pattern.compile("-D(linli\\.artemis\\.[A-Za-z0-9]+)=(\\S+)");

    @TempDir
    Path tmp;

    @Test
    @DisplayName("every service of the tier (the included pair too) restarts and has a healthcheck; no secret is written in the compose file")
    void everyServiceRestartsHasAHealthcheckAndNoSecretLiteral() throws IOException {
        // GIVEN the tier's services and those of the pair it includes
        Map<String, Map<String, Object>> services = allServices();
        assertTrue(services.keySet().containsAll(List.of("artemis-1", "artemis-2", "artemis-3", "centre-a", "centre-b",
                "centre-proxy", "postgres", "grafana", "vmagent", "vm-a", "vm-b", "write-proxy")), services.keySet().toString());
        // THEN each restarts on its own and has a check
        services.forEach((name, s) -> {
            assertTrue(List.of("always", "unless-stopped").contains(String.valueOf(s.get("restart"))), name + " restarts");
            assertNotNull(s.get("healthcheck"), name + " has a healthcheck");
        });
        // AND every secret-named variable is a ${...} reference, and no -D or URL carries a password
        services.forEach((name, s) -> environment(s).forEach((k, v) -> {
            if (SECRET_KEY.matcher(k).matches()) {
                assertTrue(v.startsWith("${"), name + "." + k + " comes from the environment, not '" + v + "'");
            }
            assertFalse(v.matches("(?is).*(password|secret)=[^$].*"), name + "." + k + " carries no password: " + v);
        }));
    }

    @Test
    @DisplayName("every file the tier's services mount from the repository exists (generated secrets and certificates aside)")
    @SuppressWarnings("unchecked")
    void everyMountedRepositoryFileExists() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(TIER.resolve("centre-tier.compose.yml")));
        List<String> missing = new ArrayList<>();
        ((Map<String, Map<String, Object>>) compose.get("services")).forEach((name, s) -> {
            for (Object v : (List<Object>) s.getOrDefault("volumes", List.of())) {
                String source = String.valueOf(v).split(":")[0];
                boolean generated = source.startsWith("./tls") || source.startsWith("./artemis-etc") || source.equals("./backup");
                if (source.startsWith(".") && !generated && !Files.exists(TIER.resolve(source))) {
                    missing.add(name + ": " + source);
                }
            }
        });
        assertEquals(List.of(), missing);
        // AND the tier's shell scripts parse (make-certs.sh and the init script also run in the other CentreTier tests)
        for (Path script : List.of(TIER.resolve("make-certs.sh"), TIER.resolve("artemis-etc.sh"),
                TIER.resolve("postgres/initdb/10-linli-archive.sh"))) {
            Process p = new ProcessBuilder("bash", "-n", script.toString()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            try {
                assertEquals(0, p.waitFor(), script + ": " + out);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }
        // AND Grafana gets both provisioned data sources the dashboards name
        String datasources = Files.readString(DOCKER.resolve("grafana/district/provisioning/datasources/postgres-archive.yaml"))
                + Files.readString(DOCKER.resolve("district/grafana/provisioning/datasources/district.yaml"));
        assertTrue(datasources.contains("uid: linli-archive-pg") && datasources.contains("uid: linli-district-pair1"));
    }

    @Test
    @DisplayName("every variable the compose file needs is in .env.example, and every secret there is CHANGE_ME")
    void envExampleDeclaresEveryVariable() throws IOException {
        // GIVEN the compose file without its comments, and .env.example
        String compose = Files.readAllLines(TIER.resolve("centre-tier.compose.yml")).stream()
                .filter(l -> !l.strip().startsWith("#")).reduce("", (a, b) -> a + b + "\n");
        Map<String, String> example = envFile(TIER.resolve(".env.example"));
        Set<String> needed = new TreeSet<>();
        Matcher m = Pattern.compile("\\$\\{([A-Z_][A-Z0-9_]*)").matcher(compose);
        while (m.find()) {
            needed.add(m.group(1));
        }
        // THEN every ${NAME} is declared there, and every secret in the examples is CHANGE_ME
        needed.removeAll(example.keySet());
        assertEquals(Set.of(), needed, "declared in .env.example");
        for (Path f : List.of(TIER.resolve(".env.example"), TIER.resolve("systemd/artemis-node.env.example"),
                TIER.resolve("systemd/centre.env.example"))) {
            envFile(f).forEach((k, v) -> assertTrue(!SECRET_KEY.matcher(k).matches() || v.equals("CHANGE_ME"),
                    f.getFileName() + ": " + k + " is CHANGE_ME"));
        }
    }

    @Test
    @DisplayName("the three broker nodes have distinct names and each one's peers are exactly the other two; the centre and the gateways' ports name every node")
    void brokerNodesPointAtEachOther() throws IOException {
        Map<String, Map<String, Object>> services = allServices();
        Map<String, Map<String, String>> nodes = new LinkedHashMap<>();
        for (String n : List.of("artemis-1", "artemis-2", "artemis-3")) {
            Map<String, String> props = new HashMap<>();
            Matcher m = SYSTEM_PROPERTY.matcher(environment(services.get(n)).get("JAVA_ARGS_APPEND"));
            while (m.find()) {
                props.put(m.group(1), m.group(2));
            }
            assertEquals(n, props.get("linli.artemis.host"), n + " announces its own name to its peers");
            assertTrue(props.get("linli.artemis.securityFile").startsWith("file:///"), "an absolute include");
            nodes.put(n, props);
        }
        assertEquals(3, nodes.values().stream().map(p -> p.get("linli.artemis.name")).distinct().count());
        nodes.forEach((n, props) -> {
            Set<String> others = new HashSet<>();
            nodes.forEach((o, p) -> {
                if (!o.equals(n)) {
                    others.add("tcp://" + p.get("linli.artemis.host") + ":" + p.get("linli.artemis.corePort"));
                }
            });
            assertEquals(others, Set.of(props.get("linli.artemis.peer1"), props.get("linli.artemis.peer2")), n + "'s peers");
        });
        String centre = Files.readString(TIER.resolve("config/centre.yaml"));
        nodes.forEach((n, p) -> assertTrue(centre.contains("ssl://" + n + ":" + p.get("linli.artemis.mqttPort")),
                "the centre's site file names " + n));
    }

    @Test
    @DisplayName("each centre replica has its own LINLI_CENTRE_REPLICA, and the tier's site file passes the centre's own loader")
    void replicasAreDistinctAndTheSiteFileValidates() throws Exception {
        // GIVEN the replicas of the compose file
        Map<String, Map<String, Object>> services = allServices();
        List<String> replicas = new ArrayList<>();
        services.forEach((name, s) -> {
            if ("linli/centre:latest".equals(s.get("image"))) {
                replicas.add(environment(s).get("LINLI_CENTRE_REPLICA"));
            }
        });
        assertEquals(2, replicas.size(), replicas.toString());
        assertEquals(replicas.size(), new HashSet<>(replicas).size(), "distinct replica ids " + replicas);
        assertFalse(replicas.contains(null));

        // WHEN the centre's loader reads the tier's site file (its trust store path pointed at a readable file)
        Path trustStore = Files.writeString(tmp.resolve("broker-ca.p12"), "");
        String yaml = Files.readString(TIER.resolve("config/centre.yaml"))
                .replace("/etc/linli-centre/tls/broker-ca.p12", trustStore.toString());
        Path file = Files.writeString(tmp.resolve("centre.yaml"), yaml);
        Map<String, String> env = Map.of("LINLI_CENTRE_REPLICA", replicas.get(0),
                "LINLI_CENTRE_BROKER_PASSWORD", "x", "LINLI_CENTRE_TRUSTSTORE_PASSWORD", "y");
        CentreSiteFile site = CentreConfigLoader.load(file, env::get);

        // THEN it binds: every node over TLS, the replica id from the environment, listening for the proxy
        assertEquals(3, site.broker().urls().size());
        assertTrue(site.broker().urls().stream().allMatch(u -> u.startsWith("ssl://")), site.broker().urls().toString());
        assertEquals(replicas.get(0), site.centre().replica());
        assertEquals("0.0.0.0", site.centre().host());
        String proxy = Files.readString(TIER.resolve("nginx/centre-proxy.conf"));
        assertTrue(proxy.contains("listen 8443 ssl") && proxy.contains("server centre-a:" + site.centre().port())
                && proxy.contains("server centre-b:" + site.centre().port()), proxy);
    }

    @Test
    @DisplayName("broker-tls.xml is broker.xml apart from the TLS acceptor, the included security and the cluster password from the environment")
    void tlsBrokerXmlDiffersOnlyWhereDocumented() throws IOException {
        String plain = Files.readString(DOCKER.resolve("artemis/broker.xml"));
        String tls = Files.readString(DOCKER.resolve("artemis/broker-tls.xml"));
        // GIVEN broker.xml with the three documented changes applied
        String expected = plain
                .replace("<configuration xmlns=\"urn:activemq\"",
                        "<configuration xmlns:xi=\"http://www.w3.org/2001/XInclude\" xmlns=\"urn:activemq\"")
                .replaceAll("(?s)<security-settings>.*</security-settings>",
                        "<xi:include href=\"\\${linli.artemis.securityFile}\"/>")
                .replace("${linli.artemis.clusterPassword:change-me}", "${LINLI_ARTEMIS_CLUSTER_PASSWORD}")
                .replaceAll("<acceptor name=\"mqtt\">[^<]*</acceptor>", "MQTT-ACCEPTOR");
        // THEN the TLS file equals it, comments aside
        assertEquals(withoutComments(expected),
                withoutComments(tls.replaceAll("<acceptor name=\"mqtt\">[^<]*</acceptor>", "MQTT-ACCEPTOR")));
        Matcher acceptor = Pattern.compile("<acceptor name=\"mqtt\">([^<]*)</acceptor>").matcher(tls);
        assertTrue(acceptor.find());
        String url = acceptor.group(1);
        for (String param : List.of("protocols=MQTT", "sslEnabled=true", "keyStorePath=${linli.artemis.keyStorePath",
                "keyStorePassword=${LINLI_ARTEMIS_KEYSTORE_PASSWORD}")) {
            assertTrue(url.contains(param), url + " has " + param);
        }
        assertFalse(tls.contains("change-me"), "no default password in the production file");
    }

    @Test
    @DisplayName("the systemd units restart always with no start limit, read an env file, run as their own user with an explicit heap, and parse")
    void systemdUnitsHaveTheirKeysAndParse() throws Exception {
        Path dir = TIER.resolve("systemd");
        for (String unit : List.of("artemis@.service", "linli-centre@.service", "vmagent.service")) {
            Map<String, Map<String, List<String>>> u = unitFile(dir.resolve(unit));
            assertEquals(List.of("0"), u.get("Unit").get("StartLimitIntervalSec"), unit);
            assertEquals(List.of("always"), u.get("Service").get("Restart"), unit);
            assertNotNull(u.get("Service").get("EnvironmentFile"), unit + " reads an env file");
            assertNotNull(u.get("Service").get("User"), unit + " has its own user");
            assertNotNull(u.get("Install").get("WantedBy"), unit);
        }
        assertTrue(unitFile(dir.resolve("artemis@.service")).get("Service").get("Environment").toString().contains("-Xmx"));
        Map<String, List<String>> centre = unitFile(dir.resolve("linli-centre@.service")).get("Service");
        assertTrue(centre.get("Environment").contains("LINLI_CENTRE_REPLICA=%i"), centre.toString());
        assertTrue(centre.get("Environment").toString().contains("-Xmx") && centre.get("ExecStart").get(0).contains("$JAVA_OPTS"));
        assertEquals(List.of("always"), unitFile(dir.resolve("victoria-metrics.service.d/linli.conf")).get("Service").get("Restart"));

        // AND systemd itself parses them, where it is installed (a binary that exists only on the target host is fine)
        Path analyze = Path.of("/usr/bin/systemd-analyze");
        if (Files.isExecutable(analyze)) {
            List<String> files = new ArrayList<>();
            for (String[] u : List.of(new String[]{"artemis@.service", "artemis@node1.service"},
                    new String[]{"linli-centre@.service", "linli-centre@centre-a.service"},
                    new String[]{"vmagent.service", "vmagent.service"})) {
                files.add(Files.copy(dir.resolve(u[0]), tmp.resolve(u[1])).toString());
            }
            List<String> command = new ArrayList<>(List.of(analyze.toString(), "verify"));
            command.addAll(files);
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            List<String> problems = out.lines().filter(l -> !l.isBlank())
                    .filter(l -> !l.contains("is not executable: No such file or directory")).toList();
            assertEquals(List.of(), problems, "systemd-analyze verify");
        }
    }

    // ---- helpers ----

    /** The compose file's services and those of the files it includes, YAML anchors and merge keys resolved. */
    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> allServices() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(TIER.resolve("centre-tier.compose.yml")));
        Map<String, Map<String, Object>> services = new LinkedHashMap<>((Map<String, Map<String, Object>>) compose.get("services"));
        for (Map<String, Object> include : (List<Map<String, Object>>) compose.get("include")) {
            Path included = TIER.resolve((String) include.get("path"));
            assertTrue(Files.exists(included), included + " exists");
            Map<String, Object> other = new Yaml().load(Files.readString(included));
            services.putAll((Map<String, Map<String, Object>>) other.get("services"));
        }
        return services;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> environment(Map<String, Object> service) {
        Map<String, String> env = new HashMap<>();
        Object e = service.get("environment");
        if (e instanceof Map<?, ?> map) {
            map.forEach((k, v) -> env.put(String.valueOf(k), String.valueOf(v)));
        } else if (e instanceof List<?> list) {
            for (Object item : list) {
                String s = String.valueOf(item);
                int eq = s.indexOf('=');
                env.put(eq < 0 ? s : s.substring(0, eq), eq < 0 ? "" : s.substring(eq + 1));
            }
        }
        return env;
    }

    private static Map<String, String> envFile(Path file) throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank() && !line.startsWith("#") && line.contains("=")) {
                env.put(line.substring(0, line.indexOf('=')).trim(), line.substring(line.indexOf('=') + 1).trim());
            }
        }
        return env;
    }

    /** A unit file as section → key → values (a key may repeat, as Environment= does); quotes around a value dropped. */
    private static Map<String, Map<String, List<String>>> unitFile(Path file) throws IOException {
        Map<String, Map<String, List<String>>> sections = new HashMap<>();
        Map<String, List<String>> current = null;
        for (String line : Files.readAllLines(file)) {
            String l = line.trim();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            if (l.startsWith("[") && l.endsWith("]")) {
                current = sections.computeIfAbsent(l.substring(1, l.length() - 1), k -> new HashMap<>());
            } else {
                assertNotNull(current, file + ": a key before any section: " + l);
                int eq = l.indexOf('=');
                assertTrue(eq > 0, file + ": not key=value: " + l);
                current.computeIfAbsent(l.substring(0, eq), k -> new ArrayList<>())
                        .add(l.substring(eq + 1).replaceAll("^\"|\"$", ""));
            }
        }
        return sections;
    }

    private static String withoutComments(String xml) {
        return xml.replaceAll("(?s)<!--.*?-->", "").lines().map(String::strip).filter(l -> !l.isEmpty())
                .reduce("", (a, b) -> a + b + "\n");
    }
}
