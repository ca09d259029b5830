package org.linli.gateway.timeseries;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Writes one batch and says what the server made of it. Blocking; called on a worker thread. */
@FunctionalInterface
public interface BatchWriter {
    WriteOutcome write(List<String> lines);

    /**
     * The same, with each line as the UTF-8 bytes the disk queue holds (what the forwarder calls). A writer that can
     * send bytes overrides this and spares decoding every line to text and encoding it again; this default decodes.
     */
    default WriteOutcome writeUtf8(List<byte[]> lines) {
        List<String> text = new ArrayList<>(lines.size());
        for (byte[] line : lines) {
            text.add(new String(line, StandardCharsets.UTF_8));
        }
        return write(text);
    }
}
