package org.linli.gateway.site;

import org.linli.gateway.TestSites;
import org.linli.gateway.config.ConfigException;
import org.linli.gateway.config.SiteConfig;
import org.linli.gateway.sitefile.SiteFiles;

/**
 * A small site file for the issue 14 tests: building 3 with flats flagged in different ways (one with the resident's
 * own phone), a common area with a name, a grid with a name; {@code rules} is added by each test.
 */
final class SiteYaml {
    static final String BASE = """
            site:
              street: 南湖街道
              community: 幸福社区
              compound: 幸福里
              timeZone: Asia/Shanghai
              buildings:
                - id: "3"
                  areas: [{id: boiler-room, name: 锅炉房}, gate]
                  units:
                    - id: "2"
                      floors: 6
                      flatsPerFloor: 2
                      households:
                        - id: "501"
                          care: [elderly_living_alone]
                          phones: [%s]
                          contacts:
                            - {name: 王芳, relation: daughter, phone: "13800000001"}
                            - {name: 张阿姨, relation: neighbour (3-2-502), phone: "13800000002"}
                        - id: "601"
                          care: [empty_nest, disabled]
                        - id: "602"
                          care: [bedridden]
                        - id: "502"
                          care: [empty_nest]
            grids:
              - id: grid-1
                name: 幸福里第一网格
                buildings: ["3"]
                worker: {id: lina, name: 李娜, phone: "13900000001"}
                leader: {id: zhaoqiang, name: 赵强, phone: "13900009999"}
            devices:
              - {id: smoke-3-2-501, type: smoke_detector, profile: test-smoke, location: 3-2-501}
              - {id: smoke-3-2-601, type: smoke_detector, profile: test-smoke, location: 3-2-601}
              - {id: smoke-3-2-602, type: smoke_detector, profile: test-smoke, location: 3-2-602}
              - {id: smoke-3-2-502, type: smoke_detector, profile: test-smoke, location: 3-2-502}
              - {id: gas-3-boiler, type: gas_alarm, profile: test-gas, location: "3:boiler-room"}
            mqtt: {url: "tcp://127.0.0.1:1883", clientId: linli-test}
            influx: {url: "http://127.0.0.1:8086", org: linli, bucket: compound}
            """;

    private SiteYaml() {
    }

    /** The site with the resident phones {@code phones} (YAML list items) and {@code rules} appended. */
    static String text(String phones, String rules) {
        return BASE.formatted(phones) + rules;
    }

    static SiteConfig parse(String phones, String rules) throws ConfigException {
        return SiteFiles.parse(text(phones, rules), "issue14.yaml", TestSites.PROFILES, TestSites.ENV);
    }
}
