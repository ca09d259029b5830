package org.linli.drivers.serial.link;

import jssc.SerialPort;
import jssc.SerialPortException;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One open serial port, used by one thread for request/reply transactions (RS-485 is half duplex: one master, one
 * question at a time). Works on /dev/ttyUSB*, /dev/serial/by-id links and socat pty links alike.
 *
 * <p>Blocking by design: callers run it on their own thread, never on an event loop. {@code setParams} answers
 * false on a pty although it applied the speed (TOOLING.md: it fails on RTS/DTR), so that is not fatal.
 */
public final class SerialLink implements AutoCloseable {
    /** How often the input buffer is checked while waiting for a reply; short against a 100+ ms timeout. */
    private static final long POLL_MS = 1;

    private final String path;
    private final SerialPort port;

    private SerialLink(String path, SerialPort port) {
        this.path = path;
        this.port = port;
    }

    /** Opens {@code path} with {@code settings}; throws when the port is missing or cannot be opened. */
    public static SerialLink open(String path, LineSettings settings) throws SerialLinkException {
        if (!Files.exists(Path.of(path))) {
            throw new SerialLinkException(path + " does not exist (adapter unplugged, or wrong path)");
        }
        SerialPort port = new SerialPort(path);
        try {
            port.openPort();
        } catch (SerialPortException e) {
            throw new SerialLinkException("cannot open " + path + ": " + e.getExceptionType()
                    + " (is the user in the dialout group? is another program using it?)", e);
        } catch (UnsatisfiedLinkError e) {
            throw new SerialLinkException("jssc native library failed to load (is /tmp writable and not noexec?)", new Exception(e));
        }
        try {
            port.setParams(settings.baud(), settings.dataBits(), stopBits(settings.stopBits()), parity(settings.parity()));
            port.purgePort(SerialPort.PURGE_RXCLEAR | SerialPort.PURGE_TXCLEAR);
        } catch (SerialPortException e) {
            closeQuietly(port);
            throw new SerialLinkException("cannot configure " + path + " as " + settings + ": " + e.getExceptionType(), e);
        }
        return new SerialLink(path, port);
    }

    public String path() {
        return path;
    }

    /** False once the device node is gone: a pulled USB adapter, a stopped socat. */
    public boolean deviceNodeExists() {
        return Files.exists(Path.of(path));
    }

    /**
     * Purges stale input, writes {@code request} and reads until {@code completion} says the reply is whole or
     * {@code timeoutMs} pass. Returns what arrived (possibly nothing, possibly a partial frame): deciding what a
     * short or empty answer means is the protocol's job.
     */
    public byte[] transact(byte[] request, ReplyCompletion completion, long timeoutMs) throws SerialLinkException {
        try {
            // bytes left over from a late reply or line noise must not prefix this reply
            port.purgePort(SerialPort.PURGE_RXCLEAR | SerialPort.PURGE_TXCLEAR);
            if (!port.writeBytes(request)) {
                throw new SerialLinkException("write to " + path + " failed");
            }
            return readReply(completion, timeoutMs);
        } catch (SerialPortException e) {
            throw new SerialLinkException("I/O on " + path + " failed: " + e.getExceptionType(), e);
        }
    }

    private byte[] readReply(ReplyCompletion completion, long timeoutMs) throws SerialPortException, SerialLinkException {
        ByteArrayOutputStream got = new ByteArrayOutputStream(64);
        long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
        while (System.nanoTime() < deadline) {
            int available = port.getInputBufferBytesCount();
            if (available < 0) {
                throw new SerialLinkException("reading " + path + " failed (the port went away)");
            }
            if (available > 0) {
                byte[] chunk = port.readBytes(available);
                if (chunk != null) {
                    got.write(chunk, 0, chunk.length);
                    byte[] all = got.toByteArray();
                    if (completion.isComplete(all, all.length)) {
                        return all;
                    }
                }
                continue;
            }
            sleep(POLL_MS);
        }
        return got.toByteArray();
    }

    /** Waits the silence a bus needs between frames (Modbus RTU: at least 3.5 character times). */
    public static void gap(long millis) {
        if (millis > 0) {
            sleep(millis);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closeQuietly(port);
    }

    private static void closeQuietly(SerialPort port) {
        try {
            if (port.isOpened()) {
                port.closePort();
            }
        } catch (SerialPortException ignored) {
            // closing a port whose device vanished fails; there is nothing left to release
        }
    }

    private static int stopBits(int bits) {
        return bits == 2 ? SerialPort.STOPBITS_2 : SerialPort.STOPBITS_1;
    }

    private static int parity(String parity) {
        if (parity.equals("even")) {
            return SerialPort.PARITY_EVEN;
        }
        return parity.equals("odd") ? SerialPort.PARITY_ODD : SerialPort.PARITY_NONE;
    }
}
