package org.linli.gateway.pipeline;

import org.linli.drivers.model.DecodeFailure;
import org.linli.drivers.model.Decoded;
import org.linli.gateway.site.Device;

import java.util.List;

/**
 * One message after the part of the pipeline that may run on any thread ({@link Pipeline#prepare}): either its
 * device, decoded content and the telemetry lines (UTF-8) of its readings, or why it is rejected. The rest
 * ({@link Pipeline#apply}) runs on the event loop. Immutable.
 */
public record Prepared(IncomingMessage message, Device device, Decoded decoded, List<byte[]> readingLines,
                       DecodeFailure failure, String failureText) {

    static Prepared decoded(IncomingMessage msg, Device device, Decoded decoded, List<byte[]> readingLines) {
        return new Prepared(msg, device, decoded, readingLines, null, null);
    }

    static Prepared rejected(IncomingMessage msg, DecodeFailure failure, String text) {
        return new Prepared(msg, null, null, List.of(), failure, text);
    }

    public boolean isRejected() {
        return failure != null;
    }
}
