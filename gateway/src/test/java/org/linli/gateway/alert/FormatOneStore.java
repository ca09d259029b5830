package org.linli.gateway.alert;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * An alert store as the gateway wrote it before the versioned format: {@code alert-store/format1-alerts.sql}, dumped
 * from what commit df86acf's SqliteAlertStore wrote (four alerts: an escalated gas alarm still OPEN, a CLOSED smoke
 * alarm, a bus outage ON_SITE, a DISMISSED bus outage with no building), replayed into {@code <dataDir>/alerts/alerts.db},
 * plus rows added with that code's INSERT.
 */
final class FormatOneStore {
    static final String GAS = "A1-mwr6vy80";
    static final String FIRE = "A2-mwr6w9so";
    static final String BUS = "A3-mwr71ezc";
    static final String CABINET = "A4-mwr71ezc";

    private FormatOneStore() {
    }

    /** Writes the frozen format-1 store into {@code dataDir}. */
    static Path write(Path dataDir) throws IOException, SQLException {
        Path db = dataDir.resolve("alerts").resolve("alerts.db");
        Files.createDirectories(db.getParent());
        String sql;
        try (InputStream in = FormatOneStore.class.getResourceAsStream("/alert-store/format1-alerts.sql")) {
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            for (String line : sql.split("\n")) {   // sqlite3 .dump: one statement per line
                if (!line.isBlank() && !line.startsWith("--")) {
                    s.execute(line);
                }
            }
        }
        return db;
    }

    /** Adds a row as df86acf's {@code save} did, with whatever JSON and state text the test gives. */
    static void addRow(Path dataDir, String id, String key, String state, String json) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("alerts").resolve("alerts.db"));
             PreparedStatement p = c.prepareStatement("INSERT INTO alerts (id, alert_key, key_open, state, version, "
                     + "accept_by, json) VALUES (?,?,?,?,?,?,?)")) {
            p.setString(1, id);
            p.setString(2, key);
            p.setInt(3, 1);
            p.setString(4, state);
            p.setLong(5, 1);
            p.setString(6, null);
            p.setString(7, json);
            p.executeUpdate();
        }
    }
}
