package org.linli.sim.bench;

/**
 * One measured run, as a row of the table.
 *
 * @param peer          "gateway" or "node-red"
 * @param mode          "backlog", "backlog, warm", "live 15000/s", "alerts 90 %"
 * @param qos           the QoS the messages were published at
 * @param messages      messages published
 * @param stored        messages stored at the end (the peer's counters or the server's)
 * @param seconds       backlog: from the MQTT connect (warm: from {@code SIGCONT}) to the last stored point; live: the step
 * @param rate          backlog: stored ÷ seconds; live: the rate offered (published ÷ step)
 * @param firstWrite    backlog: seconds from the connect to the first stored point; live: lag behind the publisher
 *                      at the end of the step (seconds until stored caught up with published)
 * @param fromStart     backlog: stored ÷ seconds from the process start (cold start included); NaN otherwise
 * @param cpuMicros     CPU time of the peer's process per message stored, µs (backlog: the whole process life; warm:
 *                      that drain only)
 * @param rssMb         the process's peak resident set, MB
 * @param loadBefore    load averages (1, 5, 15 min) before the run
 * @param loadAfter     and after it
 * @param note          "", "stalled at N stored", "keeps up", "behind", alert latencies ...
 */
record BenchRow(String peer, String mode, int qos, long messages, long stored, double seconds, double rate,
                double firstWrite, double fromStart, double cpuMicros, double rssMb, String loadBefore,
                String loadAfter, String note) {

    static final String HEADER = "| peer | mode | QoS | messages | stored | s | msg/s | first write / lag s | msg/s from start | CPU µs/msg | peak RSS MB | load before | load after | note |";

    String markdown() {
        return "| " + String.join(" | ", peer, mode, String.valueOf(qos), String.format("%,d", messages),
                String.format("%,d", stored), num(seconds, 2), num(rate, 0), num(firstWrite, 2), num(fromStart, 0),
                num(cpuMicros, 1), num(rssMb, 0), loadBefore, loadAfter, note) + " |";
    }

    private static String num(double v, int decimals) {
        return Double.isNaN(v) ? "–" : String.format("%,." + decimals + "f", v);
    }
}
