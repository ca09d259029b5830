package org.linli.gateway.queue;

import java.nio.file.Path;

/** The queue's resolved settings (from the {@code queue:} config section, with defaults applied). */
public record QueueSettings(Path dir, long maxBytes, long segmentBytes, int fsyncEveryMs) {
}
