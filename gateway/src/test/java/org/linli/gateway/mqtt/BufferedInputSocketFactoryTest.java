package org.linli.gateway.mqtt;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.linli.gateway.config.MqttOptions;

import javax.net.ssl.SSLSocketFactory;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The MQTT sockets with buffered input, over a real loopback TCP connection, used as Paho uses them: created
 * unconnected, connected, a one-second read time-out that Paho's receiver meets whenever the broker is quiet, header
 * bytes read one at a time and bodies in bulk.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class BufferedInputSocketFactoryTest {

    @Test
    @DisplayName("bytes arrive whole and in order, one at a time and in bulk, across the buffer's size and across read time-outs")
    void bytesSurviveTimeouts() throws Exception {
        byte[] body = new byte[3 * BufferedInputSocketFactory.BUFFER_BYTES + 17];
        new Random(15).nextBytes(body);
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Socket client = new BufferedInputSocketFactory().createSocket()) {
            client.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()), 5000);
            client.setSoTimeout(200);
            try (Socket peer = server.accept()) {
                OutputStream out = peer.getOutputStream();
                DataInputStream in = new DataInputStream(client.getInputStream());

                // GIVEN a header and a body larger than the buffer, sent at once
                out.write(new byte[]{0x30, 0x7f});
                out.write(body);
                out.flush();
                // THEN the header reads byte by byte and the body in bulk, unchanged
                assertEquals(0x30, in.readByte());
                assertEquals(0x7f, in.readByte());
                byte[] read = new byte[body.length];
                in.readFully(read);
                assertArrayEquals(body, read);

                // WHEN nothing more comes for longer than the read time-out
                assertThrows(SocketTimeoutException.class, in::readByte);
                // THEN the next bytes sent are read after it, none lost and none repeated
                out.write(new byte[]{1, 2, 3});
                out.flush();
                assertEquals(1, in.readByte());
                assertEquals(2, in.readByte());
                assertEquals(3, in.readByte());
                assertThrows(SocketTimeoutException.class, in::readByte);
            }
        }
    }

    @Test
    @DisplayName("the socket hands out one buffered stream, however often asked")
    void oneBufferedStream() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Socket client = new BufferedInputSocketFactory().createSocket(InetAddress.getLoopbackAddress(), server.getLocalPort());
             Socket peer = server.accept()) {
            assertInstanceOf(BufferedInputStream.class, client.getInputStream());
            assertSame(client.getInputStream(), client.getInputStream());
        }
    }

    @Test
    @DisplayName("tcp:// brokers get the buffered sockets, a configured TLS factory is kept, WebSocket brokers keep Paho's own")
    void factoryPerBroker() {
        SSLSocketFactory tls = (SSLSocketFactory) SSLSocketFactory.getDefault();
        assertInstanceOf(BufferedInputSocketFactory.class,
                MqttConnectSettings.of(MqttOptions.of("tcp://127.0.0.1:1883", "c"), null, null).socketFactory());
        assertSame(tls, MqttConnectSettings.of(MqttOptions.of("ssl://127.0.0.1:8883", "c"), null, tls).socketFactory());
        assertNull(MqttConnectSettings.of(MqttOptions.of("ws://127.0.0.1:8080", "c"), null, null).socketFactory());
    }
}
