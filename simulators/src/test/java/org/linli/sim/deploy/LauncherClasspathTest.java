package org.linli.sim.deploy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14.12: a clone that was built, then copied or moved, runs its own jars: the launcher's demo classpath
 * ({@code ./linli classpath}, what demo, load and camera-sim run) names the modules' jars under the clone it is run
 * from, even though Maven wrote the original clone's absolute paths and that clone is gone.
 */
class LauncherClasspathTest {
    private static final Path LAUNCHER = Path.of("../linli");

    @TempDir
    Path dir;

    @Test
    @DisplayName("a moved clone's demo classpath points into the moved clone, the ~/.m2 jars unchanged")
    void movedCloneRunsItsOwnJars() throws Exception {
        // GIVEN a built clone at 'original' (the launcher, module jars, and the classpath file Maven wrote there)
        Path original = dir.resolve("original");
        String m2Jar = "/root/.m2/repository/io/vertx/vertx-core/4.5.14/vertx-core-4.5.14.jar";
        builtClone(original, String.join(":",
                original.resolve("gateway/target/gateway-0.1.0-SNAPSHOT.jar").toString(),
                m2Jar,
                original.resolve("device-drivers/target/device-drivers-0.1.0-SNAPSHOT.jar").toString()));
        // AND it is moved elsewhere: the original path no longer exists
        Path moved = dir.resolve("elsewhere/linli-copy");
        Files.createDirectories(moved.getParent());
        Files.move(original, moved);
        assertFalse(Files.exists(original));

        // WHEN the moved clone's launcher resolves the demo's classpath
        List<String> cp = classpath(moved);

        // THEN every entry of this project is in the moved clone and exists there; the Maven repository jar is kept
        String root = moved.toRealPath().toString();
        assertEquals(List.of(root + "/simulators/target/classes",
                root + "/gateway/target/gateway-0.1.0-SNAPSHOT.jar",
                m2Jar,
                root + "/device-drivers/target/device-drivers-0.1.0-SNAPSHOT.jar"), cp);
        cp.stream().filter(e -> e.startsWith(root)).forEach(e -> assertTrue(Files.exists(Path.of(e)), e));
        assertTrue(cp.stream().noneMatch(e -> e.contains("/original/")), cp.toString());
    }

    /** The launcher and what a build leaves that the classpath needs; sources older than the build stamp. */
    private static void builtClone(Path root, String mavenClasspath) throws Exception {
        Files.createDirectories(root);
        Files.copy(LAUNCHER, root.resolve("linli"));
        root.resolve("linli").toFile().setExecutable(true);
        Files.writeString(root.resolve("pom.xml"), "<project/>");
        for (String module : List.of("device-drivers", "gateway", "simulators")) {
            Files.createDirectories(root.resolve(module).resolve("target"));
            Files.writeString(root.resolve(module + "/pom.xml"), "<project/>");
            Files.setLastModifiedTime(root.resolve(module + "/pom.xml"), FileTime.from(Instant.now().minusSeconds(60)));
        }
        Files.setLastModifiedTime(root.resolve("pom.xml"), FileTime.from(Instant.now().minusSeconds(60)));
        Files.createDirectories(root.resolve("simulators/target/classes"));
        Files.writeString(root.resolve("gateway/target/gateway-0.1.0-SNAPSHOT.jar"), "jar");
        Files.writeString(root.resolve("device-drivers/target/device-drivers-0.1.0-SNAPSHOT.jar"), "jar");
        Files.writeString(root.resolve("simulators/target/demo.classpath"), mavenClasspath); // the build stamp
    }

    private List<String> classpath(Path clone) throws Exception {
        Path out = dir.resolve("cp.out");
        Process p = new ProcessBuilder("bash", clone.resolve("linli").toString(), "classpath")
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "launcher did not finish");
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), String.join("\n", lines));
        return lines;
    }
}
