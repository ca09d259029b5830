package org.linli.gateway;

import io.vertx.core.Context;
import io.vertx.core.Future;
import org.linli.gateway.auth.SessionFile;
import org.linli.gateway.pipeline.DeviceActivity;
import org.linli.gateway.pipeline.DeviceLastSeenFile;

import java.nio.file.Path;

/**
 * The two files under {@code <dataDir>/console} that let the consoles survive a restart (docs/CONSOLE.md): the
 * sessions ({@link SessionFile}, handed to the console's auth) and the devices' last-seen times
 * ({@link DeviceLastSeenFile}, saved once a minute and at stop). Opened and closed on the gateway's context.
 */
final class ConsoleFiles {
    /** How often the devices' changed last-seen times are written (one transaction each time). */
    static final long LAST_SEEN_SAVE_MS = 60_000;

    private final SessionFile sessions;
    private final DeviceLastSeenFile lastSeen;

    private ConsoleFiles(SessionFile sessions, DeviceLastSeenFile lastSeen) {
        this.sessions = sessions;
        this.lastSeen = lastSeen;
    }

    static Future<ConsoleFiles> open(Path dataDir, Context context) {
        return Future.fromCompletionStage(SessionFile.open(dataDir), context)
                .compose(s -> Future.fromCompletionStage(DeviceLastSeenFile.open(dataDir), context)
                        .map(l -> new ConsoleFiles(s, l))
                        .onFailure(e -> s.close()));
    }

    SessionFile sessions() {
        return sessions;
    }

    /** Puts back the last-seen times read at start. */
    void restore(DeviceActivity activity) {
        activity.restore(lastSeen.stored());
    }

    /** Writes the last-seen times changed since the last save. */
    void save(DeviceActivity activity) {
        lastSeen.save(activity.takeChanged());
    }

    /**
     * Saves what is left (when the pipeline was built) and closes both files; the session file only when the console
     * never took it over ({@code consoleOwnsSessions}: the HTTP server closes it with itself).
     */
    Future<Void> close(DeviceActivity activity, boolean consoleOwnsSessions, Context context) {
        if (!consoleOwnsSessions) {
            sessions.close();
        }
        if (activity != null) {
            save(activity);
        }
        return Future.fromCompletionStage(lastSeen.close(), context);
    }
}
