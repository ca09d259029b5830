package org.linli.centre.site;

import org.linli.centre.config.CentreSiteFile;
import org.linli.centre.config.CentreUserConfig;
import org.linli.centre.config.CommunityConfig;
import org.linli.centre.config.CompoundConfig;
import org.linli.centre.config.DutyRobotConfig;
import org.linli.centre.config.StreetConfig;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The street → community → compound tree of a checked site file, indexed for lookups by id, and its users with their
 * scopes resolved. Immutable; any thread.
 */
public final class Topology {
    private final List<StreetConfig> streets;
    private final Map<String, CompoundRef> compounds = new LinkedHashMap<>();
    private final Map<String, StreetConfig> streetById = new LinkedHashMap<>();
    private final Map<String, CommunityConfig> communityById = new LinkedHashMap<>();
    private final Map<String, String> streetOfCommunity = new LinkedHashMap<>();
    private final Map<String, CentreUser> users = new LinkedHashMap<>();

    public Topology(CentreSiteFile site) {
        this.streets = site.streets();
        for (StreetConfig s : streets) {
            streetById.put(s.id(), s);
            for (CommunityConfig c : s.communities()) {
                communityById.put(c.id(), c);
                streetOfCommunity.put(c.id(), s.id());
                for (CompoundConfig x : c.compounds()) {
                    compounds.put(x.id(), new CompoundRef(x.id(), x.name(), s.id(), s.name(), c.id(), c.name()));
                }
            }
        }
        for (CentreUserConfig u : site.users()) {
            users.put(u.id(), new CentreUser(u.id(), u.name(), "duty".equals(u.role()), scopeOf(u), u.passwordHash()));
        }
    }

    private Scope scopeOf(CentreUserConfig u) {
        var s = u.scope();
        if (s.compound() != null) {
            CompoundRef c = compounds.get(s.compound());
            return new Scope(Scope.Level.COMPOUND, c.id(), c.street(), c.community(), c.id());
        }
        if (s.community() != null) {
            return new Scope(Scope.Level.COMMUNITY, s.community(), streetOfCommunity.get(s.community()), s.community(),
                    null);
        }
        return new Scope(Scope.Level.STREET, s.street(), s.street(), null, null);
    }

    public List<StreetConfig> streets() {
        return streets;
    }

    public Optional<CompoundRef> compound(String id) {
        return Optional.ofNullable(id == null ? null : compounds.get(id));
    }

    public Collection<CompoundRef> compounds() {
        return compounds.values();
    }

    public Optional<CentreUser> user(String id) {
        return Optional.ofNullable(users.get(id));
    }

    public Collection<CentreUser> users() {
        return users.values();
    }

    public Optional<DutyRobotConfig> dutyRobot(String street) {
        return Optional.ofNullable(streetById.get(street)).map(StreetConfig::dutyRobot);
    }

    public List<String> streetIds() {
        return new ArrayList<>(streetById.keySet());
    }
}
