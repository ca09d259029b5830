package org.linli.drivers;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Times every input of a fuzz target's corpus, warm (best of five runs each), and prints the slowest: libFuzzer's own "slowest unit" has a
 * resolution of one second, too coarse for decoders that take microseconds. Run by .ci/fuzz after each target:
 * {@code FuzzCorpusTimer <fuzz test class> <method> <corpus dir>...}. Exits 1 if an input throws.
 */
public final class FuzzCorpusTimer {
    /** Executions before timing starts, so that the JIT has compiled the decoders. */
    private static final int WARM_UP_EXECUTIONS = 20_000;
    private static final int TIMED_PASSES = 5;

    private FuzzCorpusTimer() {
    }

    public static void main(String[] args) throws Exception {
        Class<?> type = Class.forName(args[0]);
        Constructor<?> constructor = type.getDeclaredConstructor();
        constructor.setAccessible(true);
        Object target = constructor.newInstance();
        Method method = type.getDeclaredMethod(args[1], byte[].class);
        method.setAccessible(true);
        List<Path> inputs = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            try (Stream<Path> files = Files.list(Path.of(args[i]))) {
                files.filter(Files::isRegularFile).forEach(inputs::add);
            }
        }
        List<byte[]> data = new ArrayList<>();
        for (Path p : inputs) {
            data.add(Files.readAllBytes(p));
        }
        int warmUpPasses = Math.max(2, WARM_UP_EXECUTIONS / Math.max(1, data.size()));
        long[] best = new long[data.size()];
        java.util.Arrays.fill(best, Long.MAX_VALUE);
        for (int pass = 0; pass < warmUpPasses + TIMED_PASSES; pass++) {
            for (int i = 0; i < data.size(); i++) {
                long start = System.nanoTime();
                try {
                    method.invoke(target, (Object) data.get(i));
                } catch (InvocationTargetException e) {
                    System.out.println("FINDING " + inputs.get(i) + ": " + e.getCause());
                    System.exit(1);
                }
                if (pass >= warmUpPasses) {
                    best[i] = Math.min(best[i], System.nanoTime() - start);
                }
            }
        }
        // an input's time is its best of the timed passes (a GC pause or a descheduled thread is not the input's)
        int slowestAt = -1;
        for (int i = 0; i < best.length; i++) {
            if (slowestAt < 0 || best[i] > best[slowestAt]) {
                slowestAt = i;
            }
        }
        long slowest = slowestAt < 0 ? 0 : best[slowestAt];
        System.out.printf("slowest of %d corpus inputs (warm, best of 5 runs each): %.3f ms, %d bytes, %s%n", data.size(),
                slowest / 1e6, slowestAt < 0 ? 0 : data.get(slowestAt).length,
                slowestAt < 0 ? "-" : inputs.get(slowestAt).getFileName());
    }
}
