package org.linli.gateway.timeseries;

import com.influxdb.client.InfluxDBClient;
import com.influxdb.client.InfluxDBClientFactory;
import com.influxdb.client.InfluxDBClientOptions;
import com.influxdb.client.domain.WritePrecision;
import com.influxdb.exceptions.InfluxException;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.RequestBody;
import retrofit2.Call;
import retrofit2.Response;
import retrofit2.http.Body;
import retrofit2.http.Header;
import retrofit2.http.POST;
import retrofit2.http.Query;

import javax.net.SocketFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One blocking write of a batch of line-protocol points to the InfluxDB v2 write API, through influxdb-client-java's
 * HTTP stack: its Retrofit service (the token, the error body and status as an {@link InfluxException}) over OkHttp.
 * The body is the lines' UTF-8 bytes as the disk queue holds them, joined by newlines: the client's write API takes
 * strings, and decoding each line to text, joining and encoding the batch again cost ~12 % of a drain's allocation
 * (BENCHMARKS, issue 15). Same request as that API: {@code POST /api/v2/write?org=&bucket=&precision=ms},
 * {@code text/plain; charset=utf-8}, empty lines left out, no request when nothing is left. Blocking on purpose: it
 * runs on a worker thread, and the answer must be known before the batch may leave the buffer. TCP_NODELAY is set
 * because with Nagle's algorithm each batch waits ~40 ms for a delayed ACK (TOOLING.md).
 */
public final class InfluxLineWriter implements BatchWriter, AutoCloseable {
    private static final MediaType LINE_PROTOCOL = MediaType.get("text/plain; charset=utf-8");
    private static final String PRECISION = WritePrecision.MS.toString();

    private final InfluxDBClient client;
    private final LineProtocolWrites service;
    private final String bucket;
    private final String org;

    /** The v2 write endpoint with a body of bytes (the client's own {@code WriteService} takes it as a string). */
    interface LineProtocolWrites {
        @POST("api/v2/write")
        Call<Void> write(@Query("org") String org, @Query("bucket") String bucket, @Query("precision") String precision,
                         @Header("Accept") String accept, @Body RequestBody lines);
    }

    public InfluxLineWriter(String url, String org, String bucket, char[] token, Duration timeout) {
        OkHttpClient.Builder http = new OkHttpClient.Builder()
                .socketFactory(new NoDelaySocketFactory())
                .connectTimeout(timeout)
                .readTimeout(timeout)
                .writeTimeout(timeout)
                .retryOnConnectionFailure(false);
        InfluxDBClientOptions options = InfluxDBClientOptions.builder()
                .url(url).org(org).bucket(bucket).authenticateToken(token)
                .precision(WritePrecision.MS)
                .okHttpClient(http)
                .build();
        this.client = InfluxDBClientFactory.create(options);
        this.service = client.getService(LineProtocolWrites.class);
        this.bucket = bucket;
        this.org = org;
    }

    /** Writes the batch and classifies the answer. Never throws. */
    @Override
    public WriteOutcome write(List<String> lines) {
        List<byte[]> utf8 = new ArrayList<>(lines.size());
        for (String line : lines) {
            if (line != null) {
                utf8.add(line.getBytes(StandardCharsets.UTF_8));
            }
        }
        return writeUtf8(utf8);
    }

    /** Writes the batch of UTF-8 lines and classifies the answer. Never throws. */
    @Override
    public WriteOutcome writeUtf8(List<byte[]> lines) {
        byte[] body = joined(lines);
        if (body.length == 0) {
            return new WriteOutcome.Accepted();
        }
        try {
            Response<Void> answer = service.write(org, bucket, PRECISION, "application/json",
                    RequestBody.create(body, LINE_PROTOCOL)).execute();
            return answer.isSuccessful() ? new WriteOutcome.Accepted()
                    : WriteOutcomeClassifier.classify(new InfluxException(answer));
        } catch (IOException | RuntimeException e) {
            return WriteOutcomeClassifier.classify(e);   // no answer: refused, reset, timed out
        }
    }

    /** The non-empty lines, each followed by a newline but the last. */
    static byte[] joined(List<byte[]> lines) {
        int size = 0;
        for (byte[] line : lines) {
            size += line.length == 0 ? 0 : line.length + 1;
        }
        byte[] body = new byte[Math.max(0, size - 1)];
        int at = 0;
        for (byte[] line : lines) {
            if (line.length == 0) {
                continue;
            }
            if (at > 0) {
                body[at++] = '\n';
            }
            System.arraycopy(line, 0, body, at, line.length);
            at += line.length;
        }
        return body;
    }

    @Override
    public void close() {
        client.close();
    }

    /** Plain sockets with TCP_NODELAY on. */
    static final class NoDelaySocketFactory extends SocketFactory {
        private final SocketFactory plain = SocketFactory.getDefault();

        @Override
        public Socket createSocket() throws IOException {
            return noDelay(plain.createSocket());
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return noDelay(plain.createSocket(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return noDelay(plain.createSocket(host, port, localHost, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return noDelay(plain.createSocket(host, port));
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            return noDelay(plain.createSocket(address, port, localAddress, localPort));
        }

        private static Socket noDelay(Socket s) throws IOException {
            s.setTcpNoDelay(true);
            return s;
        }
    }
}
