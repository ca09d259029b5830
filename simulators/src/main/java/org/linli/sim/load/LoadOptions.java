package org.linli.sim.load;

/** The load mode's knobs: how many devices, how many messages per second, for how long, through which broker. */
record LoadOptions(int devices, int rate, int seconds, String broker, int qos) {

    static LoadOptions parse(String[] args) {
        int devices = 3000;
        int rate = 2000;
        int seconds = 20;
        String broker = "auto";
        int qos = 1;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--devices" -> devices = Integer.parseInt(args[i + 1]);
                case "--rate" -> rate = Integer.parseInt(args[i + 1]);
                case "--seconds" -> seconds = Integer.parseInt(args[i + 1]);
                case "--broker" -> broker = args[i + 1];
                case "--qos" -> qos = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (known: --devices N --rate MSG_PER_S --seconds N --broker auto|mosquitto|embedded --qos 0|1)");
            }
        }
        return new LoadOptions(devices, rate, seconds, broker, qos);
    }
}
