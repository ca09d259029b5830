package org.linli.gateway.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * HTTP/1.1 over a plain socket, for what java.net.http cannot do on Java 17: send from a chosen loopback address
 * (Linux routes all of 127.0.0.0/8 to lo), declare a length it never sends, and see whether the server closes the
 * connection. One request per connection.
 */
final class RawHttp {
    /** An answer; {@code closedByServer} is true when the server closed the connection after it. */
    record Answer(int status, Map<String, String> headers, String body, boolean closedByServer) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final int port;

    RawHttp(int port) {
        this.port = port;
    }

    /** Sends {@code head} (request line and headers, without the blank line) and {@code body}, from {@code from}. */
    Answer send(String from, String head, byte[] body) throws IOException {
        try (Socket s = connect(from)) {
            OutputStream out = s.getOutputStream();
            out.write((head + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            try {
                out.write(body);
                out.flush();
            } catch (IOException e) {
                // the server may answer and close before the whole body is written: read what it said
            }
            return read(s.getInputStream());
        }
    }

    /** A JSON POST with {@code Connection: close}; {@code extraHeaders} are added as given ("Name: value\r\n"...). */
    Answer postJson(String from, String path, String json, String extraHeaders) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return send(from, "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                + "Content-Type: application/json\r\n" + extraHeaders + "Content-Length: " + body.length, body);
    }

    Socket connect(String from) throws IOException {
        Socket s = new Socket();
        s.bind(new InetSocketAddress(from, 0));
        s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        s.setSoTimeout(15_000);
        return s;
    }

    /** Reads one answer (Content-Length framed), then waits up to the socket timeout to see the connection close. */
    static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int last4 = 0;
        while (last4 != 0x0d0a0d0a) {   // the blank line after the headers
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed before a full answer: " + head);
            }
            head.write(b);
            last4 = (last4 << 8) | b;
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new TreeMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
        }
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        byte[] body = in.readNBytes(length);
        boolean closed;
        try {
            closed = in.read() < 0;
        } catch (SocketTimeoutException e) {
            closed = false;
        } catch (IOException e) {
            closed = true;   // reset by the server
        }
        return new Answer(status, headers, new String(body, StandardCharsets.UTF_8), closed);
    }
}
