package org.linli.sim.demo;

import java.nio.file.Path;
import java.util.List;

/** What the community demo prints once everything runs: where to look, who logs in with what, what is coming. */
final class CommunityBanner {
    private CommunityBanner() {
    }

    static String text(CommunityPlan plan, List<CommunityCompound> compounds, List<String> compoundUsers,
                       int centrePort, List<String> nodes, String deviceBroker, String tsdbUrl, Path dir,
                       double startSeconds, double scale) {
        StringBuilder s = new StringBuilder();
        int devices = compounds.stream().mapToInt(CommunityCompound::deviceCount).sum();
        s.append("\n==================================================================================\n");
        s.append(String.format(" Linli community demo running (started in %.0f s): %s › %s, %d compounds, %d devices%n",
                startSeconds, CommunityPlan.STREET_NAME, CommunityPlan.COMMUNITY_NAME, compounds.size(), devices));
        s.append(" a 3-node ActiveMQ Artemis cluster (MQTT 5, a login per compound), one gateway per compound, the centre\n\n");
        s.append(String.format(" Centre console (the whole community):  http://127.0.0.1:%d/%n", centrePort));
        s.append(" Centre users (user / password):\n");
        for (CentreSite.Login l : CentreSite.LOGINS) {
            s.append(String.format("   %-8s / %-12s %s, %s%n", l.user(), l.password(), l.name(), l.sees()));
        }
        s.append("\n Compound consoles (each its own gateway; the same users in each):\n");
        for (CommunityCompound c : compounds) {
            s.append(String.format("   %s %-11s %s%s%n", c.member().name(), c.member().id(), c.consoleUrl(),
                    c.member().equals(plan.dark()) ? "   (goes dark)" : ""));
        }
        compoundUsers.forEach(line -> s.append("     ").append(line).append('\n'));
        s.append("\n Broker cluster (MQTT):  ").append(String.join(", ", nodes)).append('\n');
        s.append(" Device broker:          ").append(deviceBroker).append("   time series: ").append(tsdbUrl)
                .append('\n');
        s.append(" Site files:             ").append(dir.resolve("centre.yaml")).append(", ")
                .append(dir.resolve("<compound id>/site.yaml")).append("\n\n");
        s.append(" On the way").append(scale == 1 ? "" : String.format(" (timeline x%.2f)", scale)).append(":\n");
        CommunityIncidents.lines(plan, scale).forEach(line -> s.append("   ").append(line).append('\n'));
        s.append(" Ctrl-C to stop.\n");
        s.append("==================================================================================\n");
        return s.toString();
    }
}
