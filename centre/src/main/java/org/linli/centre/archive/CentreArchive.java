package org.linli.centre.archive;

import io.vertx.core.json.JsonObject;
import org.linli.centre.CentreMeters;
import org.linli.centre.config.ArchiveOptions;
import org.linli.centre.site.Topology;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The alert archive as one replica uses it (docs/CENTRE.md "The alert archive"): the connection (opened in the
 * background), the feed of alert versions from the shared subscription, the recorder of dark periods, and their
 * state for {@code /health/ready} and {@code /metrics}. The archive is {@code degraded} while the database has not
 * been opened, while a dark period fails to be written, or while an alert version has waited longer than
 * {@link #DEGRADED_AFTER} for its commit: the centre keeps serving its live picture meanwhile. Any thread.
 */
public final class CentreArchive implements AutoCloseable {
    static final Duration DEGRADED_AFTER = Duration.ofSeconds(10);

    private final ArchiveConnection connection;
    private final ArchiveFeed feed;
    private final ReachabilityRecorder reachability;

    private CentreArchive(ArchiveConnection connection, ArchiveFeed feed, ReachabilityRecorder reachability) {
        this.connection = connection;
        this.feed = feed;
        this.reachability = reachability;
    }

    /** Starts opening the database; registers the archive's gauges. */
    public static CentreArchive start(ArchiveOptions options, String password, Topology topology, CentreMeters meters,
                                      int maxPayloadBytes) {
        ArchiveConnection connection = new ArchiveConnection(options, password);
        CentreArchive a = new CentreArchive(connection, new ArchiveFeed(connection, topology, meters, maxPayloadBytes),
                new ReachabilityRecorder(connection, meters, Clock.systemUTC()));
        meters.gauge("linli_centre_archive_backlog", "alert versions waiting for their archive commit",
                () -> a.feed.backlog());
        meters.gauge("linli_centre_archive_oldest_wait_seconds", "how long the oldest waiting version has waited",
                () -> a.feed.oldestWait().toMillis() / 1000.0);
        meters.gauge("linli_centre_archive_reachability_backlog", "dark-period transitions not recorded yet",
                () -> a.reachability.backlog());
        meters.gauge("linli_centre_archive_open", "1 once the archive database is open", () -> a.isOpen() ? 1 : 0);
        connection.start();
        return a;
    }

    public ArchiveFeed feed() {
        return feed;
    }

    public ReachabilityRecorder reachability() {
        return reachability;
    }

    /** The open archive (its query objects), or empty while the database has not been reached. */
    public Optional<ArchiveConnection.Opened> opened() {
        return connection.now();
    }

    public boolean isOpen() {
        return connection.now().isPresent();
    }

    /** {@code ok} or {@code degraded} with the reason, the backlog and the oldest wait. */
    public JsonObject health() {
        String reason = null;
        if (!isOpen()) {
            reason = "archive database not open: " + connection.lastError();
        } else if (reachability.failing()) {
            reason = "dark periods are not being written";
        } else if (feed.oldestWait().compareTo(DEGRADED_AFTER) > 0) {
            reason = "alert versions wait more than " + DEGRADED_AFTER.toSeconds() + " s for the archive";
        }
        return new JsonObject().put("state", reason == null ? "ok" : "degraded").put("reason", reason)
                .put("backlog", feed.backlog()).put("oldestWaitSeconds", feed.oldestWait().toMillis() / 1000.0)
                .put("reachabilityBacklog", reachability.backlog());
    }

    /** Stops recording; lets the writer commit what it holds (up to 10 s), then closes the pool. */
    @Override
    public void close() throws InterruptedException {
        reachability.close();
        connection.close();
    }
}
