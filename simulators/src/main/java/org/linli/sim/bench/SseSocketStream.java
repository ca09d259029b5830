package org.linli.sim.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A Server-Sent Events stream read over a plain socket by one thread of its own, line by line, each line handed over
 * with the monotonic time it was complete. The alert-latency benchmark reads the gateway's alert stream with it: the
 * JDK's HTTP client passes a response body through its selector thread and its executor before a reading thread sees
 * it, and on a saturated 2-core box each of those hand-offs waits for a core; one thread is what any client has.
 * HTTP/1.1 GET, a 200 answer, a chunked or close-delimited body; nothing else of HTTP is needed here.
 */
final class SseSocketStream implements AutoCloseable {

    /** Called on the stream's thread for each line of the body (without its line end). */
    interface LineListener {
        void line(String line, long nanoTime);
    }

    private final Socket socket;
    private final InputStream in;
    private boolean chunked;

    /** Connects, sends the request and reads the answer's head; fails unless the answer is 200. */
    SseSocketStream(URI url) throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(url.getHost(), url.getPort()), 10_000);
        OutputStream out = socket.getOutputStream();
        out.write(("GET " + url.getRawPath() + " HTTP/1.1\r\nHost: " + url.getHost() + ":" + url.getPort()
                + "\r\nAccept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
        String status = asciiLine(in);
        if (!status.startsWith("HTTP/1.1 200")) {
            socket.close();
            throw new IOException("alert stream answered " + status);
        }
        for (String h = asciiLine(in); !h.isEmpty(); h = asciiLine(in)) {
            if (h.toLowerCase(Locale.ROOT).replace(" ", "").equals("transfer-encoding:chunked")) {
                chunked = true;
            }
        }
    }

    /** Reads until the stream ends or is closed, on a daemon thread named {@code name}. */
    void readOn(String name, LineListener listener) {
        Thread t = new Thread(() -> {
            try {
                read(listener);
            } catch (IOException closed) {
                // the stream was closed at the end of the run
            }
        }, name);
        t.setDaemon(true);
        t.start();
    }

    private void read(LineListener listener) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(4096);
        while (true) {
            long left = chunked ? Long.parseLong(asciiLine(in).split(";", 2)[0].trim(), 16) : Long.MAX_VALUE;
            if (left == 0) {
                return;                                      // the last chunk: the server ended the stream
            }
            for (; left > 0; left--) {
                int b = in.read();
                if (b < 0) {
                    if (chunked) {
                        throw new EOFException("the alert stream ended inside a chunk");
                    }
                    return;
                }
                if (b == '\n') {
                    int n = line.size();
                    byte[] bytes = line.toByteArray();
                    listener.line(new String(bytes, 0, n > 0 && bytes[n - 1] == '\r' ? n - 1 : n,
                            StandardCharsets.UTF_8), System.nanoTime());
                    line.reset();
                } else {
                    line.write(b);
                }
            }
            if (chunked) {
                asciiLine(in);                               // the CRLF after each chunk's data
            }
        }
    }

    private static String asciiLine(InputStream in) throws IOException {
        StringBuilder s = new StringBuilder();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new EOFException("the alert stream ended");
            }
            if (b != '\r') {
                s.append((char) b);
            }
        }
        return s.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
