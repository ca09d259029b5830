package org.linli.gateway;

import io.vertx.core.Vertx;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Closes a test's Vert.x instance within a bound; when it overruns, every thread's stack goes to stderr (the test's
 * surefire output) before the time-out is rethrown, so a stop that hung once on a CI machine says where it hung.
 */
public final class VertxTeardown {
    private VertxTeardown() {
    }

    public static void close(Vertx vertx, long seconds) throws Exception {
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(seconds, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            StringBuilder dump = new StringBuilder("Vert.x did not close within " + seconds + " s; threads:\n");
            for (Map.Entry<Thread, StackTraceElement[]> t : Thread.getAllStackTraces().entrySet()) {
                dump.append('"').append(t.getKey().getName()).append("\" ").append(t.getKey().getState()).append('\n');
                for (StackTraceElement frame : t.getValue()) {
                    dump.append("    at ").append(frame).append('\n');
                }
            }
            System.err.println(dump);
            throw e;
        }
    }
}
