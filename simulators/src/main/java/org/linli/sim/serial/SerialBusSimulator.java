package org.linli.sim.serial;

import jssc.SerialPort;
import jssc.SerialPortException;
import org.linli.drivers.model.DecodeException;
import org.linli.drivers.serial.cjt188.Cjt188Codec;
import org.linli.drivers.serial.cjt188.Cjt188FrameExtractor;
import org.linli.drivers.serial.modbus.ReadRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The far end of a simulated RS-485 bus: many CJ/T 188 meters and Modbus slaves answering on one pty. It cuts each
 * request out of the byte stream (a CJ/T 188 frame, or 8 bytes with a valid Modbus CRC), lets the addressed device
 * answer, applies that address's {@link SerialFault}, and records valid replies in the {@link ServedLedger}.
 * Survives its pty vanishing (a pulled adapter): it reopens the link when socat makes it again.
 */
public final class SerialBusSimulator implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SerialBusSimulator.class);
    /** Bytes that do not become a request within this long are line noise and dropped. */
    private static final long STALE_MS = 50;

    private final Path port;
    private final Map<String, SimSerialDevice> cjt188 = new ConcurrentHashMap<>();
    private final Map<Integer, SimSerialDevice> modbus = new ConcurrentHashMap<>();
    private final Map<String, SerialFault> faults = new ConcurrentHashMap<>();
    private final ServedLedger ledger;
    private final Random noise = new Random(188);
    private volatile long slowMs = 150;
    private volatile boolean running;
    private Thread thread;

    public SerialBusSimulator(Path port, List<? extends SimSerialDevice> devices, ServedLedger ledger) {
        this.port = port;
        this.ledger = ledger;
        for (SimSerialDevice d : devices) {
            if ("cjt188".equals(d.protocol())) {
                cjt188.put(d.address(), d);
            } else {
                modbus.put(Integer.parseInt(d.address()), d);
            }
        }
    }

    /** Sets the fault of the device at {@code address} (14 digits or slave number); NONE heals it. */
    public void fault(String address, SerialFault fault) {
        faults.put(address, fault);
    }

    /** How late a SLOW device answers. */
    public void slowMs(long ms) {
        slowMs = ms;
    }

    public SerialBusSimulator start() {
        running = true;
        thread = new Thread(this::run, "sim-bus-" + port.getFileName());
        thread.setDaemon(true);
        thread.start();
        return this;
    }

    private void run() {
        while (running) {
            SerialPort sp = new SerialPort(port.toString());
            try {
                sp.openPort();
                sp.setParams(9600, 8, 1, 0); // false on a pty (RTS/DTR), harmless
                serve(sp);
            } catch (SerialPortException e) {
                // the pty is gone (socat stopped): wait for it to come back
                sleep(20);
            } finally {
                try {
                    if (sp.isOpened()) {
                        sp.closePort();
                    }
                } catch (SerialPortException ignored) {
                    // the device node vanished with the port open; nothing left to release
                }
            }
        }
    }

    private void serve(SerialPort sp) throws SerialPortException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        long lastByte = System.nanoTime();
        while (running) {
            if (!port.toFile().exists()) {
                return;
            }
            int n = sp.getInputBufferBytesCount();
            if (n > 0) {
                buf.write(sp.readBytes(n), 0, n);
                lastByte = System.nanoTime();
                byte[] bytes = buf.toByteArray();
                int used = handle(sp, bytes);
                if (used > 0) {
                    buf.reset();
                    buf.write(bytes, used, bytes.length - used);
                }
            } else {
                if (buf.size() > 0 && System.nanoTime() - lastByte > STALE_MS * 1_000_000) {
                    buf.reset();
                }
                sleep(1);
            }
        }
    }

    /** Answers the first whole request in {@code bytes}; returns how many bytes it used (0: need more). */
    private int handle(SerialPort sp, byte[] bytes) throws SerialPortException {
        if (bytes.length >= ReadRequest.FRAME_LENGTH) {
            byte[] head = Arrays.copyOf(bytes, ReadRequest.FRAME_LENGTH);
            try {
                ReadRequest.RawRequest req = ReadRequest.decode(head);
                reply(sp, modbus.get(req.slave()), head);
                return ReadRequest.FRAME_LENGTH;
            } catch (DecodeException notModbus) {
                // fall through to CJ/T 188
            }
        }
        if (Cjt188FrameExtractor.next(bytes) instanceof Cjt188FrameExtractor.Candidate c) {
            byte[] frame = Arrays.copyOfRange(bytes, c.start(), c.end());
            try {
                reply(sp, cjt188.get(Cjt188Codec.decode(frame).address().digits()), frame);
            } catch (DecodeException e) {
                LOG.debug("simulator dropped a bad CJ/T 188 request: {}", e.getMessage());
            }
            return c.end();
        }
        return 0;
    }

    private void reply(SerialPort sp, SimSerialDevice device, byte[] request) throws SerialPortException {
        if (device == null) {
            return; // nobody at that address: silence, as on a real bus
        }
        SerialFault fault = faults.getOrDefault(device.address(), SerialFault.NONE);
        if (fault == SerialFault.NO_REPLY) {
            return;
        }
        SimSerialDevice.SimReply r = device.answer(request, fault == SerialFault.WRONG_ADDRESS);
        if (r == null) {
            return;
        }
        byte[] out = r.bytes();
        boolean cjt = "cjt188".equals(device.protocol());
        switch (fault) {
            case BAD_CHECKSUM -> out[cjt ? out.length - 2 : out.length - 1] ^= 0x5A;
            case TRUNCATED -> out = Arrays.copyOf(out, out.length / 2);
            case NOISE -> out = withNoise(out, cjt);
            case SLOW -> sleep(slowMs);
            default -> { }
        }
        sp.writeBytes(out);
        if (fault.validReply() && r.valid()) {
            ledger.served(device.deviceId(), r.total());
        }
    }

    /** Noise after the reply (the poller purges it before its next request); for CJ/T 188 also before it. */
    private byte[] withNoise(byte[] reply, boolean before) {
        byte[] junkBefore = before ? junk(5) : new byte[0];
        byte[] junkAfter = junk(6);
        byte[] out = new byte[junkBefore.length + reply.length + junkAfter.length];
        System.arraycopy(junkBefore, 0, out, 0, junkBefore.length);
        System.arraycopy(reply, 0, out, junkBefore.length, reply.length);
        System.arraycopy(junkAfter, 0, out, junkBefore.length + reply.length, junkAfter.length);
        return out;
    }

    private byte[] junk(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            int v;
            do {
                v = noise.nextInt(256);
            } while (v == Cjt188Codec.START); // a stray 68 right before the frame is the extractor's test, not this one's
            b[i] = (byte) v;
        }
        return b;
    }

    public ServedLedger ledger() {
        return ledger;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.join(2000);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
