package org.linli.sim.demo;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.linli.centre.config.BrokerOptions;
import org.linli.centre.config.CentreConfigLoader;
import org.linli.centre.config.CentreOptions;
import org.linli.centre.config.CentreSiteFile;
import org.linli.centre.config.CentreUserConfig;
import org.linli.centre.config.CommunityConfig;
import org.linli.centre.config.CompoundConfig;
import org.linli.centre.config.ScopeConfig;
import org.linli.centre.config.StreetConfig;
import org.linli.gateway.auth.PasswordHasher;
import org.linli.gateway.config.ConfigException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The community demo's centre site file (docs/CENTRE.md "The centre: what exists"): the plan's street, community and
 * compounds, the broker cluster's nodes with the centre's login, and two console users with demo passwords printed in
 * the banner: the community's duty officer and the street's grid centre. Written as YAML and read back through the
 * centre's own loader, so the demo runs exactly what {@code ./linli centre --config FILE} would.
 */
final class CentreSite {
    static final String BROKER_USER = "centre";
    static final String BROKER_PASSWORD = "centre-demo";
    static final String BROKER_PASSWORD_ENV = "LINLI_DEMO_CENTRE_BROKER_PASSWORD";
    static final String REPLICA = "demo";
    /** A compound silent this long is unreachable; the gateways summarise every 15 s. */
    static final int UNREACHABLE_AFTER_SECONDS = 45;

    /** A centre console user as printed in the banner. */
    record Login(String user, String password, String name, String sees) {
    }

    static final List<Login> LOGINS = List.of(
            new Login("hepingli", "hepingli123", "王芳（和平里社区值班）", "社区: every compound of " + CommunityPlan.COMMUNITY_NAME),
            new Login("street", "street123", "李强（和平街道网格中心）", "街道: the whole street"));

    private CentreSite() {
    }

    /** Writes {@code file} for {@code plan} and the broker nodes {@code urls}, and loads it as the centre does. */
    static CentreSiteFile write(Path file, CommunityPlan plan, List<String> urls, int httpPort)
            throws IOException, ConfigException {
        List<CompoundConfig> compounds = plan.members().stream().map(m -> new CompoundConfig(m.id(), m.name())).toList();
        StreetConfig street = new StreetConfig(CommunityPlan.STREET, CommunityPlan.STREET_NAME, null,
                List.of(new CommunityConfig(CommunityPlan.COMMUNITY, CommunityPlan.COMMUNITY_NAME, compounds)));
        List<CentreUserConfig> users = List.of(
                user(LOGINS.get(0), new ScopeConfig(null, CommunityPlan.COMMUNITY, null)),
                user(LOGINS.get(1), new ScopeConfig(CommunityPlan.STREET, null, null)));
        CentreSiteFile site = new CentreSiteFile(
                new CentreOptions(REPLICA, "127.0.0.1", httpPort, UNREACHABLE_AFTER_SECONDS, null, null),
                new BrokerOptions(urls, BROKER_USER, BROKER_PASSWORD_ENV, null, null), List.of(street), users);
        new ObjectMapper(new YAMLFactory()).setSerializationInclusion(JsonInclude.Include.NON_NULL)
                .writeValue(file.toFile(), site);
        return CentreConfigLoader.load(file, CentreSite::env);
    }

    /** The environment the demo's centre sees: only its broker password. */
    static String env(String name) {
        return BROKER_PASSWORD_ENV.equals(name) ? BROKER_PASSWORD : null;
    }

    /** The broker users of the centre (user → password) for the cluster's login files. */
    static Map<String, String> brokerUsers() {
        return Map.of(BROKER_USER, BROKER_PASSWORD);
    }

    private static CentreUserConfig user(Login login, ScopeConfig scope) {
        return new CentreUserConfig(login.user(), login.name(), "duty", scope,
                PasswordHasher.hash(login.password().toCharArray()));
    }
}
