package org.linli.gateway.notify;

import io.vertx.core.Future;

/** Somewhere a notice can be delivered. One attempt per call; retries, limits and fallback are the dispatcher's. */
interface Channel {
    String id();

    String type();

    /** Largest message body the receiver accepts, in UTF-8 bytes (digests are cut to fit whole lines). */
    int maxMessageBytes();

    /** Makes one attempt; the future always succeeds with a typed result (failures are results, not exceptions). */
    Future<DeliveryResult> send(Notice notice);
}
