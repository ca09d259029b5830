package org.linli.gateway.camera;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.linli.drivers.onvif.ProbeMatch;
import org.linli.drivers.onvif.WsDiscoveryProbe;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * WS-Discovery for installers: probe for ONVIF cameras and print what answered as YAML entries for the
 * {@code cameras.devices} list, with the parts only a person can know (id, password variable, covered places)
 * marked to fill in. Used by {@code linli discover} and {@code GET /api/cameras/discovery}. Blocking.
 */
public final class CameraDiscovery {
    private CameraDiscovery() {
    }

    public static List<ProbeMatch> probe(InetSocketAddress target, Duration wait) throws IOException {
        return new WsDiscoveryProbe(target).probe(wait);
    }

    /** YAML list entries ready to paste under {@code cameras: devices:}. */
    public static String yaml(List<ProbeMatch> found) {
        StringBuilder sb = new StringBuilder();
        if (found.isEmpty()) {
            return "# no ONVIF camera answered the probe\n";
        }
        sb.append("# ").append(found.size()).append(" camera(s) found; paste under cameras: devices: and fill in the TODOs\n");
        for (int i = 0; i < found.size(); i++) {
            ProbeMatch m = found.get(i);
            String n = Integer.toString(i + 1);
            sb.append("  - id: cam-").append(n).append("            # TODO a unique id, e.g. cam-7-gate\n");
            scope(m, "name").ifPresent(v -> sb.append("    name: ").append(quoted(v)).append('\n'));
            sb.append("    model: generic\n");
            sb.append("    xaddr: ").append(m.xaddrs().isEmpty() ? "TODO" : m.xaddrs().get(0).toString()).append('\n');
            sb.append("    username: admin           # TODO\n");
            sb.append("    passwordEnv: LINLI_CAMERA_").append(n).append("_PASSWORD\n");
            sb.append("    covers: [\"TODO\"]          # building \"7\", unit \"7-1\" or area \"7:gate\"\n");
            sb.append("    # endpoint ").append(m.endpointReference());
            scope(m, "hardware").ifPresent(v -> sb.append(", hardware ").append(v));
            sb.append('\n');
            sb.append("    # scopes ").append(String.join(" ", m.scopes())).append('\n');
        }
        return sb.toString();
    }

    public static JsonObject toJson(List<ProbeMatch> found) {
        JsonArray devices = new JsonArray();
        for (ProbeMatch m : found) {
            devices.add(new JsonObject().put("endpointReference", m.endpointReference())
                    .put("xaddrs", new JsonArray(m.xaddrs().stream().map(URI::toString).toList()))
                    .put("scopes", new JsonArray(m.scopes()))
                    .put("name", scope(m, "name").orElse(null))
                    .put("hardware", scope(m, "hardware").orElse(null))
                    .put("from", m.from() == null ? null : m.from().getHostAddress()));
        }
        return new JsonObject().put("devices", devices).put("count", found.size()).put("yaml", yaml(found));
    }

    /** The value of an onvif://www.onvif.org/&lt;kind&gt;/&lt;value&gt; scope, URL-decoded. */
    static Optional<String> scope(ProbeMatch m, String kind) {
        String prefix = "onvif://www.onvif.org/" + kind + "/";
        return m.scopes().stream().filter(s -> s.startsWith(prefix)).findFirst()
                .map(s -> URLDecoder.decode(s.substring(prefix.length()), StandardCharsets.UTF_8));
    }

    private static String quoted(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
