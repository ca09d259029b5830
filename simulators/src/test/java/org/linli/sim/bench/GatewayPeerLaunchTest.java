package org.linli.sim.bench;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The benchmark starts the gateway as {@code ./linli run} does: its first start trains the class-data archive. */
class GatewayPeerLaunchTest {
    @Test
    @DisplayName("a missing class-data archive is written at the gateway's exit, an existing one is mapped")
    void aMissingArchiveIsWrittenAtExitAndAnExistingOneIsMapped(@TempDir Path dir) throws Exception {
        Path jsa = dir.resolve("linli-gateway.jsa");
        List<String> launch = List.of("-Xmx192m", "-XX:SharedArchiveFile=" + jsa, "-jar", "linli-gateway.jar");

        assertEquals(List.of("-Xmx192m", "-XX:ArchiveClassesAtExit=" + jsa, "-jar", "linli-gateway.jar"),
                GatewayPeer.withClassDataSharing(launch), "no archive yet: this start writes it");

        Files.write(jsa, new byte[]{1});
        assertEquals(launch, GatewayPeer.withClassDataSharing(launch), "an archive exists: this start maps it");
    }

    @Test
    @DisplayName("the gateway runs on the harness's own java unless --gateway-java names another")
    void gatewayJavaChosenOnTheCommandLine(@TempDir Path dir) {
        Path config = dir.resolve("site.yaml");
        BenchOptions asIs = BenchOptions.parse("--gateway-jar", "g.jar");
        assertEquals(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                GatewayPeer.command(asIs.gatewayJava(), asIs.gatewayLaunch(), config).get(0));

        BenchOptions other = BenchOptions.parse("--gateway-java", "/opt/jdk-25/bin/java", "--gateway-jar", "g.jar",
                "--gateway-jvm-opts", "-Xmx192m");
        assertEquals(List.of("/opt/jdk-25/bin/java", "-Xmx192m", "-jar", Path.of("g.jar").toAbsolutePath().toString(),
                "run", "--config", config.toString()), GatewayPeer.command(other.gatewayJava(), other.gatewayLaunch(), config));
    }
}
