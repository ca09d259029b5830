package org.linli.gateway.source;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.linli.gateway.site.Device;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The gateway's sources, in registration order: what {@code Gateway} starts, stops and reports, what readiness,
 * {@code linli_source_state} and parent suppression read, without knowing any transport. Event-loop confined.
 */
public final class Sources {
    private static final Logger LOG = LoggerFactory.getLogger(Sources.class);

    private final List<Source> sources = new ArrayList<>();
    private final Map<String, SourceState> logged = new HashMap<>();

    /** Adds a source; names are unique, since they key /api/status, readiness and the metrics label. */
    public Sources add(Source source) {
        if (find(source.name()).isPresent()) {
            throw new IllegalArgumentException("a source named " + source.name() + " is already registered");
        }
        sources.add(source);
        return this;
    }

    public List<Source> all() {
        return List.copyOf(sources);
    }

    public Optional<Source> find(String name) {
        return sources.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /**
     * Starts every source; completes when each has started or failed. A source that cannot start is logged and
     * reports DOWN with the reason; the gateway goes on with the others (each source retries its peers on its own).
     */
    public Future<Void> startAll() {
        List<Future<Void>> started = new ArrayList<>();
        for (Source s : sources) {
            started.add(s.start().recover(e -> {
                LOG.error("source {} could not start: {}", s.name(), e.toString());
                return Future.succeededFuture();
            }));
        }
        return Future.join(started).mapEmpty();
    }

    /** Stops every source at once (each releases its own threads); completes when all have stopped or failed to. */
    public Future<Void> stopAll() {
        List<Future<Void>> stopped = new ArrayList<>();
        for (Source s : sources) {
            stopped.add(s.stop().recover(e -> {
                LOG.warn("source {} did not stop cleanly: {}", s.name(), e.toString());
                return Future.succeededFuture();
            }));
        }
        return Future.join(stopped).mapEmpty();
    }

    /**
     * Whether the connection {@code device} reports through is up: asked of the first source that is its parent.
     * A device no source claims (a camera, which is its own connection) counts as having its parent up.
     */
    public boolean isParentUp(Device device) {
        for (Source s : sources) {
            if (s.isParentOf(device)) {
                return s.isParentUp(device);
            }
        }
        return true;
    }

    /** {@code {name: {state, reason, since}}} for every source: the {@code sources} block of /api/status. */
    public JsonObject statusJson() {
        JsonObject out = new JsonObject();
        sources.forEach(s -> out.put(s.name(), s.status().toJson()));
        return out;
    }

    /** Logs each source's state change once (called periodically; also refreshes each source's {@code since}). */
    public void watch() {
        for (Source s : sources) {
            SourceStatus now = s.status();
            SourceState before = logged.put(s.name(), now.state());
            if (before != null && before != now.state()) {
                if (now.state() == SourceState.UP || now.state() == SourceState.STOPPED) {
                    LOG.info("source {}: {} -> {} {}", s.name(), before, now.state(), now.reason());
                } else {
                    LOG.warn("source {}: {} -> {} ({})", s.name(), before, now.state(), now.reason());
                }
            }
        }
    }
}
