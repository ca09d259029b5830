package org.linli.sim.camera;

import org.linli.drivers.model.DeviceEvent;
import org.linli.drivers.onvif.CameraDescription;
import org.linli.drivers.onvif.OnvifException;
import org.linli.gateway.camera.CameraObserver;

import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A supervisor observer for tests: keeps everything reported, safe to read from the test thread. */
final class RecordingObserver implements CameraObserver {
    final List<CameraDescription> connected = new CopyOnWriteArrayList<>();
    final List<OnvifException> connectFailures = new CopyOnWriteArrayList<>();
    final List<URI> subscriptions = new CopyOnWriteArrayList<>();
    final List<DeviceEvent> events = new CopyOnWriteArrayList<>();
    final List<OnvifException> sessionsLost = new CopyOnWriteArrayList<>();
    final AtomicInteger alive = new AtomicInteger();

    @Override
    public void onConnected(CameraDescription description) {
        connected.add(description);
    }

    @Override
    public void onConnectFailed(OnvifException error) {
        connectFailures.add(error);
    }

    @Override
    public void onSubscribed(URI address) {
        subscriptions.add(address);
    }

    @Override
    public void onEventsChannelAlive() {
        alive.incrementAndGet();
    }

    @Override
    public void onEvents(List<DeviceEvent> list) {
        events.addAll(list);
    }

    @Override
    public void onSessionLost(OnvifException error) {
        sessionsLost.add(error);
    }
}
