import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

import javax.net.SocketFactory;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What Paho's MQTT 5 client alone costs to receive a QoS 1 backlog: the floor under the gateway's own drain
 * (BENCHMARKS.md, "The JIT compilers on a cold drain, and Paho's own cost"). Preloads a persistent session on a
 * broker with N small JSON messages, then connects a fresh JVM's client with manual acks, acknowledges each message in
 * its callback and prints the wall time and the process's CPU time per message from the connect to the last one.
 * Nothing is decoded or stored. Run with the Paho jar from ~/.m2 and a Mosquitto on loopback
 * ({@code max_queued_messages 1000000}, {@code max_inflight_messages 0}):
 * {@code java -cp org.eclipse.paho.mqttv5.client-1.2.5.jar docs/bench/PahoReceiveBench.java tcp://127.0.0.1:18830
 * 200000 [buffered]}; {@code buffered} reads the socket through a 64 KiB buffer, as the gateway does.
 */
public class PahoReceiveBench {
    public static void main(String[] args) throws Exception {
        String uri = args[0];
        int n = Integer.parseInt(args[1]);
        boolean buffered = args.length > 2 && args[2].equals("buffered");
        String id = "paho-receive-bench-" + System.nanoTime();
        MqttConnectionOptions session = new MqttConnectionOptions();
        session.setCleanStart(false);
        session.setSessionExpiryInterval(600L);
        session.setReceiveMaximum(1000);
        MqttAsyncClient subscriber = new MqttAsyncClient(uri, id, new MemoryPersistence());
        subscriber.connect(session).waitForCompletion();
        subscriber.subscribe(new MqttSubscription("bench/#", 1)).waitForCompletion();
        subscriber.disconnect().waitForCompletion();
        subscriber.close();
        preload(uri, id + "-pub", n);

        CountDownLatch all = new CountDownLatch(1);
        AtomicInteger received = new AtomicInteger();
        if (buffered) {
            session.setSocketFactory(new BufferedInput());
        }
        MqttAsyncClient client = new MqttAsyncClient(uri, id, new MemoryPersistence());
        client.setManualAcks(true);
        client.setCallback(new MqttCallback() {
            @Override
            public void messageArrived(String topic, MqttMessage m) throws MqttException {
                client.messageArrivedComplete(m.getId(), 1);
                if (received.incrementAndGet() == n) {
                    all.countDown();
                }
            }

            @Override
            public void disconnected(MqttDisconnectResponse r) {
            }

            @Override
            public void mqttErrorOccurred(MqttException e) {
            }

            @Override
            public void deliveryComplete(IMqttToken t) {
            }

            @Override
            public void connectComplete(boolean reconnect, String serverUri) {
            }

            @Override
            public void authPacketArrived(int reasonCode, MqttProperties p) {
            }
        });
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        client.connect(session).waitForCompletion();
        all.await(120, TimeUnit.SECONDS);
        long cpu = os.getProcessCpuTime() - cpu0;
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("%s: %d of %d messages in %.2f s, %.0f msg/s, CPU %.2f µs a message%n",
                buffered ? "buffered" : "Paho's own socket reads", received.get(), n, seconds,
                received.get() / seconds, cpu / 1e3 / Math.max(1, received.get()));
        client.disconnect().waitForCompletion();
        client.close();
    }

    private static void preload(String uri, String clientId, int n) throws Exception {
        MqttAsyncClient publisher = new MqttAsyncClient(uri, clientId, new MemoryPersistence());
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setReceiveMaximum(65535);
        publisher.connect(o).waitForCompletion();
        byte[] payload = "{\"lel\":3.5,\"battery\":87,\"ts\":\"2026-12-06T06:00:00+08:00\",\"status\":\"normal\"}"
                .getBytes(StandardCharsets.UTF_8);
        Semaphore window = new Semaphore(5000);
        for (int i = 0; i < n; i++) {
            window.acquire();
            publisher.publish("bench/dev" + (i % 6000) + "/data", payload, 1, false, null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken t) {
                    window.release();
                }

                @Override
                public void onFailure(IMqttToken t, Throwable e) {
                    window.release();
                }
            });
        }
        window.acquire(5000);
        publisher.disconnect().waitForCompletion();
        publisher.close();
    }

    /** Sockets whose input is read through one 64 KiB buffer (the gateway's BufferedInputSocketFactory). */
    static final class BufferedInput extends SocketFactory {
        @Override
        public Socket createSocket() {
            return new BufferedSocket();
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            Socket s = new BufferedSocket();
            s.connect(new InetSocketAddress(host, port));
            return s;
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress local, int localPort) throws IOException {
            return createSocket(host, port);
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            Socket s = new BufferedSocket();
            s.connect(new InetSocketAddress(host, port));
            return s;
        }

        @Override
        public Socket createSocket(InetAddress host, int port, InetAddress local, int localPort) throws IOException {
            return createSocket(host, port);
        }
    }

    static final class BufferedSocket extends Socket {
        private InputStream in;

        @Override
        public synchronized InputStream getInputStream() throws IOException {
            if (in == null) {
                in = new BufferedInputStream(super.getInputStream(), 64 * 1024);
            }
            return in;
        }
    }
}
