package org.linli.centre;

import org.linli.centre.config.CentreConfigLoader;
import org.linli.centre.config.CentreSiteFile;

import java.util.Map;

/**
 * The centre site file the tests use: street s1 (和平街道) with communities c1 {x1, x2} and c2 {x3}; users wangfang
 * (duty, community c1), street-duty (duty, street s1), c1-viewer (viewer, community c1), x3-viewer (viewer, compound
 * x3), all with the password {@link #PASSWORD}.
 */
final class TestSite {
    static final String PASSWORD = "demo-password";
    static final String HASH = "pbkdf2-sha256$210000$V+O7XqxIrtS6saRDgMpZhw$"
            + "ysuuZvyaLgvsKe6sGqd7DlUCydlPaL77xeI+0pqGQE0";

    private TestSite() {
    }

    static String yaml(String replica, String brokerUrl, int unreachableAfter, String robotType, String robotUrl) {
        String robot = robotType == null ? "" : "    dutyRobot: {type: " + robotType + ", url: \"" + robotUrl + "\"}\n";
        return "centre:\n"
                + "  replica: " + replica + "\n"
                + "  port: 0\n"
                + "  unreachableAfterSeconds: " + unreachableAfter + "\n"
                + "broker:\n"
                + "  urls: [" + brokerUrl + "]\n"
                + "streets:\n"
                + "  - id: s1\n"
                + "    name: 和平街道\n"
                + robot
                + "    communities:\n"
                + "      - id: c1\n"
                + "        name: 和平里社区\n"
                + "        compounds:\n"
                + "          - {id: x1, name: 和平里一区}\n"
                + "          - {id: x2, name: 和平里二区}\n"
                + "      - id: c2\n"
                + "        name: 安定门社区\n"
                + "        compounds:\n"
                + "          - {id: x3, name: 安定门小区}\n"
                + "users:\n"
                + user("wangfang", "王芳（和平里社区值班）", "duty", "community: c1")
                + user("street-duty", "李强（街道）", "duty", "street: s1")
                + user("c1-viewer", "社区只读", "viewer", "community: c1")
                + user("x3-viewer", "安定门物业", "viewer", "compound: x3");
    }

    private static String user(String id, String name, String role, String scope) {
        return "  - id: " + id + "\n    name: " + name + "\n    role: " + role + "\n    scope: {" + scope + "}\n"
                + "    passwordHash: \"" + HASH + "\"\n";
    }

    /** The same site with an {@code archive:} section for the test's PostgreSQL (no password: trust on loopback). */
    static CentreSiteFile withArchive(String replica, String brokerUrl, int unreachableAfter, String jdbcUrl,
                                      String dbUser) throws Exception {
        String yaml = yaml(replica, brokerUrl, unreachableAfter, null, null) + "archive:\n  jdbcUrl: \"" + jdbcUrl
                + "\"\n  user: " + dbUser + "\n  poolSize: 3\n";
        return CentreConfigLoader.parse(yaml, "test.yaml", Map.<String, String>of()::get);
    }

    static CentreSiteFile site(String replica, String brokerUrl, int unreachableAfter, String robotType,
                               String robotUrl)
            throws Exception {
        return CentreConfigLoader.parse(yaml(replica, brokerUrl, unreachableAfter, robotType, robotUrl), "test.yaml",
                Map.<String, String>of()::get);
    }
}
