package org.linli.gateway.notify;

import io.vertx.core.Future;
import org.linli.gateway.security.Redaction;

/**
 * Wraps a channel so that what its attempts report never carries a secret: a receiver or a proxy in between may
 * answer with an error page that echoes the request URL (the robot's key or access_token in it), and that text goes
 * into the delivery log, the status and log lines.
 */
final class SecretScrubbingChannel implements Channel {
    private final Channel channel;
    private final Redaction redaction;

    SecretScrubbingChannel(Channel channel, Redaction redaction) {
        this.channel = channel;
        this.redaction = redaction;
    }

    @Override
    public String id() {
        return channel.id();
    }

    @Override
    public String type() {
        return channel.type();
    }

    @Override
    public int maxMessageBytes() {
        return channel.maxMessageBytes();
    }

    @Override
    public Future<DeliveryResult> send(Notice notice) {
        return channel.send(notice).map(r -> new DeliveryResult(r.outcome(), r.httpStatus(), r.errcode(),
                redaction.scrub(r.message()), r.pause()));
    }
}
