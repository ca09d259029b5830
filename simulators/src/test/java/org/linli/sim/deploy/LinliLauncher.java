package org.linli.sim.deploy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Runs the repository's {@code ./linli} launcher from a module's directory, for what it prints (its sizing). */
public final class LinliLauncher {
    private LinliLauncher() {
    }

    /**
     * The trimmed output of {@code ./linli command}, run with none of the caller's {@code LINLI_} or {@code MALLOC_}
     * variables and with {@code env} set; asserts that it exited 0.
     */
    public static String output(String command, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("bash", Path.of("..", "linli").toString(), command)
                .redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("LINLI_") || k.startsWith("MALLOC_"));
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes()).trim();
        assertEquals(0, p.waitFor(), out);
        return out;
    }
}
