package org.linli.sim.camera;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./linli camera-sim}: one simulated ONVIF camera on its own, for trying the gateway's camera support or a
 * third-party client without a real camera (docs/CAMERAS.md). HTTP on 127.0.0.1, WS-Discovery on the multicast group
 * as a real camera does, motion toggled on a schedule. Runs until Ctrl-C or SIGTERM.
 */
public final class CameraSimMain {
    static final String USAGE = """
            usage: ./linli camera-sim [--port 8081] [--name SimCam] [--user admin] [--password admin123]
                                      [--discovery-port 3702 | --no-discovery] [--motion-every 30]
              --port            HTTP port of the device, media and events services (127.0.0.1)
              --name            camera name: on the snapshot and in the discovery scopes
              --user/--password the one account the camera accepts (WS-Security, Digest for the snapshot)
              --discovery-port  UDP port of WS-Discovery on the group 239.255.255.250 (3702: what clients probe)
              --no-discovery    do not answer WS-Discovery probes
              --motion-every    seconds between motion on / motion off; 0: never""";

    private CameraSimMain() {
    }

    public static void main(String[] args) throws Exception {
        CameraSimOptions options;
        try {
            options = parse(List.of(args));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        SimulatedCamera camera = new SimulatedCamera(options).start();
        System.out.printf("camera simulator %s: device service %s (user %s, password %s)%n", options.name(),
                camera.deviceServiceUri(), options.username(), options.password());
        System.out.println(camera.discoveryPort() < 0 ? "WS-Discovery: off"
                : "WS-Discovery: answering probes on " + DiscoveryResponder.GROUP + ":" + camera.discoveryPort());
        System.out.println(options.eventInterval() == null ? "motion: only on command"
                : "motion: on/off every " + options.eventInterval().toSeconds() + " s; Ctrl-C to stop");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            camera.close();
            stopped.countDown();
        }, "camera-sim-stop"));
        stopped.await();
    }

    /** The options of the command line; IllegalArgumentException names what is wrong. */
    static CameraSimOptions parse(List<String> args) {
        int port = 8081;
        int discoveryPort = 3702;
        boolean discovery = true;
        String name = "SimCam";
        String user = "admin";
        String password = "admin123";
        int motionEvery = 30;
        for (int i = 0; i < args.size(); i++) {
            String flag = args.get(i);
            if (flag.equals("--no-discovery")) {
                discovery = false;
                continue;
            }
            if (i + 1 >= args.size()) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            String value = args.get(++i);
            switch (flag) {
                case "--port" -> port = number(flag, value);
                case "--discovery-port" -> discoveryPort = number(flag, value);
                case "--name" -> name = value;
                case "--user" -> user = value;
                case "--password" -> password = value;
                case "--motion-every" -> motionEvery = number(flag, value);
                default -> throw new IllegalArgumentException("unknown option " + flag);
            }
        }
        CameraSimOptions options = CameraSimOptions.defaults(name).withCredentials(user, password)
                .withEventInterval(motionEvery > 0 ? Duration.ofSeconds(motionEvery) : null);
        return discovery ? options.withPorts(port, discoveryPort).withMulticastDiscovery(discoveryPort)
                : options.withPorts(port, -1);
    }

    private static int number(String flag, String value) {
        try {
            int n = Integer.parseInt(value);
            if (n < 0 || n > 65_535) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " takes a whole number from 0 to 65535, not '" + value + "'");
        }
    }
}
