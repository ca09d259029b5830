package org.linli.gateway.timeseries;

import com.influxdb.client.InfluxDBClient;
import com.influxdb.client.InfluxDBClientFactory;
import com.influxdb.client.InfluxDBClientOptions;
import com.influxdb.client.WriteApiBlocking;
import com.influxdb.client.domain.WritePrecision;
import okhttp3.OkHttpClient;

import javax.net.SocketFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;

/**
 * One blocking write of a batch of line-protocol points through influxdb-client-java's v2 write API. Blocking on
 * purpose: it runs on a worker thread, and the answer must be known before the batch may leave the buffer.
 * TCP_NODELAY is set because with Nagle's algorithm each batch waits ~40 ms for a delayed ACK (TOOLING.md).
 */
public final class InfluxLineWriter implements AutoCloseable {
    private final InfluxDBClient client;
    private final WriteApiBlocking api;
    private final String bucket;
    private final String org;

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
        this.api = client.getWriteApiBlocking();
        this.bucket = bucket;
        this.org = org;
    }

    /** Writes the batch and classifies the answer. Never throws. */
    public WriteOutcome write(List<String> lines) {
        try {
            api.writeRecords(bucket, org, WritePrecision.MS, lines);
            return new WriteOutcome.Accepted();
        } catch (RuntimeException e) {
            return WriteOutcomeClassifier.classify(e);
        }
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
