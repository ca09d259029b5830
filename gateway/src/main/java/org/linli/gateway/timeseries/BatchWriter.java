package org.linli.gateway.timeseries;

import java.util.List;

/** Writes one batch and says what the server made of it. Blocking; called on a worker thread. */
@FunctionalInterface
public interface BatchWriter {
    WriteOutcome write(List<String> lines);
}
