package org.linli.sim.servers;

import com.hivemq.embedded.EmbeddedHiveMQ;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * HiveMQ Community Edition embedded in this JVM: the demo's MQTT 5 broker, so the demo runs with no external
 * server. Listens on loopback only; anonymous usage statistics are off (the box has no internet anyway).
 */
public final class EmbeddedBroker implements AutoCloseable {
    private final Path dir;
    private final int port;
    private EmbeddedHiveMQ hivemq;

    public EmbeddedBroker(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    public EmbeddedBroker start() {
        try {
            Path conf = Files.createDirectories(dir.resolve("conf"));
            Files.createDirectories(dir.resolve("data"));
            Files.createDirectories(dir.resolve("extensions"));
            Files.writeString(conf.resolve("config.xml"), """
                    <?xml version="1.0"?>
                    <hivemq>
                      <listeners>
                        <tcp-listener><port>%d</port><bind-address>127.0.0.1</bind-address></tcp-listener>
                      </listeners>
                      <anonymous-usage-statistics><enabled>false</enabled></anonymous-usage-statistics>
                    </hivemq>
                    """.formatted(port));
            // HiveMQ (re)configures the JVM's one logback context from conf/logback.xml: give it ours, so that the
            // broker keeps to warnings and the gateway's lines keep their format
            try (var ours = EmbeddedBroker.class.getResourceAsStream("/linli-logback.xml")) {
                Files.write(conf.resolve("logback.xml"), ours.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        hivemq = EmbeddedHiveMQ.builder()
                .withConfigurationFolder(dir.resolve("conf"))
                .withDataFolder(dir.resolve("data"))
                .withExtensionsFolder(dir.resolve("extensions"))
                .build();
        hivemq.start().join();
        PortWait.until(port, Duration.ofSeconds(20), null, "embedded HiveMQ");
        return this;
    }

    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        if (hivemq != null) {
            hivemq.stop().join();
            try {
                hivemq.close();
            } catch (Exception e) {
                // shutting down anyway
            }
        }
    }
}
