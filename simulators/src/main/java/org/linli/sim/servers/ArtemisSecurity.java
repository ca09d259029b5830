package org.linli.sim.servers;

import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.core.server.ActiveMQServer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The centre cluster's per-compound broker security (docs/CENTRE.md "Broker security"), generated from the list of
 * compounds: each compound's user has a role named after its compound id (plus the shared role {@code compound})
 * that may publish only under its own branch {@code linli.v1.{s}.{c}.{x}.#} and on {@code linli.v1.centre.replies.#},
 * and may subscribe only to its own {@code linli.v1.{s}.{c}.{x}.command}; role {@code centre} may do everything
 * under {@code linli.v1.#}.
 *
 * <p>Artemis applies only the most specific matching security setting to an address (settings are not merged), so
 * every per-compound setting repeats the centre's permissions. The same settings are produced three ways: applied to
 * a running embedded node ({@link #applyTo}), as the {@code <security-settings>} XML fragment the distribution's
 * broker.xml includes ({@link #xmlFragment}), and as the JAAS properties files ({@link #writeLogins}). Immutable.
 */
public final class ArtemisSecurity {
    public static final String CENTRE_ROLE = "centre";
    public static final String COMPOUND_ROLE = "compound";
    static final String REPLIES = "linli.v1.centre.replies.#";
    /** Artemis address wildcards and separators ('.', '*', '#') and MQTT's ('/', '+') cannot be in an id. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]+");

    /** One compound: its street, community and compound ids, each one topic level. */
    public record Compound(String street, String community, String compound) {
        public Compound {
            for (String id : List.of(street, community, compound)) {
                if (id == null || !ID.matcher(id).matches()) {
                    throw new IllegalArgumentException("id '" + id + "' must match " + ID.pattern());
                }
            }
        }

        /** The Artemis address prefix of this compound's branch: {@code linli.v1.s.c.x}. */
        public String address() {
            return "linli.v1." + street + "." + community + "." + compound;
        }
    }

    /** What one role may do on one match; the flags Artemis's {@link Role} takes. */
    private record Grant(String role, boolean send, boolean consume) {
        Role toRole() {
            // name, send, consume, createDurableQueue, deleteDurableQueue, createNonDurableQueue,
            // deleteNonDurableQueue, manage, browse, createAddress, deleteAddress
            return new Role(role, send, consume, consume, consume, consume, consume, false, consume, send || consume,
                    false);
        }
    }

    private final List<Compound> compounds;

    public ArtemisSecurity(List<Compound> compounds) {
        this.compounds = List.copyOf(compounds);
    }

    public List<Compound> compounds() {
        return compounds;
    }

    /** Match → roles, most general first: the settings the broker needs on top of broker.xml's. */
    public Map<String, Set<Role>> settings() {
        Map<String, List<Grant>> grants = new LinkedHashMap<>();
        grants.put("linli.v1.#", List.of(new Grant(CENTRE_ROLE, true, true)));
        grants.put(REPLIES, List.of(new Grant(CENTRE_ROLE, true, true), new Grant(COMPOUND_ROLE, true, false)));
        for (Compound x : compounds) {
            grants.put(x.address() + ".#", List.of(new Grant(CENTRE_ROLE, true, true),
                    new Grant(x.compound(), true, false)));
            // a subscription is a queue on the address: the compound needs consume and the queue permissions there
            grants.put(x.address() + ".command", List.of(new Grant(CENTRE_ROLE, true, true),
                    new Grant(x.compound(), false, true)));
        }
        Map<String, Set<Role>> settings = new LinkedHashMap<>();
        grants.forEach((match, list) -> {
            Set<Role> roles = new LinkedHashSet<>();
            list.forEach(g -> roles.add(g.toRole()));
            settings.put(match, roles);
        });
        return settings;
    }

    /** Adds the settings to a running node (before clients connect); replaces a setting of the same match. */
    public void applyTo(ActiveMQServer server) {
        settings().forEach((match, roles) -> server.getSecurityRepository().addMatch(match, roles));
    }

    /**
     * The settings as broker.xml's {@code <security-settings>} element, for the distribution: broker.xml includes
     * the file with {@code <xi:include href="..."/>} in place of its own element (docker/artemis/README.md).
     */
    public String xmlFragment() {
        StringBuilder xml = new StringBuilder("<security-settings xmlns=\"urn:activemq:core\">\n");
        settings().forEach((match, roles) -> {
            xml.append("  <security-setting match=\"").append(match).append("\">\n");
            for (String type : List.of("send", "consume", "createDurableQueue", "deleteDurableQueue",
                    "createNonDurableQueue", "deleteNonDurableQueue", "browse", "createAddress")) {
                List<String> names = roles.stream().filter(r -> allows(r, type)).map(Role::getName).toList();
                if (!names.isEmpty()) {
                    xml.append("    <permission type=\"").append(type).append("\" roles=\"")
                            .append(String.join(",", names)).append("\"/>\n");
                }
            }
            xml.append("  </security-setting>\n");
        });
        return xml.append("</security-settings>\n").toString();
    }

    private static boolean allows(Role r, String type) {
        return switch (type) {
            case "send" -> r.isSend();
            case "consume" -> r.isConsume();
            case "createDurableQueue" -> r.isCreateDurableQueue();
            case "deleteDurableQueue" -> r.isDeleteDurableQueue();
            case "createNonDurableQueue" -> r.isCreateNonDurableQueue();
            case "deleteNonDurableQueue" -> r.isDeleteNonDurableQueue();
            case "browse" -> r.isBrowse();
            case "createAddress" -> r.isCreateAddress();
            default -> false;
        };
    }

    /**
     * Writes {@code artemis-users.properties} and {@code artemis-roles.properties} into {@code dir}: one user per
     * compound (named after its id, password from {@code compoundPassword}) in its own role and role
     * {@code compound}, and the given centre users in role {@code centre}. Plain-text passwords: for tests and the
     * demo; production hashes them ({@code bin/artemis user add}).
     */
    public Path writeLogins(Path dir, Map<String, String> centreUsers, Function<Compound, String> compoundPassword)
            throws IOException {
        Files.createDirectories(dir);
        StringBuilder users = new StringBuilder();
        centreUsers.forEach((u, p) -> users.append(u).append('=').append(p).append('\n'));
        for (Compound x : compounds) {
            users.append(x.compound()).append('=').append(compoundPassword.apply(x)).append('\n');
        }
        Files.writeString(dir.resolve("artemis-users.properties"), users, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("artemis-roles.properties"), roles(new ArrayList<>(centreUsers.keySet())),
                StandardCharsets.UTF_8);
        return dir;
    }

    /**
     * Production generator: {@code ArtemisSecurity COMPOUNDS_FILE OUT_DIR [CENTRE_USER...]} reads "street community
     * compound" lines and writes {@code linli-security.xml} (the fragment broker.xml includes) and
     * {@code artemis-roles.properties} into OUT_DIR; users and their hashed passwords are added with the
     * distribution's {@code bin/artemis user add} (docker/artemis/README.md).
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: ArtemisSecurity COMPOUNDS_FILE OUT_DIR [CENTRE_USER...]");
            System.exit(2);
        }
        ArtemisSecurity security = readList(Path.of(args[0]));
        Path out = Files.createDirectories(Path.of(args[1]));
        Files.writeString(out.resolve("linli-security.xml"), security.xmlFragment(), StandardCharsets.UTF_8);
        Files.writeString(out.resolve("artemis-roles.properties"),
                security.roles(List.of(args).subList(2, args.length)), StandardCharsets.UTF_8);
        System.out.println("wrote " + out.resolve("linli-security.xml") + " and artemis-roles.properties for "
                + security.compounds.size() + " compounds");
    }

    /** The roles file: role = users; each compound's user (its id) in its own role and in role compound. */
    String roles(List<String> centreUsers) {
        StringBuilder roles = new StringBuilder();
        roles.append(CENTRE_ROLE).append('=').append(String.join(",", centreUsers)).append('\n');
        List<String> ids = new ArrayList<>();
        for (Compound x : compounds) {
            roles.append(x.compound()).append('=').append(x.compound()).append('\n');
            ids.add(x.compound());
        }
        return roles.append(COMPOUND_ROLE).append('=').append(String.join(",", ids)).append('\n').toString();
    }

    /** Writes the compound list, one "street community compound" per line, for a node in another JVM. */
    public void writeList(Path file) throws IOException {
        StringBuilder s = new StringBuilder();
        compounds.forEach(x -> s.append(x.street()).append(' ').append(x.community()).append(' ')
                .append(x.compound()).append('\n'));
        Files.writeString(file, s, StandardCharsets.UTF_8);
    }

    /** Reads what {@link #writeList} wrote. */
    public static ArtemisSecurity readList(Path file) throws IOException {
        List<Compound> list = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] f = line.trim().split(" ");
            if (f.length == 3) {
                list.add(new Compound(f[0], f[1], f[2]));
            }
        }
        return new ArtemisSecurity(list);
    }
}
