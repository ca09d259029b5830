package org.linli.sim.demo;

import java.util.List;

/**
 * The command line of {@code ./linli demo}: how long to run and on which ports. A port left out is the familiar
 * one (8080, 1883, 9000) when it is free and any free port otherwise; a port given is used or the demo stops
 * naming it, so two demos (or a demo beside a real broker) can run side by side on ports chosen in advance.
 *
 * @param minutes    stop by itself after this long; 0 runs until Ctrl-C
 * @param httpPort   the console and API; 0: 8080 or a free port
 * @param mqttPort   the in-process MQTT broker; 0: 1883 or a free port
 * @param tsdbPort   the in-process time-series server (InfluxDB v2 write API, SQL, web console); 0: 9000 or free
 */
record DemoOptions(double minutes, int httpPort, int mqttPort, int tsdbPort) {
    static final String USAGE = """
            usage: ./linli demo [--minutes N] [--http-port 8080] [--mqtt-port 1883] [--tsdb-port 9000]
              --minutes    stop by itself after N minutes (default: run until Ctrl-C)
              --http-port  the operator console and API (default 8080, or a free port if it is taken)
              --mqtt-port  the in-process MQTT broker (default 1883, or a free port if it is taken)
              --tsdb-port  the in-process time-series server: InfluxDB v2 write API, SQL and web console
                           (default 9000, or a free port if it is taken)
              A port given explicitly must be free: the demo stops with a message if it is not.""";

    /** The options of {@code args}; IllegalArgumentException says what is wrong. */
    static DemoOptions parse(List<String> args) {
        double minutes = 0;
        int http = 0;
        int mqtt = 0;
        int tsdb = 0;
        for (int i = 0; i < args.size(); i++) {
            String flag = args.get(i);
            if (i + 1 >= args.size()) {
                throw new IllegalArgumentException(flag.startsWith("--") && !flag.equals("--help")
                        ? flag + " needs a value" : "unknown argument " + flag);
            }
            String value = args.get(++i);
            switch (flag) {
                case "--minutes" -> minutes = minutes(value);
                case "--http-port" -> http = port(flag, value);
                case "--mqtt-port" -> mqtt = port(flag, value);
                case "--tsdb-port" -> tsdb = port(flag, value);
                default -> throw new IllegalArgumentException("unknown option " + flag);
            }
        }
        return new DemoOptions(minutes, http, mqtt, tsdb);
    }

    private static double minutes(String value) {
        try {
            double m = Double.parseDouble(value);
            if (m < 0 || Double.isNaN(m)) {
                throw new NumberFormatException();
            }
            return m;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--minutes takes a number of minutes, not '" + value + "'");
        }
    }

    private static int port(String flag, String value) {
        try {
            int p = Integer.parseInt(value);
            if (p < 1 || p > 65_535) {
                throw new NumberFormatException();
            }
            return p;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " takes a port from 1 to 65535, not '" + value + "'");
        }
    }
}
