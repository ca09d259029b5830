package org.linli.sim.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The centre's site file for the benchmark: one street {@code s1} with communities {@code c1..ck} of at most
 * {@code perCommunity} compounds each (ids {@code c<k>x<n>}, the ids {@link org.linli.sim.uplink.SimulatedUplinks}
 * gives with prefix {@code c<k>x}), and one street duty user {@link #USER} whose password is {@link #PASSWORD}.
 */
final class CentreScaleSite {
    static final String USER = "street-duty";
    static final String PASSWORD = "demo-password";
    /** {@code ./linli hash-password} of {@link #PASSWORD} (the one in centre/config/centre.example.yaml). */
    private static final String HASH = "pbkdf2-sha256$210000$V+O7XqxIrtS6saRDgMpZhw$"
            + "ysuuZvyaLgvsKe6sGqd7DlUCydlPaL77xeI+0pqGQE0";

    /** One community of the file: its id, the fleet's id prefix, how many compounds. */
    record Community(String id, String idPrefix, int compounds) {
    }

    private CentreScaleSite() {
    }

    static List<Community> communities(int compounds, int perCommunity) {
        List<Community> out = new ArrayList<>();
        for (int k = 1, left = compounds; left > 0; k++, left -= perCommunity) {
            out.add(new Community("c" + k, "c" + k + "x", Math.min(perCommunity, left)));
        }
        return out;
    }

    /**
     * The YAML: HTTP on {@code port} (0: any), the broker's node URLs, the centre's login (null: none; its password
     * in {@code LINLI_CENTRE_BROKER_PASSWORD}).
     */
    static String yaml(List<Community> communities, List<String> brokerUrls, String brokerUser, int port) {
        StringBuilder y = new StringBuilder()
                .append("centre:\n  replica: bench\n  port: ").append(port).append('\n')
                .append("broker:\n  urls: [").append(String.join(", ", brokerUrls)).append("]\n");
        if (brokerUser != null) {
            y.append("  username: ").append(brokerUser).append("\n  passwordEnv: LINLI_CENTRE_BROKER_PASSWORD\n");
        }
        y.append("streets:\n  - id: s1\n    name: 和平街道\n    communities:\n");
        for (Community c : communities) {
            y.append("      - id: ").append(c.id()).append("\n        name: 社区").append(c.id())
                    .append("\n        compounds:\n");
            for (int n = 1; n <= c.compounds(); n++) {
                String id = c.idPrefix() + n;
                y.append("          - {id: ").append(id).append(", name: 模拟小区").append(id).append("}\n");
            }
        }
        y.append("users:\n  - id: ").append(USER).append("\n    name: 街道网格中心\n    role: duty\n")
                .append("    scope: {street: s1}\n    passwordHash: \"").append(HASH).append("\"\n");
        return y.toString();
    }
}
