package org.linli.gateway.rules;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.linli.gateway.site.Device;
import org.linli.gateway.source.Source;
import org.linli.gateway.source.SourceState;
import org.linli.gateway.source.SourceStatus;

import java.time.Instant;
import java.util.function.BooleanSupplier;

/** A source that is the parent of every device of one transport, up while {@code up} says so: for the rule tests. */
final class ParentSource implements Source {
    private final String transport;
    private final BooleanSupplier up;

    ParentSource(String transport, BooleanSupplier up) {
        this.transport = transport;
        this.up = up;
    }

    @Override
    public String name() {
        return transport;
    }

    @Override
    public Future<Void> start() {
        return Future.succeededFuture();
    }

    @Override
    public Future<Void> stop() {
        return Future.succeededFuture();
    }

    @Override
    public SourceStatus status() {
        return new SourceStatus(up.getAsBoolean() ? SourceState.UP : SourceState.DOWN, "", Instant.EPOCH);
    }

    @Override
    public boolean isParentOf(Device device) {
        return transport.equals(device.transport());
    }

    @Override
    public boolean isParentUp(Device device) {
        return up.getAsBoolean();
    }

    @Override
    public Object details() {
        return new JsonObject();
    }
}
