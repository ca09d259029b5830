package org.linli.gateway.pipeline;

import org.linli.gateway.TestSites;
import org.linli.gateway.config.ConfigException;
import org.linli.gateway.site.SiteDirectory;
import org.linli.gateway.sitefile.SiteFiles;

import java.util.ArrayList;
import java.util.List;

/** The small test compound with 24 devices on real vendor profiles: 12 acme-gas-flat gas alarms, 12 beacon smoke alarms. */
final class LaneTestSite {
    static final VendorProfileCatalog PROFILES = VendorProfileCatalog.load(null);
    final SiteDirectory site;
    final List<String> gas = new ArrayList<>();
    final List<String> smoke = new ArrayList<>();

    LaneTestSite() throws ConfigException {
        StringBuilder devices = new StringBuilder("devices:\n");
        for (int floor = 1; floor <= 6; floor++) {
            for (int flat = 1; flat <= 2; flat++) {
                String g = "gas-3-2-" + floor + "0" + flat;
                String s = "smoke-7-1-" + floor + "0" + flat;
                gas.add(g);
                smoke.add(s);
                devices.append("  - {id: ").append(g).append(", type: gas_alarm, profile: acme-gas-flat, location: 3-2-")
                        .append(floor).append("0").append(flat).append("}\n");
                devices.append("  - {id: ").append(s).append(", type: smoke_detector, profile: beacon-smoke-iso, location: 7-1-")
                        .append(floor).append("0").append(flat).append("}\n");
            }
        }
        String yaml = TestSites.smallYaml();
        int from = yaml.indexOf("devices:");
        int to = yaml.indexOf("mqtt:");
        yaml = yaml.substring(0, from) + devices + yaml.substring(to);
        site = SiteDirectory.from(SiteFiles.parse(yaml, "site-lanes.yaml", PROFILES.deviceTypes(), TestSites.ENV));
    }

    /** An acme-gas-flat report: {@code gas} in 0.1 %LEL steps, {@code alarm} sets the alarm state. */
    static byte[] gasReport(String id, long ts, int gas, boolean alarm) {
        return ("{\"imei\":\"" + id + "\",\"ts\":" + ts + ",\"t\":\"rpt\",\"gas\":" + gas + ",\"st\":" + (alarm ? 1 : 0)
                + ",\"stw\":0,\"bat\":87,\"csq\":-71,\"life\":1450}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A beacon-smoke-iso message at {@code second} seconds after 10:00 local time; event report, fire or fire_clear. */
    static byte[] smokeReport(String id, int second, String event, int smokeTenths) {
        String time = java.time.LocalTime.of(10, 0).plusSeconds(second).toString();
        return ("{\"dev\":{\"sn\":\"" + id + "\"},\"time\":\"2026-11-25T" + (time.length() == 5 ? time + ":00" : time)
                + "+08:00\",\"event\":\"" + event + "\",\"data\":{\"smoke\":\"" + (smokeTenths / 10) + "." + (smokeTenths % 10)
                + "\",\"batt_v\":\"2.95\",\"rssi\":\"-88\"}}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
