package org.linli.sim.demo;

import java.util.List;

/**
 * The command line of {@code ./linli demo}: how long to run, on which ports, and whether to run one compound (the
 * default) or a community of several ({@code --compounds N}, {@link CommunityDemo}). A port left out is the familiar
 * one (8080, 1883, 9000) when it is free and any free port otherwise; a port given is used or the demo stops
 * naming it, so two demos (or a demo beside a real broker) can run side by side on ports chosen in advance.
 *
 * @param minutes    stop by itself after this long; 0 runs until Ctrl-C
 * @param httpPort   the console and API (with {@code --compounds}: the centre's console); 0: 8080 (8090) or free
 * @param mqttPort   the in-process MQTT broker; 0: 1883 or a free port
 * @param tsdbPort   the in-process time-series server (InfluxDB v2 write API, SQL, web console); 0: 9000 or free
 * @param compounds  0: one compound, no centre (the classic demo); 2..{@link #MAX_COMPOUNDS}: a community
 */
record DemoOptions(double minutes, int httpPort, int mqttPort, int tsdbPort, int compounds) {
    static final int MAX_COMPOUNDS = 9;
    static final String USAGE = """
            usage: ./linli demo [--minutes N] [--http-port 8080] [--mqtt-port 1883] [--tsdb-port 9000] [--compounds N]
              --minutes    stop by itself after N minutes (default: run until Ctrl-C)
              --http-port  the operator console and API (default 8080, or a free port if it is taken);
                           with --compounds: the centre's console (default 8090, or a free port)
              --mqtt-port  the in-process MQTT broker (default 1883, or a free port if it is taken)
              --tsdb-port  the in-process time-series server: InfluxDB v2 write API, SQL and web console
                           (default 9000, or a free port if it is taken)
              --compounds  N from 2 to 9: a community of N compounds, each with its own gateway, sending up
                           through a 3-node Artemis cluster to the centre's console (docs/CENTRE.md,
                           "The community demo"); compound consoles on 8081, 8082, ... when free
              A port given explicitly must be free: the demo stops with a message if it is not.""";

    /** The classic single-compound demo's options. */
    DemoOptions(double minutes, int httpPort, int mqttPort, int tsdbPort) {
        this(minutes, httpPort, mqttPort, tsdbPort, 0);
    }

    boolean community() {
        return compounds > 0;
    }

    /** The options of {@code args}; IllegalArgumentException says what is wrong. */
    static DemoOptions parse(List<String> args) {
        double minutes = 0;
        int http = 0;
        int mqtt = 0;
        int tsdb = 0;
        int compounds = 0;
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
                case "--compounds" -> compounds = compounds(value);
                default -> throw new IllegalArgumentException("unknown option " + flag);
            }
        }
        return new DemoOptions(minutes, http, mqtt, tsdb, compounds);
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

    private static int compounds(String value) {
        int n;
        try {
            n = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            n = -1;
        }
        if (n < 2 || n > MAX_COMPOUNDS) {
            throw new IllegalArgumentException("--compounds takes a number of compounds from 2 to " + MAX_COMPOUNDS
                    + ", not '" + value + "' (without --compounds the demo runs one compound)");
        }
        return n;
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
