package org.eclipse.paho.client.mqttv3.internal.wire;

import java.io.IOException;
import java.io.InputStream;

/**
 * Linli's replacement for Paho 1.2.5's class of this name (Paho: EPL-2.0 / EDL-1.0), the same API with one method
 * more: {@link #read(byte[], int, int)}. Paho's counts bytes by overriding only {@code read()}, so every
 * {@code DataInputStream.readFully} over it (the rest of each packet, then each PUBLISH payload: twice per message)
 * went through the synchronized {@code ByteArrayInputStream.read()} one byte at a time: 12.6-14.4 % of the gateway's
 * CPU during a backlog drain, its top frame (docs/BENCHMARKS.md, "Where the CPU goes"). The gateway's own classes
 * come before Paho's jar on every class path, and the shaded jar leaves Paho's copy out (gateway/pom.xml);
 * {@code PahoCountingInputStreamTest} fails if Paho's version or its class's shape changes.
 */
public class CountingInputStream extends InputStream {
    private final InputStream in;
    private int counter;

    public CountingInputStream(InputStream in) {
        this.in = in;
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b != -1) {
            counter++;
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n > 0) {
            counter += n;
        }
        return n;
    }

    /** Bytes read since the start or the last {@link #resetCounter}. */
    public int getCounter() {
        return counter;
    }

    public void resetCounter() {
        counter = 0;
    }
}
