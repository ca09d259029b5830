package org.linli.sim.compound;

import org.linli.drivers.model.DeviceType;
import org.linli.gateway.config.BuildingConfig;
import org.linli.gateway.config.CompoundConfig;
import org.linli.gateway.config.ContactConfig;
import org.linli.gateway.config.DeviceConfig;
import org.linli.gateway.config.GridConfig;
import org.linli.gateway.config.HouseholdConfig;
import org.linli.gateway.config.HttpOptions;
import org.linli.gateway.config.InfluxOptions;
import org.linli.gateway.config.MqttOptions;
import org.linli.gateway.config.PersonConfig;
import org.linli.gateway.config.SiteConfig;
import org.linli.gateway.config.StorageOptions;
import org.linli.gateway.config.UnitConfig;
import org.linli.gateway.site.SiteDirectory;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds the site configuration of a simulated compound from a {@link CompoundSpec}. The simulator and the gateway
 * read the same configuration, exactly as on a real box where the installer's file describes the devices.
 */
public final class CompoundGenerator {
    private static final String[] WORKERS = {"李娜", "陈静", "王磊", "张敏", "刘洋", "赵丽", "孙伟", "周婷"};

    private CompoundGenerator() {
    }

    public static SiteConfig generate(CompoundSpec spec, MqttOptions mqtt, InfluxOptions influx, HttpOptions http,
                                      StorageOptions storage) {
        List<BuildingConfig> buildings = new ArrayList<>();
        List<DeviceConfig> devices = new ArrayList<>();
        int householdIndex = 0;
        for (int b = 1; b <= spec.buildings(); b++) {
            List<UnitConfig> units = new ArrayList<>();
            for (int u = 1; u <= spec.unitsPerBuilding(); u++) {
                List<HouseholdConfig> flagged = new ArrayList<>();
                for (int f = 1; f <= spec.floors(); f++) {
                    for (int n = 1; n <= spec.flatsPerFloor(); n++) {
                        householdIndex++;
                        String flat = SiteDirectory.flatNumber(f, n);
                        String key = b + "-" + u + "-" + flat;
                        if (spec.elderlyAlone().contains(key) || householdIndex % spec.elderlyAloneEvery() == 0) {
                            flagged.add(new HouseholdConfig(flat, List.of("elderly_living_alone"),
                                    List.of(new ContactConfig("家属" + key, "child", phone(householdIndex)))));
                        }
                        devices.add(device("gas", "gas_alarm", pick(spec.gasProfiles(), b), key));
                        devices.add(device("smoke", "smoke_detector", pick(spec.smokeProfiles(), b), key));
                        devices.add(device("water", "water_meter", pick(spec.waterProfiles(), b), key));
                    }
                }
                units.add(new UnitConfig(String.valueOf(u), spec.floors(), spec.flatsPerFloor(), flagged));
            }
            buildings.add(new BuildingConfig(String.valueOf(b), units, List.of()));
        }
        List<GridConfig> grids = new ArrayList<>();
        for (int first = 1, g = 1; first <= spec.buildings(); first += spec.buildingsPerGrid(), g++) {
            List<String> covered = new ArrayList<>();
            for (int b = first; b < first + spec.buildingsPerGrid() && b <= spec.buildings(); b++) {
                covered.add(String.valueOf(b));
            }
            String worker = WORKERS[(g - 1) % WORKERS.length];
            grids.add(new GridConfig("grid-" + g, "第" + g + "网格", covered,
                    new PersonConfig("gw" + g, worker, "1390000" + String.format("%04d", g)),
                    new PersonConfig("leader", "赵强", "13900009999")));
        }
        CompoundConfig site = new CompoundConfig(spec.street(), spec.community(), spec.compound(), buildings);
        return SiteConfig.of(site, grids, devices, mqtt, influx).withHttp(http).withStorage(storage);
    }

    /** Device ids follow the household: gas-3-2-501, smoke-3-2-501, water-3-2-501. */
    public static String deviceId(String kind, String householdKey) {
        return kind + "-" + householdKey;
    }

    private static DeviceConfig device(String kind, String type, String profile, String key) {
        return DeviceConfig.mqtt(deviceId(kind, key), DeviceType.fromId(type), profile, key);
    }

    private static String pick(List<String> profiles, int building) {
        return profiles.get((building - 1) % profiles.size());
    }

    private static String phone(int i) {
        return "1380000" + String.format("%04d", i % 10_000);
    }
}
