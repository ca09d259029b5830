package org.linli.sim.district;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The district's compose files (docs/DEPLOY.md, "District time series") hold the shape the tests measured. */
class DistrictDeployFilesTest {
    private static final Path DISTRICT = Path.of("..", "docker", "district");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    @DisplayName("a pair is vmagent replicating to both of its nodes with a disk buffer, behind a token-checking proxy; every service has a healthcheck; no secret is written")
    void pairShape() throws IOException {
        // GIVEN the pair's compose file
        JsonNode services = YAML.readTree(DISTRICT.resolve("pair.compose.yml").toFile()).get("services");
        // THEN vmagent writes every sample to vm-a and vm-b, with its buffer on a volume
        List<String> flags = new ArrayList<>();
        services.get("vmagent").get("command").forEach(f -> flags.add(f.asText()));
        assertTrue(flags.contains("-remoteWrite.url=http://vm-a:8428/api/v1/write"), flags.toString());
        assertTrue(flags.contains("-remoteWrite.url=http://vm-b:8428/api/v1/write"), flags.toString());
        assertTrue(flags.contains("-remoteWrite.tmpDataPath=/buffer")
                && services.get("vmagent").get("volumes").toString().contains(":/buffer"), flags.toString());
        // AND both nodes run the same flags, deduplicating what a repair sends twice
        assertTrue(services.get("vm-a").get("command").toString().contains("-dedup.minScrapeInterval=1ms"));
        assertEquals(services.get("vm-a").get("command"), services.get("vm-b").get("command"));
        // AND every service has a healthcheck, and the token comes from the environment
        services.fields().forEachRemaining(s -> assertTrue(s.getValue().has("healthcheck"), s.getKey() + " has a healthcheck"));
        assertTrue(services.get("write-proxy").get("environment").get("DISTRICT_WRITE_TOKEN").asText().startsWith("${"));
        String proxy = Files.readString(DISTRICT.resolve("nginx/write-proxy.conf.template"));
        assertTrue(proxy.contains("\"Token ${DISTRICT_WRITE_TOKEN}\"") && proxy.contains("location = /api/v2/write")
                && proxy.contains("listen 8443 ssl"), proxy);
        for (String line : Files.readAllLines(DISTRICT.resolve("pair.env.example"))) {
            assertTrue(!line.contains("TOKEN=") || line.endsWith("=CHANGE_ME"), "no token in the example: " + line);
        }
    }

    @Test
    @DisplayName("the district Grafana provisions a data source per pair and the dashboards in files")
    void grafanaShape() throws IOException {
        JsonNode ds = YAML.readTree(DISTRICT.resolve("grafana/provisioning/datasources/district.yaml").toFile()).get("datasources");
        assertEquals("prometheus", ds.get(0).get("type").asText());
        assertTrue(ds.get(0).get("name").asText().startsWith("District "), "the dashboards' pair variable matches District.*");
        JsonNode grafana = YAML.readTree(DISTRICT.resolve("grafana.compose.yml").toFile()).get("services").get("grafana");
        assertTrue(grafana.get("environment").get("GF_SECURITY_ADMIN_PASSWORD").asText().startsWith("${"));
        assertTrue(grafana.get("volumes").toString().contains("./grafana/dashboards:/var/lib/grafana/dashboards"));
        assertTrue(grafana.has("healthcheck"));
    }
}
