package org.linli.sim.demo;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.linli.drivers.model.DeviceType;
import org.linli.drivers.mqtt.VendorProfiles;
import org.linli.gateway.Gateway;
import org.linli.gateway.config.HttpOptions;
import org.linli.gateway.config.InfluxOptions;
import org.linli.gateway.config.MqttOptions;
import org.linli.gateway.config.RulesOptions;
import org.linli.gateway.config.SiteConfig;
import org.linli.gateway.config.StorageOptions;
import org.linli.gateway.config.UplinkOptions;
import org.linli.gateway.config.UserConfig;
import org.linli.gateway.pipeline.VendorProfileCatalog;
import org.linli.sim.compound.CompoundGenerator;
import org.linli.sim.compound.CompoundSimulator;
import org.linli.sim.compound.CompoundSpec;
import org.linli.sim.mqtt.DevicePublisher;
import org.linli.sim.servers.ArtemisCluster;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One compound of the community demo: a small simulated compound (3 buildings, 60 households, 180 devices) publishing
 * under its own prefix on the shared device broker ({@link PrefixedProfiles}), and its own gateway (a verticle on the
 * demo's Vert.x, with its own data directory, console port and site file) whose {@code uplink:} logs in to the broker
 * cluster as the compound, trying a different node first for each compound. Built on the demo's main thread; the
 * gateway runs on its event loop, the simulator on its own thread.
 */
final class CommunityCompound implements AutoCloseable {
    static final String UPLINK_PASSWORD_ENV = "LINLI_DEMO_UPLINK_PASSWORD";
    /** Elderly residents living alone: 3-2-501 (as in the single demo) and 1-2-402 (the inactivity incident). */
    static final Set<String> ELDERLY = Set.of("3-2-501", "1-2-402");

    private final CommunityPlan.Member member;
    private final SiteConfig site;
    private final VendorProfiles profiles;
    private final Gateway gateway;
    private DevicePublisher publisher;
    private CompoundSimulator simulator;

    private CommunityCompound(CommunityPlan.Member member, SiteConfig site, VendorProfiles profiles) {
        this.member = member;
        this.site = site;
        this.profiles = profiles;
        this.gateway = new Gateway(site, new VendorProfileCatalog(profiles), this::env, Clock.systemUTC());
    }

    /** The compound's shape: small (nine of them share the JVM), every vendor format, two grids. */
    static CompoundSpec spec(VendorProfiles profiles, String name) {
        return new CompoundSpec(CommunityPlan.STREET_NAME, CommunityPlan.COMMUNITY_NAME, name, 3, 2, 5, 2, 2, 17,
                ELDERLY, ProfileChoice.of(profiles, DeviceType.GAS_ALARM),
                ProfileChoice.of(profiles, DeviceType.SMOKE_DETECTOR), ProfileChoice.of(profiles, DeviceType.WATER_METER));
    }

    /**
     * The compound's site, without users: devices on the shared broker under its prefix, the shared time-series
     * server, its console on {@code httpPort}, data under {@code dir}, and the uplink to {@code nodeUrls} (node
     * {@code index mod n} first). Written to {@code dir}/site.yaml by {@link #create}.
     */
    static SiteConfig site(CommunityPlan.Member m, Path dir, String brokerUrl, String tsdbUrl, int httpPort,
                           List<String> nodeUrls) {
        VendorProfiles builtIn = VendorProfiles.builtIn();
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < nodeUrls.size(); i++) {
            urls.add(nodeUrls.get((m.index() - 1 + i) % nodeUrls.size()));
        }
        SiteConfig generated = CompoundGenerator.generate(spec(builtIn, m.name()),
                MqttOptions.of(brokerUrl, "linli-gateway-" + m.id()).withAlertsTopic(m.id() + "/linli/alerts"),
                InfluxOptions.of(tsdbUrl, "linli", m.id()).withBatch(2000, 500),
                HttpOptions.on("127.0.0.1", httpPort), StorageOptions.in(dir.resolve("gateway").toString()));
        // as in the single demo: devices report every 30 s, so a silent one is seen within the demo's minutes
        return generated.withRules(RulesOptions.defaults()
                        .withHeartbeat(Map.of(
                                "gas_alarm", new RulesOptions.HeartbeatOptions(30, 3),
                                "smoke_detector", new RulesOptions.HeartbeatOptions(30, 3),
                                "water_meter", new RulesOptions.HeartbeatOptions(30, 3)))
                        .withCheckIntervalSeconds(5))
                .withUplink(new UplinkOptions(urls, CommunityPlan.STREET, CommunityPlan.COMMUNITY, m.id(), null,
                        m.id(), UPLINK_PASSWORD_ENV, true, null, null, null));
    }

    /** The compound with {@code users} added, its prefixed profiles and site file written under {@code dir}. */
    static CommunityCompound create(CommunityPlan.Member m, SiteConfig site, List<UserConfig> users, Path dir)
            throws IOException {
        SiteConfig withUsers = site.withUsers(users);
        new ObjectMapper(new YAMLFactory()).setSerializationInclusion(JsonInclude.Include.NON_EMPTY)
                .writeValue(dir.resolve("site.yaml").toFile(), withUsers);
        return new CommunityCompound(m, withUsers, PrefixedProfiles.write(dir.resolve("profiles"), m.id()));
    }

    /** Deploys the gateway; completes once it is connected to the device broker. */
    Future<Void> startGateway(Vertx vertx) {
        return vertx.deployVerticle(gateway).compose(id -> gateway.mqtt().firstConnect()).mapEmpty();
    }

    /**
     * Connects the simulated devices (call once the gateway is subscribed). Their live reports begin with
     * {@link #startPeriodicReports}, after any scripted history of the incidents.
     */
    void startDevices(String brokerUrl, long seed) {
        publisher = new DevicePublisher(brokerUrl, "linli-devices-" + member.id());
        simulator = new CompoundSimulator(site, profiles, publisher, Clock.systemUTC(), 1, seed);
    }

    /** Live reports every 30 s, spread like real devices. */
    void startPeriodicReports() {
        simulator.startPeriodic(Duration.ofSeconds(30));
    }

    CommunityPlan.Member member() {
        return member;
    }

    SiteConfig site() {
        return site;
    }

    VendorProfiles profiles() {
        return profiles;
    }

    CompoundSimulator simulator() {
        return simulator;
    }

    int deviceCount() {
        return site.devices().size();
    }

    String consoleUrl() {
        return "http://127.0.0.1:" + site.http().port() + "/";
    }

    /** The uplink's state as {@code /api/status} shows it (CONNECTED, BACKING_OFF, ...). */
    String uplinkState() {
        JsonObject uplink = gateway.status().getJsonObject("uplink");
        return uplink == null ? "none" : uplink.getString("state");
    }

    /** The gateway's secrets: the uplink's broker password; any other name is the time-series token. */
    private String env(String name) {
        return UPLINK_PASSWORD_ENV.equals(name) ? ArtemisCluster.compoundPassword(member.id()) : "demo-token";
    }

    /** Stops the devices; the gateway stops with the demo's Vert.x. */
    @Override
    public void close() {
        if (simulator != null) {
            simulator.close();
        }
        if (publisher != null) {
            publisher.close();
        }
    }
}
