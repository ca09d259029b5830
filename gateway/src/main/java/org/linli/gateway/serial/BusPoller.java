package org.linli.gateway.serial;

import org.linli.drivers.serial.link.DevicePoll;
import org.linli.drivers.serial.link.LineSettings;
import org.linli.drivers.serial.link.PollOutcome;
import org.linli.drivers.serial.link.SerialLink;
import org.linli.drivers.serial.link.SerialLinkException;
import org.linli.gateway.config.SerialBusConfig;
import org.linli.gateway.retry.Backoff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Polls every device of one bus, one after the other, on the bus's own thread: jssc I/O blocks, and RS-485 is
 * half duplex anyway. Each device gets up to 1 + retries attempts with the inter-frame gap between frames. A port
 * that is missing, fails to open or fails I/O is closed and reopened with the gateway's {@link Backoff}: after 1 s,
 * doubling to at most 5 s (or the poll interval, if shorter), with jitter, so a re-plugged USB adapter is found
 * within seconds and four buses on one hub do not retry in step. Results go to a {@link BusListener} through
 * {@code onLoop}, which runs them on the gateway's context.
 */
final class BusPoller {
    private static final Logger LOG = LoggerFactory.getLogger(BusPoller.class);
    private static final Duration REOPEN_FIRST = Duration.ofSeconds(1);
    private static final Duration REOPEN_MAX = Duration.ofSeconds(5);

    private final SerialBusConfig bus;
    private final LineSettings settings;
    private final List<DevicePoll> devices;
    private final BusListener listener;
    private final Consumer<Runnable> onLoop;
    private final Clock clock;
    private final CountDownLatch stop = new CountDownLatch(1);
    /** Used on the bus thread only. */
    private final Backoff reopen;
    private Thread thread;
    private SerialLink link;

    BusPoller(SerialBusConfig bus, List<DevicePoll> devices, BusListener listener, Consumer<Runnable> onLoop, Clock clock) {
        this.bus = bus;
        this.settings = new LineSettings(bus.baud(), bus.dataBits(), bus.parity().id(), bus.stopBits());
        this.devices = List.copyOf(devices);
        this.listener = listener;
        this.onLoop = onLoop;
        this.clock = clock;
        Duration interval = Duration.ofSeconds(bus.pollIntervalSeconds());
        Duration cap = interval.compareTo(REOPEN_MAX) < 0 ? interval : REOPEN_MAX;
        this.reopen = new Backoff(REOPEN_FIRST, cap.compareTo(REOPEN_FIRST) < 0 ? REOPEN_FIRST : cap);
    }

    void start() {
        thread = new Thread(this::run, "linli-serial-" + bus.name());
        thread.setDaemon(true);
        thread.start();
    }

    /** Finishes the device being polled, closes the port and returns; no report is lost half-way. */
    void stop() throws InterruptedException {
        stop.countDown();
        if (thread != null) {
            thread.join(Math.max(5_000, 2L * (1 + bus.retries()) * bus.timeoutMs()));
        }
    }

    private boolean stopping() {
        return stop.getCount() == 0;
    }

    private void run() {
        long intervalMs = bus.pollIntervalSeconds() * 1000L;
        while (!stopping()) {
            long started = System.nanoTime();
            long waitMs;
            if (ensureOpen()) {
                pollCycle();
                waitMs = intervalMs - (System.nanoTime() - started) / 1_000_000;
                if (link != null) {
                    reopen.reset(); // a whole cycle on an open port: the next failure starts from 1 s again
                }
            } else {
                waitMs = reopen.next().toMillis();
            }
            try {
                if (waitMs > 0 && stop.await(waitMs, TimeUnit.MILLISECONDS)) {
                    break;
                }
            } catch (InterruptedException e) {
                break;
            }
        }
        closeLink();
    }

    private boolean ensureOpen() {
        if (link != null) {
            return true;
        }
        try {
            link = SerialLink.open(bus.port(), settings);
        } catch (SerialLinkException e) {
            onLoop.accept(() -> listener.portDown(e.getMessage()));
            return false;
        }
        LOG.info("serial bus {}: opened {} at {}", bus.name(), bus.port(), settings);
        onLoop.accept(listener::portOpened);
        return true;
    }

    private void pollCycle() {
        for (DevicePoll device : devices) {
            if (stopping()) {
                return;
            }
            try {
                // a vanished device node means the adapter is gone: do not spend timeouts on every meter behind it
                if (!link.deviceNodeExists()) {
                    throw new SerialLinkException(bus.port() + " disappeared (adapter unplugged?)");
                }
                pollDevice(device);
            } catch (SerialLinkException e) {
                LOG.warn("serial bus {}: port failed: {}", bus.name(), e.getMessage());
                closeLink();
                onLoop.accept(() -> listener.portDown(e.getMessage()));
                return;
            }
        }
        onLoop.accept(() -> listener.cycleEnded(clock.instant()));
    }

    private void pollDevice(DevicePoll device) throws SerialLinkException {
        PollOutcome outcome = null;
        for (int attempt = 0; attempt <= bus.retries() && !stopping(); attempt++) {
            var at = clock.instant();
            outcome = device.poll(link, at, bus.timeoutMs(), bus.interFrameGapMs());
            SerialLink.gap(bus.interFrameGapMs());
            if (outcome.ok()) {
                break;
            }
            PollOutcome failed = outcome;
            onLoop.accept(() -> listener.attemptFailed(device, failed, at));
        }
        if (outcome != null) {
            PollOutcome last = outcome;
            var at = clock.instant();
            onLoop.accept(() -> listener.devicePolled(device, last, at));
        }
    }

    private void closeLink() {
        if (link != null) {
            link.close();
            link = null;
        }
    }
}
