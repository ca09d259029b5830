package org.linli.sim.servers;

import org.apache.activemq.artemis.core.config.FileDeploymentManager;
import org.apache.activemq.artemis.core.config.impl.FileConfiguration;
import org.apache.activemq.artemis.core.security.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The production path of per-compound security: broker.xml with its {@code <security-settings>} element replaced by
 * an {@code xi:include} of the file {@link ArtemisSecurity#xmlFragment} generates, parsed by Artemis's own
 * configuration loader (the one the distribution and {@code EmbeddedActiveMQ} use), yields the same settings as
 * those the harness applies at run time.
 */
class ArtemisSecurityXmlTest {
    @TempDir
    Path dir;

    @Test
    void theGeneratedFragmentIncludedInBrokerXmlGivesTheSameSettings() throws Exception {
        // GIVEN the generated fragment next to a copy of broker.xml that includes it
        ArtemisSecurity security = new ArtemisSecurity(List.of(new ArtemisSecurity.Compound("s1", "c1", "x1"),
                new ArtemisSecurity.Compound("s1", "c2", "y7")));
        Files.writeString(dir.resolve("linli-security.xml"), security.xmlFragment());
        String brokerXml;
        try (InputStream in = getClass().getResourceAsStream("/artemis/broker.xml")) {
            brokerXml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String included = brokerXml
                .replace("<configuration xmlns=\"urn:activemq\"",
                        "<configuration xmlns:xi=\"http://www.w3.org/2001/XInclude\" xmlns=\"urn:activemq\"")
                .replaceAll("(?s)<security-settings>.*</security-settings>",
                        "<xi:include href=\"\\${linli.test.securityFile}\"/>");
        Path file = dir.resolve("broker.xml");
        Files.writeString(file, included);

        // WHEN Artemis's loader reads it, the include's file named by a system property (a ${...} placeholder: a
        // relative href is not resolved against broker.xml's folder, since Artemis parses the file's text)
        FileConfiguration config = new FileConfiguration();
        System.setProperty("linli.test.securityFile", dir.resolve("linli-security.xml").toUri().toString());
        try {
            new FileDeploymentManager(file.toUri().toString()).addDeployable(config).readConfiguration();
        } finally {
            System.clearProperty("linli.test.securityFile");
        }

        // THEN its security settings are exactly the generated ones
        Map<String, Set<Role>> parsed = config.getSecurityRoles();
        assertNotNull(parsed.get("linli.v1.s1.c2.y7.command"), parsed.keySet().toString());
        assertEquals(names(security.settings()), names(parsed));
        Role y7 = parsed.get("linli.v1.s1.c2.y7.command").stream().filter(r -> r.getName().equals("y7"))
                .findFirst().orElseThrow();
        assertEquals(List.of(false, true, true, true), List.of(y7.isSend(), y7.isConsume(),
                y7.isCreateDurableQueue(), y7.isCreateNonDurableQueue()));
    }

    private static Map<String, Set<String>> names(Map<String, Set<Role>> settings) {
        return settings.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> e.getValue().stream().map(r -> r.getName() + send(r)).collect(Collectors.toSet())));
    }

    private static String send(Role r) {
        return (r.isSend() ? "+send" : "") + (r.isConsume() ? "+consume" : "");
    }
}
