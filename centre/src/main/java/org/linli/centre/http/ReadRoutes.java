package org.linli.centre.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.linli.centre.config.CommunityConfig;
import org.linli.centre.config.CompoundConfig;
import org.linli.centre.config.StreetConfig;
import org.linli.centre.picture.Picture;
import org.linli.centre.site.CompoundRef;
import org.linli.centre.site.Scope;
import org.linli.centre.site.Topology;

import java.util.Objects;
import java.util.function.Predicate;

/**
 * The read side of the centre API (contract): {@code GET /api/tree}, {@code /api/alerts}, {@code /api/compounds/{id}},
 * each cut to the user's scope; a compound or alert out of scope answers exactly as an absent one (404).
 * Event loop.
 */
final class ReadRoutes {
    private final Topology topology;
    private final Picture picture;

    ReadRoutes(Topology topology, Picture picture) {
        this.topology = topology;
        this.picture = picture;
    }

    void mount(Router router) {
        router.get("/api/tree").handler(this::tree);
        router.get("/api/alerts").handler(this::alerts);
        router.get("/api/compounds/:id").handler(this::compound);
    }

    private void tree(RoutingContext ctx) {
        Scope scope = CentreAuth.user(ctx).scope();
        JsonArray streets = new JsonArray();
        for (StreetConfig s : topology.streets()) {
            JsonArray communities = new JsonArray();
            for (CommunityConfig cm : s.communities()) {
                JsonArray compounds = new JsonArray();
                for (CompoundConfig x : cm.compounds()) {
                    CompoundRef c = topology.compound(x.id()).orElseThrow();
                    if (scope.covers(c)) {
                        compounds.add(picture.health(c.id()).orElseThrow());
                    }
                }
                if (!compounds.isEmpty()) {
                    communities.add(new JsonObject().put("id", cm.id()).put("name", cm.name())
                            .put("compounds", compounds));
                }
            }
            if (!communities.isEmpty()) {
                streets.add(new JsonObject().put("id", s.id()).put("name", s.name()).put("communities", communities));
            }
        }
        Json.ok(ctx, new JsonObject().put("streets", streets));
    }

    private void alerts(RoutingContext ctx) {
        Scope scope = CentreAuth.user(ctx).scope();
        var q = ctx.queryParams();
        boolean all = "all".equals(q.get("state"));
        Predicate<JsonObject> filter = a -> inScope(scope, a)
                && matches(q.get("street"), a.getValue("street"))
                && matches(q.get("community"), a.getValue("community"))
                && matches(q.get("compound"), a.getValue("compoundId")) && matches(q.get("grid"), a.getValue("grid"))
                && (all || Picture.isOpen(a));
        Json.ok(ctx, new JsonObject().put("alerts", new JsonArray(picture.alerts(filter))));
    }

    private void compound(RoutingContext ctx) {
        Scope scope = CentreAuth.user(ctx).scope();
        CompoundRef c = topology.compound(ctx.pathParam("id")).filter(scope::covers).orElse(null);
        if (c == null) {
            Json.error(ctx, 404, "no such compound");
            return;
        }
        Json.ok(ctx, picture.health(c.id()).orElseThrow().put("summary", picture.summary(c.id())));
    }

    boolean inScope(Scope scope, JsonObject alert) {
        return topology.compound(alert.getString("compoundId")).map(scope::covers).orElse(false);
    }

    private static boolean matches(String wanted, Object value) {
        return wanted == null || wanted.isEmpty() || Objects.equals(wanted, value);
    }
}
