package org.linli.centre.http;

import io.vertx.core.MultiMap;
import org.linli.archive.query.ArchiveScope;
import org.linli.centre.config.CommunityConfig;
import org.linli.centre.config.StreetConfig;
import org.linli.centre.site.CompoundRef;
import org.linli.centre.site.Scope;
import org.linli.centre.site.Topology;

import java.util.Optional;

/**
 * Turns the archive routes' {@code street}, {@code community}, {@code compound}, {@code grid} parameters into an
 * {@link ArchiveScope} inside the user's own scope. The narrowest parameter given wins (grid needs its compound);
 * none given means the user's whole scope. A street, community or compound the site file does not have, or one the
 * user's scope does not cover, is answered as absent (empty: the route says 404). Stateless.
 */
final class ArchiveScopes {
    /** A community of the site file with its street. */
    record Community(String street, CommunityConfig config) {
    }

    private final Topology topology;

    ArchiveScopes(Topology topology) {
        this.topology = topology;
    }

    /** The scope asked for, or empty when it is unknown or outside {@code user}. */
    Optional<ArchiveScope> resolve(Scope user, MultiMap q) {
        String compound = blankToNull(q.get("compound"));
        String grid = blankToNull(q.get("grid"));
        String community = blankToNull(q.get("community"));
        String street = blankToNull(q.get("street"));
        if (compound != null) {
            Optional<CompoundRef> c = topology.compound(compound).filter(user::covers)
                    .filter(x -> community == null || x.community().equals(community))
                    .filter(x -> street == null || x.street().equals(street));
            return c.map(x -> grid == null ? ArchiveScope.compound(x.id()) : ArchiveScope.grid(x.id(), grid));
        }
        if (community != null) {
            return community(community).filter(cm -> covers(user, cm))
                    .filter(cm -> street == null || cm.street().equals(street))
                    .map(cm -> ArchiveScope.community(cm.config().id()));
        }
        if (street != null) {
            return user.level() == Scope.Level.STREET && user.id().equals(street)
                    ? Optional.of(ArchiveScope.street(street)) : Optional.empty();
        }
        return Optional.of(switch (user.level()) {
            case STREET -> ArchiveScope.street(user.id());
            case COMMUNITY -> ArchiveScope.community(user.id());
            case COMPOUND -> ArchiveScope.compound(user.id());
        });
    }

    /** A whole community is covered by its street's users and its own; a compound user sees only the compound. */
    static boolean covers(Scope user, Community cm) {
        return switch (user.level()) {
            case STREET -> cm.street().equals(user.id());
            case COMMUNITY -> cm.config().id().equals(user.id());
            case COMPOUND -> false;
        };
    }

    Optional<Community> community(String id) {
        for (StreetConfig s : topology.streets()) {
            for (CommunityConfig c : s.communities()) {
                if (c.id().equals(id)) {
                    return Optional.of(new Community(s.id(), c));
                }
            }
        }
        return Optional.empty();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
