package org.linli.sim.camera;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** One pull-point subscription on the simulated camera: a queue that PullMessages long-polls, and a deadline. */
final class SimSubscription {
    /** A camera holds a bounded queue; beyond it the oldest events are lost, as on real devices. */
    private static final int MAX_QUEUED = 1000;

    final int id;
    private volatile Instant terminationTime;
    private final Deque<SimEvent> queue = new ArrayDeque<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private boolean closed;

    SimSubscription(int id, Instant terminationTime) {
        this.id = id;
        this.terminationTime = terminationTime;
    }

    Instant terminationTime() {
        return terminationTime;
    }

    void setTerminationTime(Instant t) {
        terminationTime = t;
    }

    boolean expiredAt(Instant cameraNow) {
        return cameraNow.isAfter(terminationTime);
    }

    void offer(SimEvent e) {
        lock.lock();
        try {
            if (queue.size() >= MAX_QUEUED) {
                queue.pollFirst();
            }
            queue.addLast(e);
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits up to timeout for at least one event; returns up to limit events, or empty on timeout/close. */
    List<SimEvent> poll(Duration timeout, int limit) throws InterruptedException {
        long nanos = timeout.toNanos();
        lock.lock();
        try {
            while (queue.isEmpty() && !closed && nanos > 0) {
                nanos = arrived.awaitNanos(nanos);
            }
            List<SimEvent> out = new ArrayList<>();
            while (!queue.isEmpty() && out.size() < Math.max(1, limit)) {
                out.add(queue.pollFirst());
            }
            return out;
        } finally {
            lock.unlock();
        }
    }

    /** Wakes a waiting poll (reboot, unsubscribe). */
    void close() {
        lock.lock();
        try {
            closed = true;
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
    }

    boolean isClosed() {
        lock.lock();
        try {
            return closed;
        } finally {
            lock.unlock();
        }
    }
}
