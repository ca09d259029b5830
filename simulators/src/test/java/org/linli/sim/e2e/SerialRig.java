package org.linli.sim.e2e;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.linli.gateway.Gateway;
import org.linli.gateway.config.Parity;
import org.linli.gateway.config.SerialBusConfig;
import org.linli.sim.serial.SerialBusSimulator;
import org.linli.sim.serial.SerialCompound;
import org.linli.sim.serial.ServedLedger;
import org.linli.sim.serial.SocatPair;
import org.linli.sim.servers.MosquittoBroker;
import org.linli.sim.servers.QuestDbServer;
import org.linli.sim.servers.RequiredTools;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A gateway polling simulated RS-485 buses over real socat ptys: per bus a socat pair and a bus simulator, the
 * generated compound's water meters rewired onto the buses, a real broker and QuestDB behind the gateway.
 */
final class SerialRig implements AutoCloseable {
    /** Fast polling so a test sees several cycles in a few seconds; building 1 holds the adapters. */
    static final SerialBusConfig FAST = SerialBusConfig.of("template", "-").withLine(9600, 8, Parity.NONE, 1)
            .withPolling(1, 200, 1, 5, 2).withLocation("1");

    final Vertx vertx = Vertx.vertx();
    final MosquittoBroker broker;
    final QuestDbServer db;
    final Map<String, SocatPair> pairs = new LinkedHashMap<>();
    final Map<String, SerialBusSimulator> sims = new LinkedHashMap<>();
    final ServedLedger ledger = new ServedLedger();
    final SerialCompound.Plan plan;
    final Gateway gateway;

    /** A clean line: a generous timeout, so a busy test machine never turns a served reply into a late one. */
    static final SerialBusConfig PATIENT = SerialBusConfig.of("template", "-").withLine(9600, 8, Parity.NONE, 1)
            .withPolling(1, 1000, 1, 5, 2).withLocation("1");

    /**
     * {@code buses}: name → protocol and water meter count, e.g. {@code "bus-cjt", "cjt188", 36}, optionally followed
     * by a heat meter count (CJ/T 188 buses).
     */
    SerialRig(Path dir, List<Object[]> buses, SerialBusConfig polling) throws Exception {
        RequiredTools.require("socat", SocatPair.available());
        RequiredTools.require("mosquitto", MosquittoBroker.available());
        broker = new MosquittoBroker(dir.resolve("broker"), false).start();
        db = new QuestDbServer(dir.resolve("questdb")).start();
        List<SerialCompound.BusPlan> plans = new ArrayList<>();
        for (Object[] b : buses) {
            String name = (String) b[0];
            SocatPair pair = new SocatPair(dir.resolve(name)).start();
            pairs.put(name, pair);
            plans.add(new SerialCompound.BusPlan(name, pair.gatewayEnd(), (String) b[1], (Integer) b[2],
                    b.length > 3 ? (Integer) b[3] : 0));
        }
        plan = SerialCompound.plan(E2eHarness.site(broker.url(), "linli-serial", "5", db.url(), dir.resolve("gw")),
                plans, polling);
        for (SerialCompound.BusPlan b : plans) {
            sims.put(b.name(), new SerialBusSimulator(pairs.get(b.name()).busEnd(), plan.devices(b.name()), ledger).start());
        }
        gateway = E2eHarness.deploy(vertx, plan.site());
    }

    JsonObject status() throws Exception {
        return E2eHarness.getJson(gateway.httpPort(), "/api/status").getJsonObject("serial");
    }

    JsonObject bus(String name) throws Exception {
        JsonArray buses = status().getJsonArray("buses");
        for (int i = 0; i < buses.size(); i++) {
            if (name.equals(buses.getJsonObject(i).getString("name"))) {
                return buses.getJsonObject(i);
            }
        }
        throw new AssertionError("no bus " + name + " in " + buses);
    }

    /** Device id → state of every device on the bus. */
    Map<String, String> deviceStates(String busName) throws Exception {
        Map<String, String> out = new LinkedHashMap<>();
        JsonArray devices = bus(busName).getJsonArray("devices");
        for (int i = 0; i < devices.size(); i++) {
            out.put(devices.getJsonObject(i).getString("device"), devices.getJsonObject(i).getString("state"));
        }
        return out;
    }

    /** Every alert of {@code type}, any state. */
    List<JsonObject> alerts(String type) throws Exception {
        JsonArray all = E2eHarness.getJson(gateway.httpPort(), "/api/alerts").getJsonArray("alerts");
        List<JsonObject> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (type.equals(all.getJsonObject(i).getString("type"))) {
                out.add(all.getJsonObject(i));
            }
        }
        return out;
    }

    long cycles(String busName) {
        try {
            return bus(busName).getLong("cycles");
        } catch (Exception e) {
            return -1;
        }
    }

    @Override
    public void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get();
        for (SerialBusSimulator s : sims.values()) {
            s.close();
        }
        pairs.values().forEach(SocatPair::stop);
        db.close();
        broker.close();
    }
}
