package org.linli.sim.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The benchmark starts the gateway as {@code ./linli run} does: its first start trains the class-data archive. */
class GatewayPeerLaunchTest {
    @Test
    void aMissingArchiveIsWrittenAtExitAndAnExistingOneIsMapped(@TempDir Path dir) throws Exception {
        Path jsa = dir.resolve("linli-gateway.jsa");
        List<String> launch = List.of("-Xmx192m", "-XX:SharedArchiveFile=" + jsa, "-jar", "linli-gateway.jar");

        assertEquals(List.of("-Xmx192m", "-XX:ArchiveClassesAtExit=" + jsa, "-jar", "linli-gateway.jar"),
                GatewayPeer.withClassDataSharing(launch), "no archive yet: this start writes it");

        Files.write(jsa, new byte[]{1});
        assertEquals(launch, GatewayPeer.withClassDataSharing(launch), "an archive exists: this start maps it");
    }
}
