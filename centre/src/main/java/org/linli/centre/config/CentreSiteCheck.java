package org.linli.centre.config;

import org.linli.gateway.auth.PasswordHasher;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The semantic checks of the centre's site file, every problem in one list, each naming its path: ids are single
 * topic levels and unique (compound ids across the whole file: the centre keys alerts by compound), every user has
 * exactly one scope naming an existing street, community or compound, a role duty or viewer and a
 * {@code linli hash-password} hash; robots are wecom, dingtalk or webhook with an http(s) URL. Stateless.
 */
final class CentreSiteCheck {
    private static final Pattern LEVEL = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final Set<String> ROBOTS = Set.of("wecom", "dingtalk", "webhook");

    private final Function<String, String> env;
    private final List<String> problems = new ArrayList<>();

    CentreSiteCheck(Function<String, String> env) {
        this.env = env;
    }

    List<String> check(CentreSiteFile site) {
        CentreOptions c = site.centre();
        id("centre.replica", c.replica());
        range("centre.port", c.port(), 0, 65535);
        range("centre.unreachableAfterSeconds", c.unreachableAfterSeconds(), 1, 3600);
        range("centre.streetEscalationLevel", c.streetEscalationLevel(), 1, 10);
        range("centre.maxPayloadBytes", c.maxPayloadBytes(), 1024, 16 * 1024 * 1024);
        broker(site.broker());
        archive(site.archive());
        Set<String> streets = new HashSet<>();
        Set<String> communities = new HashSet<>();
        Set<String> compounds = new HashSet<>();
        if (site.streets().isEmpty()) {
            problems.add("streets: at least one street with its communities and compounds is needed");
        }
        for (int i = 0; i < site.streets().size(); i++) {
            StreetConfig s = site.streets().get(i);
            String at = "streets[" + i + "]";
            unique(at + ".id", s.id(), streets);
            named(at, s.name());
            robot(at + ".dutyRobot", s.dutyRobot());
            for (int j = 0; j < s.communities().size(); j++) {
                CommunityConfig cm = s.communities().get(j);
                String cat = at + ".communities[" + j + "]";
                unique(cat + ".id", cm.id(), communities);
                named(cat, cm.name());
                for (int k = 0; k < cm.compounds().size(); k++) {
                    CompoundConfig x = cm.compounds().get(k);
                    unique(cat + ".compounds[" + k + "].id", x.id(), compounds);
                    named(cat + ".compounds[" + k + "]", x.name());
                }
            }
        }
        Set<String> users = new HashSet<>();
        for (int i = 0; i < site.users().size(); i++) {
            CentreUserConfig u = site.users().get(i);
            String at = "users[" + i + "]";
            unique(at + ".id", u.id(), users);
            named(at, u.name());
            if (!"duty".equals(u.role()) && !"viewer".equals(u.role())) {
                problems.add(at + ".role: '" + u.role() + "' is not a role: duty (may act) or viewer (reads only)");
            }
            scope(at + ".scope", u.scope(), streets, communities, compounds);
            var hash = PasswordHasher.parse(u.passwordHash());
            if (hash.isEmpty()) {
                problems.add(at + ".passwordHash: not a " + PasswordHasher.SCHEME
                        + "$<iterations>$<salt>$<hash> value: create one with 'linli hash-password'");
            } else if (hash.get().iterations() < PasswordHasher.MIN_ITERATIONS) {
                problems.add(at + ".passwordHash: " + hash.get().iterations() + " iterations, at least "
                        + PasswordHasher.MIN_ITERATIONS + " needed: create a new one with 'linli hash-password'");
            }
        }
        return problems;
    }

    private void broker(BrokerOptions b) {
        if (b == null || b.urls().isEmpty()) {
            problems.add("broker.urls: the broker nodes are needed (tcp://host:port or ssl://host:port, one per node)");
            return;
        }
        for (int i = 0; i < b.urls().size(); i++) {
            String u = b.urls().get(i);
            if (u == null || !u.matches("(tcp|ssl)://[^/\\s]+:\\d+")) {
                problems.add("broker.urls[" + i + "]: '" + u + "' is not tcp://host:port or ssl://host:port");
            }
        }
        if (b.passwordEnv() != null && env.apply(b.passwordEnv()) == null) {
            problems.add("broker.passwordEnv: the environment variable " + b.passwordEnv() + " is not set");
        }
        if (b.trustStore() != null && !java.nio.file.Files.isReadable(java.nio.file.Path.of(b.trustStore()))) {
            problems.add("broker.trustStore: cannot read " + b.trustStore());
        }
    }

    private void archive(ArchiveOptions a) {
        if (a == null) {
            return;
        }
        if (a.jdbcUrl() == null || !a.jdbcUrl().matches("jdbc:postgresql://\\S+")) {
            problems.add("archive.jdbcUrl: '" + a.jdbcUrl() + "' is not jdbc:postgresql://host:port/database");
        }
        if (a.user() == null || a.user().isBlank()) {
            problems.add("archive.user: the PostgreSQL user is needed");
        }
        if (a.passwordEnv() != null && env.apply(a.passwordEnv()) == null) {
            problems.add("archive.passwordEnv: the environment variable " + a.passwordEnv() + " is not set");
        }
        range("archive.poolSize", a.poolSize(), 1, 64);
    }

    private void scope(String at, ScopeConfig s, Set<String> streets, Set<String> communities, Set<String> compounds) {
        if (s == null) {
            problems.add(at + ": a scope is needed: {street: ID} | {community: ID} | {compound: ID}");
            return;
        }
        int given = (s.street() == null ? 0 : 1) + (s.community() == null ? 0 : 1) + (s.compound() == null ? 0 : 1);
        if (given != 1) {
            problems.add(at + ": exactly one of street, community, compound (" + given + " given)");
        } else if (s.street() != null && !streets.contains(s.street())) {
            problems.add(at + ".street: no street '" + s.street() + "' in streets:");
        } else if (s.community() != null && !communities.contains(s.community())) {
            problems.add(at + ".community: no community '" + s.community() + "' in streets:");
        } else if (s.compound() != null && !compounds.contains(s.compound())) {
            problems.add(at + ".compound: no compound '" + s.compound() + "' in streets:");
        }
    }

    private void robot(String at, DutyRobotConfig r) {
        if (r == null) {
            return;
        }
        if (!ROBOTS.contains(String.valueOf(r.type()))) {
            problems.add(at + ".type: '" + r.type() + "' is not wecom, dingtalk or webhook");
        }
        if (r.url() == null || !r.url().matches("https?://\\S+")) {
            problems.add(at + ".url: an http:// or https:// URL is needed");
        }
    }

    private void unique(String at, String id, Set<String> seen) {
        id(at, id);
        if (id != null && !seen.add(id)) {
            problems.add(at + ": '" + id + "' is used twice");
        }
    }

    private void id(String at, String id) {
        if (id == null || !LEVEL.matcher(id).matches()) {
            problems.add(at + ": '" + id + "' is not an id (1-64 of A-Z a-z 0-9 _ . -; it is a topic level)");
        }
    }

    private void named(String at, String name) {
        if (name == null || name.isBlank()) {
            problems.add(at + ".name: a name is needed (the console shows it)");
        }
    }

    private void range(String at, Integer v, int min, int max) {
        if (v != null && (v < min || v > max)) {
            problems.add(at + ": " + v + " is outside " + min + ".." + max);
        }
    }
}
