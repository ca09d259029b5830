package org.linli.gateway.mqtt;

import javax.net.SocketFactory;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * Plain TCP sockets whose input stream is buffered. Paho (v3 and v5) reads every packet's fixed header one byte at a
 * time ({@code DataInputStream.readByte}) straight from the socket's own stream, and each of those bytes is a read
 * system call: two to five per message before the packet's body. With a buffer under it, one read takes in whatever
 * the broker has sent, often hundreds of messages. Used for {@code tcp://} brokers only: a TLS socket must be
 * Paho's {@code SSLSocket}, and it buffers the decrypted records itself.
 */
final class BufferedInputSocketFactory extends SocketFactory {
    /** Large enough for a socketful of readings at once; one per connection. */
    static final int BUFFER_BYTES = 64 * 1024;

    @Override
    public Socket createSocket() {
        return new BufferedInputSocket();
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return connected(new InetSocketAddress(host, port), new InetSocketAddress(localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return connected(new InetSocketAddress(address, port), new InetSocketAddress(localAddress, localPort));
    }

    private static Socket connected(InetSocketAddress remote) throws IOException {
        Socket s = new BufferedInputSocket();
        s.connect(remote);
        return s;
    }

    private static Socket connected(InetSocketAddress remote, InetSocketAddress local) throws IOException {
        Socket s = new BufferedInputSocket();
        s.bind(local);
        s.connect(remote);
        return s;
    }

    /** A socket that hands out one buffered input stream over its own. */
    static final class BufferedInputSocket extends Socket {
        private InputStream in;

        @Override
        public synchronized InputStream getInputStream() throws IOException {
            if (in == null) {
                in = new BufferedInputStream(super.getInputStream(), BUFFER_BYTES);
            }
            return in;
        }
    }
}
