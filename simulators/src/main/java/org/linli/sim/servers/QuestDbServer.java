package org.linli.sim.servers;

import io.questdb.ServerMain;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * QuestDB embedded in this JVM: an in-process time-series server that accepts the InfluxDB v2 write API
 * ({@code /api/v2/write}) and answers SQL on {@code /exec}. Used by the demo (no external servers) and the tests.
 * Only the HTTP endpoint is opened, on loopback; its log goes to a file in its root, not to our console.
 */
public final class QuestDbServer implements AutoCloseable {
    private final Path root;
    private final int port;
    private final HttpClient http = HttpClient.newHttpClient();
    private ServerMain server;

    public QuestDbServer(Path root) {
        this(root, FreePort.pick());
    }

    public QuestDbServer(Path root, int port) {
        this.root = root;
        this.port = port;
    }

    public QuestDbServer start() {
        try {
            Path conf = Files.createDirectories(root.resolve("conf"));
            Files.writeString(conf.resolve("log.conf"), String.join("\n",
                    "writers=file",
                    "w.file.class=io.questdb.log.LogFileWriter",
                    "w.file.location=" + root.toAbsolutePath().resolve("questdb.log"),
                    "w.file.level=INFO,ERROR,CRITICAL,ADVISORY",
                    ""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.setProperty("out", root.toAbsolutePath().resolve("conf/log.conf").toString());
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("QDB_HTTP_BIND_TO", "127.0.0.1:" + port);
        env.put("QDB_HTTP_MIN_ENABLED", "false");
        env.put("QDB_PG_ENABLED", "false");
        env.put("QDB_LINE_TCP_ENABLED", "false");
        env.put("QDB_LINE_UDP_ENABLED", "false");
        env.put("QDB_TELEMETRY_ENABLED", "false");
        env.put("QDB_SHARED_WORKER_COUNT", "2");
        server = ServerMain.create(root.toAbsolutePath().toString(), env);
        server.start();
        server.awaitStartup();
        return this;
    }

    public int port() {
        return port;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Runs SQL and returns QuestDB's JSON answer ({@code columns}, {@code dataset}, {@code count}) or {@code error}. */
    public JsonObject query(String sql) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url() + "/exec?query="
                    + URLEncoder.encode(sql, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
            return new JsonObject(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code count()} of a table, or 0 while the table does not exist yet (rows appear after an async WAL apply). */
    public long count(String table, String where) {
        JsonObject r = query("select count() from '" + table + "'" + (where == null ? "" : " where " + where));
        JsonArray data = r.getJsonArray("dataset");
        return data == null || data.isEmpty() ? 0 : data.getJsonArray(0).getLong(0);
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
    }
}
