package org.linli.sim.servers;

import org.junit.jupiter.api.Assumptions;

/**
 * Tests that need an outside program skip on a laptop without it, but fail in CI, where
 * {@code -Dlinli.requireExternalTools=true} (set by .ci/run) says every tool must be there.
 */
public final class RequiredTools {
    private RequiredTools() {
    }

    public static void require(String program, boolean available) {
        if (available) {
            return;
        }
        String message = program + " is not installed (apt-get install " + program + ")";
        if (Boolean.getBoolean("linli.requireExternalTools")) {
            throw new AssertionError(message + ": required in CI");
        }
        Assumptions.abort(message + ": skipping");
    }
}
