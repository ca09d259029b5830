package org.linli.sim.tryout;

import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.linli.drivers.model.DeviceType;
import org.linli.drivers.model.EventType;
import org.linli.drivers.mqtt.VendorProfiles;
import org.linli.gateway.config.DeviceConfig;
import org.linli.gateway.config.MqttTlsOptions;
import org.linli.gateway.config.SiteConfig;
import org.linli.gateway.pipeline.VendorProfileCatalog;
import org.linli.gateway.security.MqttTls;
import org.linli.gateway.sitefile.SiteFiles;
import org.linli.sim.compound.CompoundSimulator;
import org.linli.sim.mqtt.DevicePublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The compose stack's try-out simulator ({@code docker compose --profile tryout up}): every device of the gateway's
 * own site file reports to the real broker (TLS, password) every interval, and after two minutes the gas alarm of an
 * elderly resident living alone goes off (cleared two minutes later), so the alert path and the dashboards can be
 * seen working before real devices are connected. Touches {@code /tmp/linli-sim-alive} every round (healthcheck).
 */
public final class TryoutMain {
    private static final Logger LOG = LoggerFactory.getLogger(TryoutMain.class);
    private static final Path ALIVE = Path.of(System.getProperty("java.io.tmpdir"), "linli-sim-alive");

    private TryoutMain() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = options(args);
        String broker = o.getOrDefault("--broker", "ssl://mosquitto:8883");
        // the site file names the gateway's secrets; the simulator needs none of them, only the devices
        SiteConfig site = SiteFiles.load(Path.of(o.getOrDefault("--config", "/etc/linli/linli.yaml")),
                VendorProfileCatalog.load(null).deviceTypes(), name -> Optional.ofNullable(System.getenv(name)).orElse("unused"));
        String password = o.containsKey("--password-env") ? System.getenv(o.get("--password-env")) : null;
        var tls = o.containsKey("--ca") ? MqttTls.socketFactory(MqttTlsOptions.trusting(o.get("--ca")), System::getenv) : null;
        DevicePublisher publisher = new DevicePublisher(broker, "linli-tryout-devices", (MqttConnectionOptions c) -> {
            if (o.containsKey("--username")) {
                c.setUserName(o.get("--username"));
            }
            if (password != null) {
                c.setPassword(password.getBytes(StandardCharsets.UTF_8));
            }
            if (tls != null) {
                c.setSocketFactory(tls);
            }
        });
        CompoundSimulator sim = new CompoundSimulator(site, VendorProfiles.builtIn(), publisher, Clock.systemUTC(), 1, 42);
        Duration interval = Duration.ofSeconds(Long.parseLong(o.getOrDefault("--interval-seconds", "60")));
        LOG.info("try-out: {} devices of {} report to {} every {} s", sim.deviceCount(), site.site().compound(), broker,
                interval.toSeconds());
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        timer.scheduleAtFixedRate(() -> round(sim), 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        elderlyGasAlarm(site).ifPresent(device -> {
            timer.schedule(() -> sim.event(device, EventType.ALARM, Instant.now()), 2, TimeUnit.MINUTES);
            timer.schedule(() -> sim.event(device, EventType.ALARM_CLEARED, Instant.now()), 4, TimeUnit.MINUTES);
        });
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            timer.shutdownNow();
            sim.close();
            publisher.close();
        }));
        Thread.currentThread().join();
    }

    private static void round(CompoundSimulator sim) {
        sim.publishRound().whenComplete((ok, error) -> {
            if (error != null) {
                LOG.warn("try-out round not acknowledged: {}", error.toString());
                return;
            }
            try {
                if (!Files.exists(ALIVE)) {
                    Files.createFile(ALIVE);
                }
                Files.setLastModifiedTime(ALIVE, FileTime.from(Instant.now()));
            } catch (java.io.IOException e) {
                LOG.warn("cannot touch {}: {}", ALIVE, e.toString());
            }
        });
    }

    /** The gas alarm of the first household flagged elderly_living_alone, else the first gas alarm. */
    private static Optional<String> elderlyGasAlarm(SiteConfig site) {
        java.util.Set<String> elderly = new java.util.HashSet<>();
        site.site().buildings().forEach(b -> b.units().forEach(u -> u.households().forEach(h -> {
            if (h.care().contains("elderly_living_alone")) {
                elderly.add(b.id() + "-" + u.id() + "-" + h.id());
            }
        })));
        Optional<DeviceConfig> gas = site.devices().stream().filter(d -> d.type() == DeviceType.GAS_ALARM)
                .filter(d -> elderly.contains(d.location())).findFirst();
        return gas.or(() -> site.devices().stream().filter(d -> d.type() == DeviceType.GAS_ALARM).findFirst()).map(DeviceConfig::id);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> out = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            out.put(args[i], args[i + 1]);
        }
        return out;
    }
}
