package org.linli.gateway.camera;

import org.linli.drivers.onvif.OnvifCamera;
import org.linli.drivers.onvif.OnvifErrorKind;
import org.linli.drivers.onvif.OnvifException;
import org.linli.gateway.retry.Backoff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Keeps one camera connected and its events flowing, on its own thread (every ONVIF call blocks; a long poll holds
 * the thread for up to a minute, so it never runs on the event loop or the shared worker pool).
 * <p>
 * Connect (clock, services, profiles, snapshot URI) → {@link PullPointLoop} → when the session is lost, reconnect
 * at once, then with the gateway's {@link Backoff} (doubling from {@code reconnectMin} to {@code reconnectMax}, with
 * jitter, so cameras that lost the same switch do not all knock at once) while the camera stays unreachable. Refused credentials are reported as
 * such and retried only at the longest back-off: a wrong password must not become a login storm that locks the
 * camera's account. So is a camera asking for HTTP Basic over plain http without the opt-in (INSECURE_AUTH): that
 * is a configuration matter too, and nothing is sent to it.
 */
public final class CameraSupervisor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CameraSupervisor.class);
    /** Longest wait in {@link #close()}: a process stop must fit in Docker's 10 s grace with everything else. */
    private static final int STOP_WAIT_S = 2;

    private final SupervisorSettings settings;
    private final CameraObserver observer;
    private final SupervisorCounters counters = new SupervisorCounters();
    private final Thread thread;
    private volatile boolean running;
    private volatile OnvifCamera camera;
    private volatile PullPointLoop loop;
    /** Used on this supervisor's thread only. */
    private final Backoff backoff;

    public CameraSupervisor(SupervisorSettings settings, CameraObserver observer) {
        this.settings = settings;
        this.observer = observer;
        this.backoff = new Backoff(settings.reconnectMin(), settings.reconnectMax());
        this.thread = new Thread(this::run, "camera-" + settings.cameraId());
        thread.setDaemon(true);
    }

    public synchronized CameraSupervisor start() {
        if (!running) {
            running = true;
            thread.start();
        }
        return this;
    }

    /** The connected camera (for snapshots), empty while it is not connected. Safe from any thread. */
    public Optional<OnvifCamera> camera() {
        return Optional.ofNullable(camera);
    }

    public SupervisorCounters counters() {
        return counters;
    }

    public String cameraId() {
        return settings.cameraId();
    }

    private void run() {
        while (running) {
            OnvifCamera cam;
            try {
                cam = OnvifCamera.connect(settings.xaddr(), settings.credentials(), settings.client());
            } catch (OnvifException e) {
                if (!running) {
                    break;
                }
                counters.connectFailures.incrementAndGet();
                counters.countRefusal(e);
                observer.onConnectFailed(e);
                boolean credentialsProblem = e.kind() == OnvifErrorKind.NOT_AUTHORIZED
                        || e.kind() == OnvifErrorKind.INSECURE_AUTH;
                sleep(credentialsProblem ? settings.reconnectMax() : nextBackoff());
                continue;
            } catch (RuntimeException e) {
                LOG.error("camera {}: connect failed unexpectedly", settings.cameraId(), e);
                observer.onConnectFailed(new OnvifException(OnvifErrorKind.BAD_RESPONSE, e.toString(), e));
                sleep(nextBackoff());
                continue;
            }
            camera = cam;
            counters.connects.incrementAndGet();
            observer.onConnected(cam.description());
            PullPointLoop session = new PullPointLoop(settings, cam, observer, counters, () -> running);
            loop = session;
            try {
                session.run(backoff::reset);
            } catch (OnvifException e) {
                if (running) {
                    counters.countRefusal(e);
                    observer.onSessionLost(e);
                    // a session that failed before its first good pull backs off; a long-lived one retries at once
                    if (backoff.failures() > 0) {
                        sleep(nextBackoff());
                    } else {
                        backoff.next(); // counted, not waited: the next failure in a row backs off
                    }
                }
            } catch (RuntimeException e) {
                LOG.error("camera {}: event loop failed unexpectedly", settings.cameraId(), e);
                sleep(nextBackoff());
            } finally {
                camera = null;
            }
        }
        PullPointLoop last = loop;
        if (last != null) {
            Thread.interrupted(); // stop() interrupted us; the goodbye below needs a working HTTP call
            last.unsubscribeCurrent();
        }
    }

    private Duration nextBackoff() {
        return backoff.next();
    }

    private void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /**
     * Asks the thread to stop and returns at once: wakes a sleep or a long poll (the HTTP call is interruptible); the
     * thread then sends a best-effort Unsubscribe and ends. Safe from any thread.
     */
    public void requestStop() {
        running = false;
        thread.interrupt();
    }

    /**
     * Waits until the thread has ended or {@code deadlineNanos} ({@link System#nanoTime()}) has passed; true if it
     * ended. A thread still waiting for its Unsubscribe answer at the deadline is left to die with the JVM (it is a
     * daemon): the camera drops the subscription at its termination time anyway. Blocking.
     */
    public boolean awaitStopped(long deadlineNanos) {
        try {
            long ms = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
            if (ms > 0) {
                thread.join(ms);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !thread.isAlive();
    }

    /** {@link #requestStop()}, then waits up to a few seconds for the thread to end. Blocking. */
    @Override
    public void close() {
        requestStop();
        awaitStopped(System.nanoTime() + TimeUnit.SECONDS.toNanos(STOP_WAIT_S));
    }
}
